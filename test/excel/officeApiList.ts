/**
 * Which Office.js members src/excel uses, found by the TypeScript compiler (every property access and call whose
 * declaration is Excel's, in @types/office-js, or one of our structural subsets of it in excelSubset.ts, plus the
 * properties named in `load("…")` strings), and the requirement set @types/office-js gives each. The checklist in
 * docs/office-js-apis.md is tested against this, so a new call cannot go in unlisted.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";

const root = resolve(__dirname, "../..");
const typesFile = resolve(root, "node_modules/@types/office-js/index.d.ts");

/** Our structural subsets (src/excel/excelSubset.ts) and the Office.js classes they stand for. */
const SUBSETS: Record<string, string> = {
  RangeSubset: "Range",
  RangeAreasSubset: "RangeAreas",
  WorksheetSubset: "Worksheet",
  SettingSubset: "Setting",
  WorkbookSubset: "Workbook",
  ApplicationSubset: "Application",
  ContextSubset: "RequestContext",
  worksheets: "WorksheetCollection",
  settings: "SettingCollection",
};

/** Members of every proxy object, declared on OfficeExtension.ClientObject. */
const CORE = new Set(["load", "isNullObject"]);

/** "Class.member" → "ExcelApi 1.7", from the `[Api set: …]` line of each member's doc comment in @types/office-js. */
export function requirementSets(): Map<string, string> {
  const text = readFileSync(typesFile, "utf8");
  const start = text.indexOf("\ndeclare namespace Excel {");
  const lines = text.slice(start, text.indexOf("\ndeclare namespace ", start + 10)).split("\n");
  const sets = new Map<string, string>();
  let cls: string | undefined;
  let set: string | undefined;
  for (const line of lines) {
    const open = /^ {4}(?:class|interface) (\w+)\b.*\{$/.exec(line);
    if (open) {
      cls = open[1];
      set = undefined;
    } else if (/^ {4}\}/.test(line)) cls = undefined;
    const api = /\[Api set: (ExcelApi [\d.]+)/.exec(line);
    if (api) set = api[1];
    const member = cls && /^ {8}(?:readonly )?(\w+)\??(?:\(|:)/.exec(line);
    if (member && set && !sets.has(`${cls}.${member[1]}`)) sets.set(`${cls}.${member[1]}`, set);
    if (member) set = undefined;
  }
  // No [Api set] line in @types/office-js: the proxy core, and the loaded items of the ExcelApi 1.1 collections.
  sets.set("ClientObject.load", "Office.js core");
  sets.set("ClientObject.isNullObject", "Office.js core");
  for (const c of ["WorksheetCollection", "TableCollection", "ChartCollection", "NamedItemCollection"])
    sets.set(`${c}.items`, "ExcelApi 1.1");
  sets.set("RequestContext.workbook", "ExcelApi 1.1");
  sets.set("RequestContext.application", "ExcelApi 1.1");
  sets.set("RequestContext.sync", "ExcelApi 1.1");
  return sets;
}

/** The Office class a declaration belongs to, or undefined when it is not Office.js's. */
function officeClass(decl: ts.Declaration): string | undefined {
  const file = decl.getSourceFile().fileName;
  const parent = decl.parent;
  if (file.endsWith("@types/office-js/index.d.ts")) {
    if (ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent)) {
      const name = parent.name?.text;
      return name === "ClientRequestContext" ? "RequestContext" : name;
    }
    return undefined;
  }
  if (!file.endsWith("src/excel/excelSubset.ts")) return undefined;
  if (ts.isInterfaceDeclaration(parent)) return SUBSETS[parent.name.text];
  if (ts.isTypeLiteralNode(parent) && ts.isPropertySignature(parent.parent))
    return SUBSETS[(parent.parent.name as ts.Identifier).text];
  return undefined;
}

/** Every "Class.member" of Office.js that a file of src/excel reaches, sorted. */
export function officeApisUsed(): string[] {
  const dir = resolve(root, "src/excel");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => resolve(dir, f));
  const config = ts.readConfigFile(resolve(root, "tsconfig.json"), ts.sys.readFile).config;
  const options = ts.parseJsonConfigFileContent(config, ts.sys, root).options;
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const used = new Set<string>();
  const classOfType = (type: ts.Type): string | undefined => {
    const decl = (type.getSymbol() ?? type.aliasSymbol)?.declarations?.[0];
    if (!decl) return undefined;
    const file = decl.getSourceFile().fileName;
    if (
      file.endsWith("@types/office-js/index.d.ts") &&
      (ts.isClassDeclaration(decl) || ts.isInterfaceDeclaration(decl))
    )
      return decl.name?.text;
    if (file.endsWith("src/excel/excelSubset.ts") && ts.isInterfaceDeclaration(decl)) return SUBSETS[decl.name.text];
    if (ts.isTypeLiteralNode(decl) && ts.isPropertySignature(decl.parent))
      return SUBSETS[(decl.parent.name as ts.Identifier).text];
    return undefined;
  };
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const decl = checker.getSymbolAtLocation(node.name)?.declarations?.[0];
        const cls = decl && officeClass(decl);
        // load and isNullObject belong to every proxy object (OfficeExtension.ClientObject): listed once
        if (cls) used.add(CORE.has(node.name.text) ? `ClientObject.${node.name.text}` : `${cls}.${node.name.text}`);
        // load("a,items/b"): the properties it names, on the object or its collection's items
        if (node.name.text === "load" && cls && ts.isCallExpression(node.parent)) {
          const arg = node.parent.arguments[0];
          const owner = checker.getTypeAtLocation(node.expression);
          const ownerClass = classOfType(owner);
          if (arg && ts.isStringLiteral(arg) && ownerClass)
            for (const prop of arg.text.split(",").map((p) => p.trim())) {
              const [first, second] = prop.split("/");
              if (!second) used.add(`${ownerClass}.${first}`);
              else {
                used.add(`${ownerClass}.${first}`);
                const items = owner.getProperty(first);
                const element = items && checker.getTypeOfSymbolAtLocation(items, node);
                const item = element && checker.getIndexTypeOfType(element, ts.IndexKind.Number);
                const itemClass = item && classOfType(item);
                if (itemClass) used.add(`${itemClass}.${second}`);
              }
            }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...used].sort();
}

/** The documentation page of a member, as learn.microsoft.com names its anchors. */
export function referencePage(api: string): string {
  const [cls, member] = api.split(".");
  if (cls === "ClientObject")
    return `https://learn.microsoft.com/javascript/api/office/officeextension.clientobject#office-officeextension-clientobject-${member.toLowerCase()}-member`;
  return `https://learn.microsoft.com/javascript/api/excel/excel.${cls.toLowerCase()}#excel-excel-${cls.toLowerCase()}-${member.toLowerCase()}-member`;
}
