import {
  columnLetters,
  LOWER_IS_BETTER,
  type AccountTable,
  type Kpi,
  type KpiId,
  type PortfolioOptions,
  type RevenuePeriod,
} from "../../core";
import type { ChartPlan, ConditionalFormat, DefinedName, PlanCell, RangeStyle, SheetPlan } from "../plan";
import { absoluteRef } from "../sheetRefs";
import type { AccountsLayout } from "./accountsSheet";
import type { InputRefs } from "./inputsSheet";
import { kpiFormula } from "./kpiFormulas";
import {
  COLOURS,
  FORMATS,
  grid,
  header,
  KPI_FORMAT,
  note,
  section,
  SEGMENT_COLOURS_2X2,
  SEGMENT_COLOURS_3X3,
  title,
} from "./look";
import { rankedList, type RankedListSpec } from "./rankedList";
import { segmentNpsFormula } from "./segmentFormulas";

export const DASHBOARD_SHEET = "KPI Dashboard";
const TILES: readonly KpiId[] = ["Accounts", "ChurnRate", "NRR", "NPS", "CLV", "AtRisk"];
const MAX_SEGMENTS = 12;
const AT_RISK_LIST = 15;

const DEFINITIONS: Record<KpiId, string> = {
  Accounts: "Accounts not churned",
  RetentionRate: "(S − C) / S: S accounts with prior revenue, C of them churned",
  ChurnRate: "C / S",
  GRR: "Σ min(revenue, prior) / Σ prior, accounts at start; churned count 0",
  NRR: "Σ revenue / Σ prior, accounts at start; churned count 0",
  RevenueGrowth: "Σ revenue of active accounts / Σ prior revenue − 1",
  NPS: "Active accounts: % promoters (9–10) − % detractors (0–6)",
  ProductsPerAccount: "Mean products in use per active account (cross-sell ratio)",
  CLV: "Mean of m·r / (1 + d − r), m = margin, r = retention rate, d = discount rate",
  CustomerEquity: "Σ CLV of the active accounts",
  AtRisk: "Active, and NPS ≤ 6 or revenue down by more than the threshold",
};

export interface DashboardResult {
  readonly sheet: SheetPlan;
  readonly names: readonly DefinedName[];
  readonly notes: readonly string[];
}

/**
 * The KPI dashboard: headline tiles, the KPI table (value, target, gap, on/off track) whose value cells carry the
 * KPI_* defined names, breakdowns by customer segment and by portfolio segment, charts (revenue by portfolio segment
 * and by customer segment, prior against current revenue, NPS mix, products per account), and a live ranked list of
 * the accounts at risk. A KPI the columns cannot give is left out with the core's sentence, never shown as 0.
 */
