/**
 * KAM History in Excel (issue 19, part 3), on the recording fake: a rebuild appends the new snapshot's rows to the two
 * tables with Table.rows.add and writes only those rows; no operation reaches the earlier rows, which keep their cells
 * exactly; the tables grow by the new rows. Expected rows come from the plans (historySheet's rows: the earlier
 * history as the host read it, then the snapshot the core took).
 */
import { describe, expect, it } from "vitest";
import { columnLetters, type HistoryTables } from "../../src/core";
import { cellWrites } from "../../src/excel/cellWrites";
import { applyPlan } from "../../src/excel/applyPlan";
import { readHistory } from "../../src/excel/readHistory";
import { boxOf } from "../../src/report/cellRefs";
import { ACCOUNT_HISTORY_TABLE, HISTORY_SHEET, KPI_HISTORY_TABLE } from "../../src/report/kam/historySheet";
import { prepareReport } from "../../src/report/kam/prepareReport";
import type { WorkbookPlan } from "../../src/report/plan";
import { planCellAt } from "../../src/report/planCells";
import { PAYLOAD_LIMIT_BYTES, RecordingExcel } from "../fakes/fakeExcelWriter";
import { historyTablesOf } from "../support/historyTables";
import { sampleValues } from "../fixtures/kamSample";

const historyOf = (plan: WorkbookPlan): HistoryTables =>
  historyTablesOf(plan.sheets.find((s) => s.name === HISTORY_SHEET)!);

const build = (history: HistoryTables | undefined, now: string, values = sampleValues({ count: 60, hostile: true })) =>
  prepareReport({ sheet: "Account Data", top: 0, left: 0, values }, { now: new Date(now), history }).report!;

