// `node scripts/check-describe-bodies.mjs`: fails when a test file computes with src/ code in a describe body or at
// its top level (a `const x = f(...)` there, f imported from src/ or from a test helper, which may call src/).
// Stryker switches a mutant on per test; a value built while vitest collects the tests is built once, from the code
// as written, so no test reading it can kill a mutant in what built it (measured: takeSnapshot.test.ts killed 27
// mutants by hand and none under Stryker). Build such values inside `it`, or behind a function the tests call. A
// value that holds no result of src/ code (a module loaded, an arbitrary, a parsed README) may stay, with a comment
// `// collection-time: why` on the line above it. The tests a mutation run leaves out (vitest.mutation.config.mts's
// exclude list, read from that file: LibreOffice, the built command, the browser, the build) may keep their setup.
import ts from "typescript";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const MUTATION_CONFIG = "vitest.mutation.config.mts";

/** A vitest glob (`**`, `*`) as a regular expression over paths with "/". */
const globToRegExp = (glob) =>
  new RegExp(
    `^${glob
      .split(/(\*\*\/|\*\*|\*)/)
      .map((p) =>
        p === "**/" ? "(?:.*/)?" : p === "**" ? ".*" : p === "*" ? "[^/]*" : p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
      )
      .join("")}$`,
  );

/** The tests a mutation run leaves out: the `exclude` globs of its vitest config, read from the config's source. */
function mutationExcludes() {
  const sf = ts.createSourceFile(MUTATION_CONFIG, readFileSync(MUTATION_CONFIG, "utf8"), ts.ScriptTarget.Latest, true);
  let globs = [];
  const visit = (node) => {
    if (
      ts.isPropertyAssignment(node) &&
      node.name.getText(sf) === "exclude" &&
      ts.isArrayLiteralExpression(node.initializer)
    )
      globs = node.initializer.elements.filter(ts.isStringLiteral).map((e) => e.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (globs.length === 0) throw new Error(`check-describe-bodies: no exclude list found in ${MUTATION_CONFIG}`);
  return globs.map(globToRegExp);
}
const SLOW = mutationExcludes();

const testFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : /\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/**
 * The names a file imports from this repository: src/ (the code under test) and the test helpers, which call src/
 * (runSample builds a whole report). Packages (vitest, fast-check, hyperformula) and node: modules are not ours.
 */
function ownImports(sf) {
  const names = new Set();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !st.moduleSpecifier.text.startsWith(".")) continue;
    const clause = st.importClause;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) names.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings))
      for (const el of bindings.elements) if (!el.isTypeOnly) names.add(el.name.text);
  }
  return names;
}

/** Whether evaluating node (not the functions it defines) calls one of names. */
function callsAny(node, names) {
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return false;
  if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && names.has(calleeRoot(node.expression))) return true;
  return ts.forEachChild(node, (child) => callsAny(child, names) || undefined) ?? false;
}
const calleeRoot = (e) =>
  ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? calleeRoot(e.expression) : undefined;

const problems = [];
for (const file of testFiles("test")) {
  const rel = file.split("\\").join("/");
  if (SLOW.some((re) => re.test(rel))) continue;
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const names = ownImports(sf);
  if (names.size === 0) continue;
  const flag = (statements) => {
    for (const st of statements)
      if (
        ts.isVariableStatement(st) &&
        !/collection-time:/.test(sf.text.slice(st.getFullStart(), st.getStart(sf))) &&
        st.declarationList.declarations.some((d) => d.initializer && callsAny(d.initializer, names))
      ) {
        const line = sf.getLineAndCharacterOfPosition(st.getStart(sf)).line + 1;
        problems.push(`${rel}:${line}: ${st.getText(sf).split("\n")[0].slice(0, 90)}`);
      }
  };
  // The file's top level runs at collection as a describe body does.
  flag(sf.statements);
  const visit = (node) => {
    if (ts.isCallExpression(node) && /^describe(\.\w+)*$/.test(node.expression.getText(sf))) {
      const body = node.arguments.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a))?.body;
      if (body && ts.isBlock(body)) flag(body.statements);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
if (problems.length > 0) {
  console.error(
    `check-describe-bodies: ${problems.length} describe-level values computed with src/ code (build them inside \`it\`, ` +
      "or behind a function the tests call; see the comment atop scripts/check-describe-bodies.mjs):\n" +
      problems.join("\n"),
  );
  process.exit(1);
}