export function dashboardSheet(
  table: AccountTable,
  options: PortfolioOptions,
  kpis: readonly Kpi[],
  layout: AccountsLayout,
  inputs: InputRefs,
  periods: readonly RevenuePeriod[] = [],
  /** Products owned per account, counted from the product block (the Whitespace sheet), where no column counts them. */
  owned?: { readonly range: string; readonly counts: ArrayLike<number> },
): DashboardResult {
  const blocks: { at: string; rows: PlanCell[][] }[] = [];
  const styles: RangeStyle[] = [title("A1"), note("A2")];
  const merges: string[] = [];
  const conditionalFormats: ConditionalFormat[] = [];
  const charts: ChartPlan[] = [];
  const names: DefinedName[] = [];
  /** Header rows whose labels wrap onto two lines. */
  const headerRows: number[] = [];
  const notes: string[] = [];
  const has = layout.has;
  const A = layout.range("active");
  blocks.push({
    at: "A1",
    rows: [
      ["Key account KPI dashboard"],
      [
        `${table.count.toLocaleString("en-US")} accounts from '${table.sheet}'. Every figure is a live formula over the Accounts sheet.`,
      ],
    ],
  });

  // The KPI table first (the tiles point at its cells).
  const available = kpis.filter((k) => k.value !== undefined && kpiFormula(k.id, layout, table));
  const tableTop = 9;
  const rows: PlanCell[][] = [["KPI", "Value", "Target", "Gap", "Status", "Definition"]];
  const valueCell = new Map<KpiId, string>();
  available.forEach((k, i) => {
    const r = tableTop + 1 + i;
    const t = inputs.target(k.id);
    const better = LOWER_IS_BETTER.has(k.id) ? `$B${r}<=${t}` : `$B${r}>=${t}`;
    rows.push([
      k.label,
      { f: kpiFormula(k.id, layout, table)! },
      { f: `IF(ISNUMBER(${t}),${t},"")` },
      { f: `IF(ISNUMBER(${t}),$B${r}-${t},"")` },
      { f: `IF(ISNUMBER(${t}),IF(${better},"On track","Off track"),"")` },
      DEFINITIONS[k.id],
    ]);
    styles.push({ range: `B${r}:D${r}`, numberFormat: KPI_FORMAT[k.format] });
    valueCell.set(k.id, `B${r}`);
    names.push({ name: `KPI_${k.id}`, refersTo: absoluteRef(DASHBOARD_SHEET, `B${r}`) });
  });
  const tableBottom = tableTop + available.length;
  blocks.push({ at: `A${tableTop - 1}`, rows: [["Key figures"]] }, { at: `A${tableTop}`, rows });
  styles.push(
    section(`A${tableTop - 1}:F${tableTop - 1}`),
    header(`A${tableTop}:F${tableTop}`),
    grid(`A${tableTop}:F${tableBottom}`),
    { range: `F${tableTop + 1}:F${tableBottom}`, font: { italic: true, color: COLOURS.muted } },
  );
  const status = `E${tableTop + 1}:E${tableBottom}`;
  conditionalFormats.push(
    {
      type: "cellValue",
      range: status,
      operator: "equal",
      formula1: '"On track"',
      fill: COLOURS.good,
      fontColor: COLOURS.goodText,
    },
    {
      type: "cellValue",
      range: status,
      operator: "equal",
      formula1: '"Off track"',
      fill: COLOURS.bad,
      fontColor: COLOURS.badText,
    },
  );
  let row = tableBottom + 1;
  for (const k of kpis.filter((x) => !available.includes(x))) {
    const sentence = `${k.label} left out: ${k.reason ?? "its columns are missing"}.`;
    blocks.push({ at: `A${row}`, rows: [[sentence]] });
    styles.push(note(`A${row}`));
    notes.push(`KPI Dashboard: ${sentence}`);
    row++;
  }

  // Tiles: label, big value, target line; two columns each.
  const tiles = TILES.filter((id) => valueCell.has(id));
  tiles.forEach((id, i) => {
    const c1 = columnLetters(2 * i);
    const c2 = columnLetters(2 * i + 1);
    const k = kpis.find((x) => x.id === id)!;
    const v = valueCell.get(id)!;
    blocks.push({
      at: `${c1}4`,
      rows: [
        [k.label],
        [{ f: v }],
        [
          {
            f: `IF(ISNUMBER(C${v.slice(1)}),"target "&TEXT(C${v.slice(1)},"${KPI_FORMAT[k.format].replace(/"/g, '""')}"),"")`,
          },
        ],
      ],
    });
    merges.push(`${c1}4:${c2}4`, `${c1}5:${c2}5`, `${c1}6:${c2}6`);
    styles.push(
      {
        range: `${c1}4:${c2}6`,
        fill: "DEEAF6",
        horizontalAlignment: "center",
        border: { edges: "outline", style: "thin", color: "9DC3E6" },
      },
      { range: `${c1}4`, font: { bold: true, color: COLOURS.muted } },
      { range: `${c1}5`, numberFormat: KPI_FORMAT[k.format], font: { bold: true, size: 20, color: COLOURS.title } },
      { range: `${c1}6`, font: { italic: true, color: COLOURS.muted } },
    );
  });

  // Breakdowns and their charts, side by side below the KPI table.
  row += 1;
  const R = has("revenue") ? layout.range("revenue") : undefined;
  const P = has("priorRevenue") ? layout.range("priorRevenue") : undefined;
  const chartRows = 16;
  if (has("quadrant") && R) {
    const Q = layout.range("quadrant");
    const cells = options.grid ** 2;
    const colours = options.grid === 2 ? SEGMENT_COLOURS_2X2 : SEGMENT_COLOURS_3X3;
    const rowsQ: PlanCell[][] = [["Portfolio segment", "Active accounts", "Revenue", "At risk"]];
    for (let k = 0; k < cells; k++) {
      const q = `$A${row + 2 + k}`;
      rowsQ.push([
        { f: inputs.segmentName(k) },
        { f: `COUNTIFS(${Q},${q},${A},TRUE)` },
        { f: `SUMIFS(${R},${Q},${q},${A},TRUE)` },
        has("atRisk") ? { f: `COUNTIFS(${Q},${q},${layout.range("atRisk")},TRUE)` } : "",
      ]);
    }
    blocks.push({ at: `A${row}`, rows: [["By portfolio segment"]] }, { at: `A${row + 1}`, rows: rowsQ });
    headerRows.push(row + 1);
    const first = row + 2;
    const last = row + 1 + cells;
    styles.push(
      section(`A${row}:D${row}`),
      header(`A${row + 1}:D${row + 1}`),
      grid(`A${row + 1}:D${last}`),
      { range: `B${first}:B${last}`, numberFormat: FORMATS.count },
      { range: `C${first}:C${last}`, numberFormat: FORMATS.money },
      { range: `D${first}:D${last}`, numberFormat: FORMATS.count },
    );
    for (let k = 0; k < cells; k++) styles.push({ range: `A${first + k}`, fill: colours[k] });
    charts.push({
      kind: "column",
      title: "Revenue by portfolio segment",
      from: `F${row}`,
      to: `L${row + chartRows}`,
      series: [
        { name: "Revenue", categories: `A${first}:A${last}`, values: `C${first}:C${last}`, color: COLOURS.revenue },
      ],
      yAxis: { numberFormat: FORMATS.money },
      legend: "none",
    });
    row += chartRows + 2;
  }

  const segments = table.labels.segment ? topSegments(table, MAX_SEGMENTS) : [];
  if (segments.length > 0) {
    const S = layout.range("segment");
    const header5: PlanCell[] = [
      "Customer segment",
      "Active accounts",
      "Revenue",
      "Prior revenue",
      "Revenue change",
      "NPS",
    ];
    const rowsS: PlanCell[][] = [header5];
    segments.forEach((s, k) => {
      const r = row + 2 + k;
      const q = `$A${r}`;
      rowsS.push([
        s,
        { f: `COUNTIFS(${S},${q},${A},TRUE)` },
        R ? { f: `SUMIFS(${R},${S},${q},${A},TRUE)` } : "",
        P ? { f: `SUMIFS(${P},${S},${q})` } : "",
        R && P ? { f: `IF($D${r}>0,$C${r}/$D${r}-1,"")` } : "",
        has("nps") ? { f: segmentNpsFormula(table, layout, `${S},${q}`) } : "",
      ]);
    });
    const first = row + 2;
    const last = row + 1 + segments.length;
    blocks.push({ at: `A${row}`, rows: [["By customer segment"]] }, { at: `A${row + 1}`, rows: rowsS });
    headerRows.push(row + 1);
    styles.push(
      section(`A${row}:F${row}`),
      header(`A${row + 1}:F${row + 1}`),
      grid(`A${row + 1}:F${last}`),
      { range: `B${first}:B${last}`, numberFormat: FORMATS.count },
      { range: `C${first}:D${last}`, numberFormat: FORMATS.money },
      { range: `E${first}:E${last}`, numberFormat: FORMATS.percent },
      { range: `F${first}:F${last}`, numberFormat: FORMATS.number },
    );
    if (R) {
      charts.push({
        kind: P ? "column" : "bar",
        title: P ? "Prior against current revenue by segment" : "Revenue by segment",
        from: `H${row}`,
        to: `L${row + chartRows}`,
        series: [
          ...(P
            ? [
                {
                  name: "Prior revenue",
                  categories: `A${first}:A${last}`,
                  values: `D${first}:D${last}`,
                  color: COLOURS.prior,
                },
              ]
            : []),
          { name: "Revenue", categories: `A${first}:A${last}`, values: `C${first}:C${last}`, color: COLOURS.revenue },
        ],
        yAxis: { numberFormat: FORMATS.money },
        legend: "bottom",
      });
    }
    // Blank segments are no segment: only a segment left out makes the note true.
    if (segments.length < new Set(table.labels.segment!.filter((s) => s !== null)).size) {
      notes.push(`KPI Dashboard: the ${segments.length} largest customer segments by revenue are shown.`);
    }
    row += Math.max(chartRows, segments.length + 2) + 2;
  }

  if (periods.length >= 3) {
    // Revenue by year: earlier years as recorded, the current year as the KPIs count it (0 once churned).
    const rowsT: PlanCell[][] = [["Year", "Revenue"]];
    periods.forEach((p, k) => {
      const f =
        p.field === "revenue"
          ? `SUMPRODUCT(${A}*${layout.range("revenue")})`
          : `SUM(${layout.range(p.field ?? `period${k}`)})`;
      rowsT.push([p.header, { f }]);
    });
    const first = row + 2;
    const last = row + 1 + periods.length;
    blocks.push({ at: `A${row}`, rows: [["Revenue by year"]] }, { at: `A${row + 1}`, rows: rowsT });
    styles.push(section(`A${row}:B${row}`), header(`A${row + 1}:B${row + 1}`), grid(`A${row + 1}:B${last}`), {
      range: `B${first}:B${last}`,
      numberFormat: FORMATS.money,
    });
    charts.push({
      kind: "line",
      title: "Revenue by year",
      from: `D${row}`,
      to: `L${row + chartRows}`,
      series: [
        { name: "Revenue", categories: `A${first}:A${last}`, values: `B${first}:B${last}`, color: COLOURS.revenue },
      ],
      yAxis: { numberFormat: FORMATS.money },
      legend: "none",
    });
    row += chartRows + 2;
  }

  const mixTop = row;
  // A survey NPS (0–10 answers) has a mix of promoters, passives and detractors; an account-level NPS has none.
  const npsMix = has("nps") && table.npsScale !== "account";
  if (npsMix) {
    const N = layout.range("nps");
    const count = (c: string) => `COUNTIFS(${A},TRUE,${N},"${c}")`;
    const groups: [string, string, string][] = [
      ["Promoters (9–10)", count(">=9"), "70AD47"],
      ["Passives (7–8)", `COUNTIFS(${A},TRUE,${N},">=7",${N},"<=8")`, "A5A5A5"],
      ["Detractors (0–6)", count("<=6"), "C00000"],
    ];
    blocks.push(
      { at: `A${row}`, rows: [["NPS mix (active accounts)"]] },
      { at: `A${row + 1}`, rows: [["Group", "Accounts"], ...groups.map(([g, f]) => [g, { f }])] },
    );
    styles.push(section(`A${row}:B${row}`), header(`A${row + 1}:B${row + 1}`), grid(`A${row + 1}:B${row + 4}`));
    headerRows.push(row + 1);
    // One series per group, so each keeps its colour (promoters green, detractors red) in every reader.
    charts.push({
      kind: "bar",
      title: "NPS mix: active accounts",
      from: `A${row + 6}`,
      to: `D${row + 6 + chartRows}`,
      series: groups.map(([g, , colour], i) => ({ name: g, values: `B${row + 2 + i}`, color: colour })),
      yAxis: { numberFormat: FORMATS.count },
      legend: "bottom",
    });
  }
  const counted = has("products") ? { range: layout.range("products"), counts: table.numbers.products! } : owned;
  if (counted) {
    const Pr = counted.range;
    // A loop, not Math.max(...): spreading a million accounts' values overflows the call stack.
    let most = 1;
    for (let i = 0; i < counted.counts.length; i++) if (counted.counts[i] > most) most = counted.counts[i]; // NaN (blank) compares false
    most = Math.min(8, most);
    const rowsP: PlanCell[][] = [["Products", "Accounts"]];
    for (let p = 1; p <= most; p++) {
      const crit = p === most ? `">=${p}"` : String(p);
      rowsP.push([p === most && most > 1 ? `${p}+` : String(p), { f: `COUNTIFS(${A},TRUE,${Pr},${crit})` }]);
    }
    blocks.push({ at: `F${mixTop}`, rows: [["Products per account"]] }, { at: `F${mixTop + 1}`, rows: rowsP });
    headerRows.push(mixTop + 1);
    styles.push(
      section(`F${mixTop}:G${mixTop}`),
      header(`F${mixTop + 1}:G${mixTop + 1}`),
      grid(`F${mixTop + 1}:G${mixTop + 1 + most}`),
    );
    charts.push({
      kind: "column",
      title: "Products per active account",
      from: `I${mixTop}`,
      to: `L${mixTop + chartRows}`,
      series: [
        {
          name: "Accounts",
          categories: `F${mixTop + 2}:F${mixTop + 1 + most}`,
          values: `G${mixTop + 2}:G${mixTop + 1 + most}`,
          color: "70AD47",
        },
      ],
      xAxisTitle: "Products in use",
      yAxis: { numberFormat: FORMATS.count },
      legend: "none",
    });
  }
  // Room for the charts only where one is drawn: an account NPS without products leaves none (it kept 24 blank rows).
  if (npsMix || counted) row = mixTop + chartRows + 8;

  if (has("atRisk") && R) {
    const listTop = row + 1;
    const columns = [
      { header: "Account", range: layout.range("account") },
      ...(has("owner") ? [{ header: "Account manager", range: layout.range("owner") }] : []),
      ...(has("revenueChange") ? [{ header: "Revenue change", range: layout.range("revenueChange") }] : []),
      ...(has("nps") ? [{ header: "NPS", range: layout.range("nps") }] : []),
    ];
    const spec: RankedListSpec = {
      sheet: DASHBOARD_SHEET,
      top: listTop,
      left: 0,
      length: AT_RISK_LIST,
      key: R,
      keyHeader: "Revenue",
      filter: `(${layout.range("atRisk")}*1)`,
      firstRow: layout.firstRow,
      columns,
    };
    const list = rankedList(spec);
    headerRows.push(listTop);
    const whyCol = columnLetters(columns.length + 2);
    const letterOf = (name: string) => columnLetters(columns.findIndex((c) => c.header === name));
    const change = has("revenueChange") ? letterOf("Revenue change") : undefined;
    const npsCol = has("nps") ? letterOf("NPS") : undefined;
    const keyLetter = columnLetters(columns.length);
    const rowLetter = columnLetters(columns.length + 1);
    const unhappy = table.npsScale === "account" ? "<0" : "<=6";
    list[0].push("Why");
    for (let k = 1; k < list.length; k++) {
      const r = listTop + k;
      const parts = [
        npsCol ? `IF(AND(ISNUMBER($${npsCol}${r}),$${npsCol}${r}${unhappy}),"NPS "&$${npsCol}${r}&"  ","")` : undefined,
        change
          ? `IF(AND(ISNUMBER($${change}${r}),$${change}${r}<-${inputs.atRiskThreshold}),"revenue "&TEXT($${change}${r},"0%"),"")`
          : undefined,
      ].filter(Boolean);
      list[k].push({ f: `TRIM(${parts.join("&")})` });
    }
    blocks.push(
      {
        at: `A${row}`,
        rows: [
          [{ f: `"Accounts at risk, largest revenue first ("&COUNTIF(${layout.range("atRisk")},TRUE)&" in all)"` }],
        ],
      },
      { at: `A${listTop}`, rows: list },
    );
    styles.push(
      section(`A${row}:${whyCol}${row}`),
      header(`A${listTop}:${whyCol}${listTop}`),
      grid(`A${listTop}:${whyCol}${listTop + AT_RISK_LIST}`),
      { range: `${keyLetter}${listTop + 1}:${keyLetter}${listTop + AT_RISK_LIST}`, numberFormat: FORMATS.moneyFull },
      { range: `${rowLetter}${listTop + 1}:${rowLetter}${listTop + AT_RISK_LIST}`, font: { color: "808080" } },
    );
    if (change)
      styles.push({
        range: `${change}${listTop + 1}:${change}${listTop + AT_RISK_LIST}`,
        numberFormat: FORMATS.percent,
      });
    row = listTop + AT_RISK_LIST + 1;
  }

  return {
    sheet: {
      name: DASHBOARD_SHEET,
      tabColor: "2E75B6",
      showGridlines: false,
      columnWidths: { A: 26, B: 14, C: 14, D: 14, E: 14, F: 16, G: 14, H: 14, I: 14, J: 14, K: 14, L: 14 },
      rowHeights: { 1: 24, 4: 18, 5: 36, ...Object.fromEntries(headerRows.map((r) => [r, 30])) },
      merges,
      blocks,
      styles,
      conditionalFormats,
      charts,
      print: { landscape: true, fitToOnePage: true, area: `A1:L${row}` },
    },
    names,
    notes,
  };
}

/** The customer segments with the most revenue (all, up to `max`), in order of revenue. */
function topSegments(table: AccountTable, max: number): string[] {
  const total = new Map<string, number>();
  const labels = table.labels.segment!;
  const revenue = table.numbers.revenue;
  for (let i = 0; i < table.count; i++) {
    const s = labels[i];
    if (s === null) continue;
    const r = revenue?.[i] ?? 0;
    total.set(s, (total.get(s) ?? 0) + (Number.isNaN(r) ? 0 : r));
  }
  return [...total.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([s]) => s);
}
