/** The string enums of one namespace of @types/office-js: enum name → its members as [key, value]. */
export type EnumTable = ReadonlyMap<string, readonly (readonly [key: string, value: string])[]>;

/**
 * The enums declared at the top of `declare namespace <namespace>` (its first block) in the text of @types/office-js's
 * index.d.ts, so that no enum value is typed by hand. Excel's members carry their string (`bubble = "Bubble"`);
 * Office's are declared bare (`Excel,`), and office.js gives each its own name as value (Office.HostType.Excel is
 * "Excel"). Pure, so the same table serves Node (read from the package) and the browser (computed in Node and
 * injected into the bundle, where there is no file system).
 */
export function enumsOfNamespace(declarations: string, namespace: "Excel" | "Office"): EnumTable {
  const start = declarations.indexOf(`\ndeclare namespace ${namespace} {`);
  if (start < 0) throw new Error(`@types/office-js declares no namespace ${namespace}`);
  const end = declarations.indexOf("\ndeclare namespace ", start + 10);
  const body = declarations.slice(start, end < 0 ? undefined : end);
  const member = namespace === "Excel" ? /^\s*(\w+) = "([^"]*)",?$/gm : /^\s*(\w+)(?: = "([^"]*)")?,?$/gm;
  const enums = new Map<string, [string, string][]>();
  for (const m of body.matchAll(/\n {4}enum (\w+) \{([\s\S]*?)\n {4}\}/g))
    enums.set(
      m[1],
      [...m[2].matchAll(member)].map((v) => [v[1], v[2] ?? v[1]]),
    );
  return enums;
}

/** Enum name → its values, as the fakes check them. */
export function enumValues(table: EnumTable): ReadonlyMap<string, readonly string[]> {
  return new Map([...table].map(([name, members]) => [name, members.map(([, value]) => value)]));
}

/** Enum name → { key: value }, as the Office.js globals hold them (`Excel.ChartType.bubble === "Bubble"`). */
export function enumObjects(table: EnumTable): Record<string, Record<string, string>> {
  return Object.fromEntries([...table].map(([name, members]) => [name, Object.fromEntries(members)]));
}
