/**
 * Every worked example in README.md, executed (issue 21, item 6): each formula of a `| formula | result | what it
 * says |` table is called through the functions as Excel calls them (functions.json from the build's generator, the
 * strict fake runtime) on the cells of its section's sheet table, and must show the README's result to the digits
 * shown. The README is the expected value here: a change to either that makes them disagree fails.
 */
import "../fakes/customFunctionsRuntime";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isCellError, shown } from "../fakes/customFunctionsRuntime";
import { loadExcelFunctions } from "./excelRuntime";
import {
  parseArgument,
  parseFormula,
  parseShownNumber,
  proseExamples,
  readmeExamples,
  type Argument,
} from "./readmeExamples";

const readme = readFileSync(resolve(__dirname, "../../README.md"), "utf8");
// collection-time: loads the custom-functions module and its functions.json; every function is called inside `it`.
const excel = await loadExcelFunctions();
// collection-time: parses the README's text (no src/ code) to name one test per example; every call to the
// functions happens inside `it`.
const examples = readmeExamples(readme);

/** What the formula's cell (or spilled cells) show, row by row, and the message of a whole-call error. */
function evaluate(formula: string, sheet: (typeof examples)[number]["sheet"]): { cells: unknown[]; message?: string } {
  const { id, args, times } = parseFormula(formula);
  const meta = excel.metadata.functions.find((f) => f.id === id);
  if (!meta) throw new Error(`KAM.${id} is not in functions.json`);
  const values = args.map((text, k) => {
    const arg: Argument = parseArgument(text, sheet);
    // A `number` parameter gets the single value (null when omitted); an `any[][]` one the matrix.
    if (meta.parameters[k]?.dimensionality === "matrix" || arg === null) return arg;
    if (arg.length !== 1 || arg[0].length !== 1) throw new Error(`${meta.parameters[k]?.name} takes one value`);
    return arg[0][0];
  });
  try {
    const out = excel.call(id, ...values);
    const cells = Array.isArray(out) ? (out as unknown[][]).flat() : [out];
    return { cells: cells.map((c) => (typeof c === "number" ? c * times : shown(c))) };
  } catch (e) {
    if (!isCellError(e)) throw e;
    return { cells: [e.code], message: e.message };
  }
}

describe("README.md's worked examples", () => {
  it("are all in example tables: no formula's result is stated in prose, where no test would run it", () => {
    expect(proseExamples(readme)).toEqual([]);
  });

  it("include one for every function the add-in registers", () => {
    const documented = new Set(examples.map((e) => parseFormula(e.formula).id));
    const missing = excel.metadata.functions.map((f) => f.id).filter((id) => !documented.has(id));
    expect(missing).toEqual([]);
  });

  for (const example of examples) {
    it(`line ${example.line}: ${example.formula} → ${example.result.join(", ")}`, () => {
      const { cells, message } = evaluate(example.formula, example.sheet);
      expect(cells.length, "number of result cells").toBe(example.result.length);
      example.result.forEach((expected, k) => {
        const actual = cells[k];
        const number = parseShownNumber(expected);
        if (/^#[A-Z0-9/]+[!?]$/.test(expected)) {
          expect(actual).toBe(expected);
          // an error the README explains is quoted in "what it says": that is the message Excel shows on hover
          const quoted = /^"(.*)"$/.exec(example.says);
          if (quoted) expect(message).toBe(quoted[1]);
        } else if (number) {
          expect(typeof actual, `cell ${k + 1}`).toBe("number");
          const value = number.percent ? (actual as number) * 100 : (actual as number);
          // shown to `decimals` places: the value must round to it (half a unit of the last digit, with float slack)
          expect(Math.abs(value - number.value), `cell ${k + 1}: ${value}`).toBeLessThanOrEqual(
            0.5 * 10 ** -number.decimals + 1e-9,
          );
        } else expect(actual).toBe(expected);
      });
    });
  }
});

describe("the README example reader is strict", () => {
  it("reads sheet cells, blanks, notes, literals, percents, array constants and omitted arguments", () => {
    const md = [
      "### X",
      "| | A: a | note |",
      "|---|---|---|",
      "| 1 | 1,000 | x |",
      "| 2 | (blank) | |",
      "| 3 | 3 (weight) | |",
      "",
      "| formula | result | what it says |",
      "|---|---|---|",
      "| `=KAM.NPS(A1:A3)` | 1, −2.50, 3% | y |",
    ].join("\n");
    const [ex] = readmeExamples(md);
    expect(ex.line).toBe(10);
    expect(ex.result).toEqual(["1", "−2.50", "3%"]);
    expect(parseArgument("A1:A3", ex.sheet)).toEqual([[1000], [null], [3]]);
    expect(parseArgument("63.1%", ex.sheet)).toEqual([[0.631]]);
    expect(parseArgument("{1,2;3,4}", ex.sheet)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(parseArgument("", ex.sheet)).toBeNull();
    expect(parseShownNumber("−1680.27")).toEqual({ value: -1680.27, decimals: 2, percent: false });
    expect(parseShownNumber("4.3%")).toEqual({ value: 4.3, decimals: 1, percent: true });
    expect(parseFormula("=KAM.CLV(1000, 63.1%, 10%, , , 1)")).toEqual({
      id: "CLV",
      args: ["1000", "63.1%", "10%", "", "", "1"],
      times: 1,
    });
    expect(parseFormula("=KAM.SURVIVAL.FORECAST(A1:A8, {8,9})*1000").times).toBe(1000);
  });

  it("refuses what it cannot read instead of skipping it", () => {
    const sheet = (cell: string) => `| | A: a |\n|---|---|\n| 1 | ${cell} |`;
    expect(() => readmeExamples(sheet("high"))).toThrow(
      'README line 3: a sheet cell is a number or (blank), not "high"',
    );
    expect(() => readmeExamples("| formula | result | what it says |\n|---|---|---|\n| KAM.NPS(1) | 1 | |")).toThrow(
      "README line 3: an example row is `=KAM.…` | … | …",
    );
    expect(() => readmeExamples("| call | gives |\n|---|---|\n| `=KAM.NPS(1)` | 1 |")).toThrow(
      "README line 1: a table of formulas needs the header | formula | result | what it says |",
    );
    // a cell the section's sheet does not hold, and a sheet from an earlier section, are not read as blanks
    const [ex] = readmeExamples(
      `${sheet("1")}\n### Y\n| formula | result | what it says |\n|---|---|---|\n| \`=KAM.NPS(A1)\` | 1 | |`,
    );
    expect(() => parseArgument("A1", ex.sheet)).toThrow("A1 is not in the section's sheet table");
    expect(() => parseFormula("=SUM(A1)")).toThrow(
      '"=SUM(A1)" is not =KAM.NAME(arguments) or =KAM.NAME(arguments)*number',
    );
    expect(proseExamples("so `=KAM.NPS({9})` → **100**.\n| `=KAM.NPS({9})` | 100 | |")).toEqual([
      "line 1: so `=KAM.NPS({9})` → **100**.",
    ]);
  });
});