describe("KAM History through the Office.js renderer", () => {
  it("appends the new snapshot's rows to both tables and never touches the earlier ones", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    const first = build(undefined, "2026-09-30T08:00:00.000Z");
    await applyPlan(excel.context, first.plan, excel.supports);
    const sheet = excel.byName(HISTORY_SHEET)!;
    const before = new Map(sheet.formulas);
    const formatsBefore = new Map(sheet.formats);
    const boxes = () => Object.fromEntries(sheet.tables.map((t) => [t.name, { ...t.box! }]));
    const was = boxes();
    // The first build drew the sheet whole: header + 60 account rows, header + one row per KPI.
    expect(was[ACCOUNT_HISTORY_TABLE].rows).toBe(61);
    expect(was[KPI_HISTORY_TABLE].rows).toBe(1 + first.snapshots[0].kpis.length);

    // The host reads the tables (here: as the first plan drew them) and builds again with them.
    const opsBefore = excel.operations.length;
    const second = build(historyOf(first.plan), "2026-12-31T08:00:00.000Z");
    const plan2 = second.plan.sheets.find((s) => s.name === HISTORY_SHEET)!;
    expect(plan2.appendOnly).toEqual({
      keptRows: { [KPI_HISTORY_TABLE]: was[KPI_HISTORY_TABLE].rows - 1, [ACCOUNT_HISTORY_TABLE]: 60 },
    });
    await applyPlan(excel.context, second.plan, excel.supports);
    const ops = excel.operations.slice(opsBefore).filter((o) => o.path.startsWith(HISTORY_SHEET));

    // Only rows.add and the writes of the added rows: no clear, no table made again, no style, no old range.
    expect(ops.some((o) => /clear|tables\.add|delete|freezePanes|columnWidth/.test(o.path))).toBe(false);
    const adds = ops.filter((o) => /\.rows\.add\(null,/.test(o.path));
    expect(adds.map((o) => o.path)).toEqual([
      `${HISTORY_SHEET}.tables.getItem(${KPI_HISTORY_TABLE}).rows.add(null,${second.snapshots[1].kpis.length} rows)`,
      `${HISTORY_SHEET}.tables.getItem(${ACCOUNT_HISTORY_TABLE}).rows.add(null,60 rows)`,
    ]);
    // The other operations write cells or copy a first new row's formats down: every cell they changed (value or
    // number format) is below the earlier rows.
    const writes = ops.filter((x) => !adds.includes(x));
    expect(
      writes.filter((o) => !/\.range\.(formulas|numberFormat)$|\.copyFrom\(.*,Formats,false,false\)$/.test(o.path)),
    ).toEqual([]);
    // A column's one format goes on its first new cell and is copied down; only a column that mixes text and
    // text-returning formulas (the hostile names) sends a format per cell: never a format array over the whole rows.
    const formatShapes = writes
      .filter((o) => /numberFormat$/.test(o.path))
      .map((o) => [(o.value as unknown[][]).length, (o.value as unknown[][])[0].length]);
    expect(formatShapes.every(([rows, cols]) => rows === 1 || cols === 1)).toBe(true);
    const changed = [...sheet.formulas.keys(), ...sheet.formats.keys()].filter(
      (cell) => sheet.formulas.get(cell) !== before.get(cell) || sheet.formats.get(cell) !== formatsBefore.get(cell),
    );
    expect(changed.length).toBeGreaterThan(0);
    for (const cell of changed) {
      const { top, left } = boxOf(cell);
      const table = left <= 3 ? was[KPI_HISTORY_TABLE] : was[ACCOUNT_HISTORY_TABLE];
      expect(top, cell).toBeGreaterThan(table.row + table.rows); // 1-based: below the earlier rows
    }
    // The earlier cells hold what they held, and the tables grew by the new rows.
    for (const [cell, value] of before) expect(sheet.formulas.get(cell), cell).toEqual(value);
    const now = boxes();
    expect(now[KPI_HISTORY_TABLE].rows).toBe(was[KPI_HISTORY_TABLE].rows + second.snapshots[1].kpis.length);
    expect(now[ACCOUNT_HISTORY_TABLE].rows).toBe(121);
    // The new rows are the plan's: the second snapshot's label, and a hostile name as a text-returning formula.
    const newTop = was[ACCOUNT_HISTORY_TABLE].rows + 1;
    expect(sheet.formulas.get(`E${newTop}`)).toBe("2026-12-31T08:00:00.000Z");
    expect(sheet.formulas.get(`F${newTop}`)).toBe('="=HYPERLINK(""http://x"",""click"")"');
    expect(sheet.formulas.get(`E${newTop - 1}`)).toBe("2026-09-30T08:00:00.000Z");
    // Every new cell of both tables is the plan's, as cellWrites sends it (text that starts with "=" as a formula).
    for (const t of plan2.tables!) {
      const box = boxOf(t.range);
      const top = box.top + 1 + plan2.appendOnly!.keptRows[t.name];
      for (let r = top; r <= box.bottom; r++) {
        const planned = [];
        for (let c = box.left; c <= box.right; c++) planned.push(planCellAt(plan2, r, c));
        const [expected] = cellWrites([planned]).formulas;
        // a blank stays as rows.add left it ("")
        const got = expected.map((_, j) => {
          const v = sheet.formulas.get(`${columnLetters(box.left - 1 + j)}${r}`);
          return v === "" || v === undefined ? null : v;
        });
        expect(got, `${t.name} row ${r}`).toEqual(expected);
      }
    }
    expect(Math.max(...excel.requestBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  it("draws KAM History whole where its tables are gone, from the history the plan carries", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    const first = build(undefined, "2026-09-30T08:00:00.000Z");
    await applyPlan(excel.context, first.plan, excel.supports);
    excel.byName(HISTORY_SHEET)!.tables = excel
      .byName(HISTORY_SHEET)!
      .tables.filter((t) => t.name !== KPI_HISTORY_TABLE);
    const second = build(historyOf(first.plan), "2026-12-31T08:00:00.000Z");
    await applyPlan(excel.context, second.plan, excel.supports);
    const sheet = excel.byName(HISTORY_SHEET)!;
    expect(sheet.tables.map((t) => t.name).sort()).toEqual([ACCOUNT_HISTORY_TABLE, KPI_HISTORY_TABLE]);
    expect(sheet.formulas.get("E2")).toBe("2026-09-30T08:00:00.000Z");
    expect(sheet.formulas.get("E62")).toBe("2026-12-31T08:00:00.000Z");
  });

  it("reads the add-in's own KAM History back before a build (the taskpane's route), in chunks under the budget", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    const values = sampleValues({ count: 60 });
    expect(await readHistory(excel.context, 4e6)).toBeUndefined(); // no KAM History yet
    const first = build(undefined, "2026-09-30T08:00:00.000Z", values);
    await applyPlan(excel.context, first.plan, excel.supports);
    const syncs = excel.syncs;
    // A small response budget, 9,600 bytes at 64 a cell: the account table (11 columns: 7 + 4 criteria, 61 rows)
    // comes 13 rows at a time, 5 reads; the KPI table (3 columns) in 1; after 3 syncs that find the tables.
    const read = await readHistory(excel.context, 9600);
    expect(historyOf(first.plan).accounts.header).toHaveLength(11);
    expect(excel.syncs - syncs).toBe(3 + 1 + 5);
    expect(read).toEqual(historyOf(first.plan));
    const second = build(read, "2026-12-31T08:00:00.000Z", values);
    await applyPlan(excel.context, second.plan, excel.supports);
    expect(excel.byName(HISTORY_SHEET)!.tables.find((t) => t.name === ACCOUNT_HISTORY_TABLE)!.box!.rows).toBe(121);
    // A sheet of the analyst's named KAM History is not the add-in's: nothing is read from it.
    const theirs = new RecordingExcel([RecordingExcel.sheet(HISTORY_SHEET, 0)]);
    expect(await readHistory(theirs.context, 4e6)).toBeUndefined();
  });

  it("refuses, before writing anything to it, a build that did not read the history its tables hold", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    await applyPlan(excel.context, build(undefined, "2026-09-30T08:00:00.000Z").plan, excel.supports);
    const sheet = excel.byName(HISTORY_SHEET)!;
    const before = new Map(sheet.formulas);
    const blind = build(undefined, "2026-12-31T08:00:00.000Z"); // keptRows 0: it would write over row 2
    await expect(applyPlan(excel.context, blind.plan, excel.supports)).rejects.toThrow(
      /^KAM History was not changed: its table KamHistoryKpis holds \d+ rows from row 1, but this build read 0 from row 1\. Rename the KAM History sheet/,
    );
    expect(sheet.formulas).toEqual(before);
  });

  it("never touches a sheet of the analyst's named KAM History: the add-in's takes another name", async () => {
    const mine = RecordingExcel.sheet(HISTORY_SHEET, 0);
    mine.formulas.set("A1", "my notes");
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0), mine]);
    const result = await applyPlan(excel.context, build(undefined, "2026-09-30T08:00:00.000Z").plan, excel.supports);
    expect(result.renamed).toContainEqual({ planned: HISTORY_SHEET, used: `${HISTORY_SHEET} (2)` });
    expect(mine.formulas.get("A1")).toBe("my notes");
    expect(mine.formulas.size).toBe(1);
  });
});
