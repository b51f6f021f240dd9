// The report's look as the analyst sees it, written out by hand (not imported from src/report/kam/look.ts), so a test
// that compares a sheet's styles with these fails when a builder's section, header or grid styling changes.

/** A section title: bold, 12 pt, dark blue, with a medium bottom border. */
export const SECTION = (range: string) => ({
  range,
  font: { bold: true, size: 12, color: "1F3864" },
  border: { edges: "bottom", style: "medium", color: "1F3864" },
});

/** A table header: bold white on dark blue, wrapped and centred vertically. */
export const HEADER = (range: string) => ({
  range,
  font: { bold: true, color: "FFFFFF" },
  fill: "1F3864",
  wrapText: true,
  verticalAlignment: "middle",
});

/** A table's thin grid. */
export const GRID = (range: string) => ({ range, border: { edges: "all", style: "thin" } });
