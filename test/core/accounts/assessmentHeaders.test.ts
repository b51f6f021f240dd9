import { describe, expect, it } from "vitest";
import { detectMapping, proposeCriteria, type TableInput } from "../../../src/core";

const table = (headers: string[], rows: (string | number)[][]): TableInput => ({
  sheet: "Accounts",
  top: 0,
  left: 0,
  values: [headers, ...rows],
});

describe("headers that assess a field rather than hold it", () => {
  it('reads "Margin potential" and "Revenue potential" as rated criteria, not as the margin or the revenue', () => {
    const input = table(
      ["Account", "Revenue", "Margin potential", "Revenue potential", "Gross margin"],
      [
        ["A", 100, 4, 5, 0.3],
        ["B", 200, 2, 3, 0.25],
      ],
    );
    const m = detectMapping(input);
    expect(m.fields.revenue?.header).toBe("Revenue");
    expect(m.fields.grossMargin?.header).toBe("Gross margin");
    expect(proposeCriteria(input, m).criteria.map((c) => c.header)).toEqual(["Margin potential", "Revenue potential"]);
  });

  it("leaves a table with only a margin potential without a gross margin (CLV then says which column it needs)", () => {
    const m = detectMapping(table(["Account", "Margin potential"], [["A", 4]]));
    expect(m.fields.grossMargin).toBeUndefined();
  });

  it("still maps a rated relationship header and an NPS score", () => {
    const m = detectMapping(table(["Account", "Relationship score", "NPS score"], [["A", 4, 9]]));
    expect(m.fields.relationship?.header).toBe("Relationship score");
    expect(m.fields.nps?.header).toBe("NPS score");
  });
});
