/**
 * The inputs mirrored beside the Accounts table (src/report/kam/accountsInputs.ts): each input the row formulas read
 * as a formula pointing at its KAM Inputs cell, and the references the formulas then use, on the Accounts sheet.
 */
import { describe, expect, it } from "vitest";
import type { PlanCell } from "../../../src/report/plan";
import type { InputRefs } from "../../../src/report/kam/inputsSheet";
import { accountsInputs } from "../../../src/report/kam/accountsInputs";
import { withPlanEngine } from "../../support/planEngine";

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

  it("lists every input under its label, one row each, and gives the formulas the mirror's cells", () => {
    // Two criteria, two cut-offs on each axis, a retention rate and four segments; the table ends at D, mirror from F.
    const given: InputRefs = {
      ...inputs("'KAM Inputs'!$B$6:$C$6"),
      attractivenessCuts: ["'KAM Inputs'!$B$21", "'KAM Inputs'!$C$21"],
      strengthCuts: ["'KAM Inputs'!$B$22", "'KAM Inputs'!$C$22"],
      retention: "'KAM Inputs'!$B$40",
    };
    const { block, styles, refs } = accountsInputs(given, 2, 4, 5);
    const f = (cell: string) => ({ f: `'KAM Inputs'!${cell}` });
    expect(block).toEqual({
      at: "F1",
      rows: [
        ["Inputs these formulas use (edit them on the KAM Inputs sheet)", null, null],
        ["Criteria weights", f("$B$6"), f("$C$6")],
        ["Rating scale, lowest", f("$B$10"), null],
        ["Rating scale, highest", f("$B$11"), null],
        ["Relationship strength, weight", f("$B$14"), null],
        ["Relationship strength, lowest", f("$B$15"), null],
        ["Relationship strength, highest", f("$B$16"), null],
        ["Share of wallet, weight", f("$B$17"), null],
        ["Share of wallet written out of", f("$B$18"), null],
        ["Attractiveness cut-off 1", f("$B$21"), null],
        ["Attractiveness cut-off 2", f("$C$21"), null],
        ["Strength cut-off 1", f("$B$22"), null],
        ["Strength cut-off 2", f("$C$22"), null],
        ["Discount rate", f("$B$31"), null],
        ["At-risk threshold", f("$B$32"), null],
        ["Retention rate", f("$B$40"), null],
        ["Segment 1", f("$B$25"), null],
        ["Segment 2", f("$B$26"), null],
        ["Segment 3", f("$B$27"), null],
        ["Segment 4", f("$B$28"), null],
      ],
    });
    // The heading in the note's look, the mirror below it grey over its full width (F to H).
    expect(styles).toEqual([
      { range: "F1", font: { italic: true, color: "595959" } },
      { range: "F2:H20", font: { color: "808080" } },
    ]);
    expect({ ...refs, segmentName: undefined, segmentStrategy: undefined, target: undefined }).toEqual({
      weights: "$G$2:$H$2",
      scaleMin: "$G$3",
      scaleMax: "$G$4",
      relationshipWeight: "$G$5",
      relationshipMin: "$G$6",
      relationshipMax: "$G$7",
      shareWeight: "$G$8",
      shareScale: "$G$9",
      attractivenessCuts: ["$G$10", "$G$11"],
      strengthCuts: ["$G$12", "$G$13"],
      discountRate: "$G$14",
      atRiskThreshold: "$G$15",
      retention: "$G$16",
      segmentNames: "$G$17:$G$20",
      segmentName: undefined,
      segmentStrategy: undefined,
      target: undefined,
    });
    expect([0, 1, 2, 3].map((k) => refs.segmentName(k))).toEqual(["$G$17", "$G$18", "$G$19", "$G$20"]);
    // What is not mirrored still points at KAM Inputs.
    expect(refs.segmentStrategy(1)).toBe("'KAM Inputs'!$C$26");
    expect(refs.target("NPS")).toBe("'KAM Inputs'!$D$3");

    // One cut-off on each axis and no retention rate: no rows for them, the segments three rows up.
    const without = accountsInputs(inputs("'KAM Inputs'!$B$6:$C$6"), 2, 2, 5);
    expect(without.block.rows.map((r) => r[0]).slice(12)).toEqual(["At-risk threshold", "Segment 1", "Segment 2"]);
    expect(without.refs.retention).toBeUndefined();
    expect(without.refs.segmentNames).toBe("$G$14:$G$15");
    expect(without.styles[1]).toEqual({ range: "F2:H15", font: { color: "808080" } });
  });

  it("mirrors the values of KAM Inputs, in HyperFormula: the segment names the matrix reads, the weights", () => {
    const { block, refs } = accountsInputs(inputs("'KAM Inputs'!$B$6:$C$6"), 2, 4, 5);
    const kamInputs = {
      name: "KAM Inputs",
      blocks: [
        { at: "B6", rows: [[3, 1]] },
        { at: "B25", rows: [["Develop"], ["Invest"], ["Maintain"], ["Harvest"]] },
      ],
    };
    const accounts = {
      name: "Accounts",
      blocks: [block, { at: "A1", rows: [[{ f: `INDEX(${refs.segmentNames},4)` }, { f: `SUM(${refs.weights})` }]] }],
    };
    withPlanEngine({ sheets: [accounts, kamInputs] }, (e) => {
      expect([0, 1, 2, 3].map((k) => e.value("Accounts", refs.segmentName(k).replace(/\$/g, "")))).toEqual([
        "Develop",
        "Invest",
        "Maintain",
        "Harvest",
      ]);
      expect(e.value("Accounts", "A1")).toBe("Harvest");
      expect(e.value("Accounts", "B1")).toBe(4);
    });
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
    // A reference after a line break is no one reference either (the sheet part stops at the line's end).
    expect(() => accountsInputs(inputs("x\n'KAM Inputs'!$B$6:$C$6"), 2, 4, 5)).toThrow(
      "not a one-row range: x\n'KAM Inputs'!$B$6:$C$6",
    );
  });
});
