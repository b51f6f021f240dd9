/**
 * The inputs mirrored beside the Accounts table (src/report/kam/accountsInputs.ts): each input the row formulas read
 * as a formula pointing at its KAM Inputs cell, and the references the formulas then use, on the Accounts sheet.
 */
import { describe, expect, it } from "vitest";
import type { PlanCell } from "../../../src/report/plan";
import type { InputRefs } from "../../../src/report/kam/inputsSheet";
import { accountsInputs } from "../../../src/report/kam/accountsInputs";

const inputs = (weights: string | undefined): InputRefs => ({
  weights,
  scaleMin: "'KAM Inputs'!$B$10",
  scaleMax: "'KAM Inputs'!$B$11",
  relationshipWeight: "'KAM Inputs'!$B$14",
  relationshipMin: "'KAM Inputs'!$B$15",
  relationshipMax: "'KAM Inputs'!$B$16",
  shareWeight: "'KAM Inputs'!$B$17",
  shareScale: "'KAM Inputs'!$B$18",
  attractivenessCuts: ["'KAM Inputs'!$B$21"],
  strengthCuts: ["'KAM Inputs'!$B$22"],
  segmentNames: "'KAM Inputs'!$B$25:$B$28",
  segmentName: (k) => `'KAM Inputs'!$B$${25 + k}`,
  segmentStrategy: (k) => `'KAM Inputs'!$C$${25 + k}`,
  discountRate: "'KAM Inputs'!$B$31",
  atRiskThreshold: "'KAM Inputs'!$B$32",
  target: (id) => `'KAM Inputs'!$D$${id.length}`,
});

describe("the inputs mirrored beside the Accounts table", () => {
  it("mirrors each criterion weight of the row, past column Z too, and the formulas read the mirror", () => {
    // 28 criteria weighted in B6:AC6; the table's last column is Y (25), the mirror starts one blank column after.
    const { block, refs } = accountsInputs(inputs("'KAM Inputs'!$B$6:$AC$6"), 28, 4, 26);
    expect(block.at).toBe("AA1");
    const weights: readonly PlanCell[] = block.rows[1];
    expect(weights[0]).toBe("Criteria weights");
    expect(weights.slice(1, 4)).toEqual([
      { f: "'KAM Inputs'!$B$6" },
      { f: "'KAM Inputs'!$C$6" },
      { f: "'KAM Inputs'!$D$6" },
    ]);
    expect(weights.slice(25)).toEqual([
      { f: "'KAM Inputs'!$Z$6" },
      { f: "'KAM Inputs'!$AA$6" },
      { f: "'KAM Inputs'!$AB$6" },
      { f: "'KAM Inputs'!$AC$6" },
    ]);
    // the row the score reads: AB2 to the 28th cell right of it, BC2
    expect(refs.weights).toBe("$AB$2:$BC$2");
    expect(block.rows[2]).toEqual(["Rating scale, lowest", { f: "'KAM Inputs'!$B$10" }, ...Array(27).fill(null)]);
    expect(refs.scaleMin).toBe("$AB$3");

    // weights starting past Z (AA is column 27, its next AB), on row 16
    const far = accountsInputs(inputs("'KAM Inputs'!$AA$16:$AB$16"), 2, 4, 3).block.rows[1];
    expect(far).toEqual(["Criteria weights", { f: "'KAM Inputs'!$AA$16" }, { f: "'KAM Inputs'!$AB$16" }]);
  });

  it("refuses criteria weights that are not one row of cells, naming the reference", () => {
    expect(() => accountsInputs(inputs("'KAM Inputs'!$B$6"), 1, 4, 5)).toThrow(
      "not a one-row range: 'KAM Inputs'!$B$6",
    );
    expect(() => accountsInputs(inputs("'KAM Inputs'!B6:E6"), 4, 4, 5)).toThrow(
      "not a one-row range: 'KAM Inputs'!B6:E6",
    );
    expect(() => accountsInputs(inputs("'KAM Inputs'!$B$6:$C$6,'KAM Inputs'!$E$6"), 3, 4, 5)).toThrow(
      "not a one-row range: 'KAM Inputs'!$B$6:$C$6,'KAM Inputs'!$E$6",
    );
  });
});
