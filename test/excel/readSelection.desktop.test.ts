/**
 * Where Excel has no payload limit (Windows, Mac), readSelection's first read takes up to 3,000,000 cells, never the
 * whole of a larger table in one giant response.
 */
import { describe, expect, it } from "vitest";
import { DESKTOP_RESPONSE_BUDGET_BYTES, readSelection } from "../../src/excel/readSelection";
import { FakeExcel } from "../fakes/fakeExcel";

describe("readSelection without a payload limit", () => {
  it("reads a table of 3,001 rows of 1,000 columns in two responses: 3,000 rows, then the last", async () => {
    const row = Array.from({ length: 1000 }, (_, j) => j);
    const cells = Array.from({ length: 3001 }, () => row);
    const desktop = new FakeExcel([{ name: "Wide", cells }], { sheet: "Wide", row: 0, col: 0, rows: 3001, cols: 1000 });
    desktop.payloadLimit = Infinity;
    const read = await readSelection(desktop.context, () => true, { responseBudget: DESKTOP_RESPONSE_BUDGET_BYTES });
    // 3,000,000 cells / 1,000 columns = 3,000 rows first (64 MB at 64 bytes a cell would allow only 1,048).
    expect(read.chunks).toBe(2);
    expect(read.input.values[3000][999]).toBe(999);
    expect(read.input.values).toHaveLength(3001);
  });
});
