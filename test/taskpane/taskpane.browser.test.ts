/**
 * The taskpane end to end in a real browser: Debian's Chromium (playwright-core) opens the development build served
 * on localhost, with office.js answered by the in-page fake (test/fakes/inPageOffice.ts) over a workbook holding the
 * demo sample on "Account Data". The analyst's path: select the table, Use selection, see the detected columns, change
 * one and put it back (with the keyboard), Build both (with the keyboard), find the sheets, KPI_* names and charts in
 * the workbook, go to an issue's cell, meet an Excel error as a sentence and carry on, reload and Rebuild. At each
 * step axe-core finds no serious or critical violation, and a screenshot goes to test-artifacts/taskpane/.
 *
 * Expected values come from the core and report modules run on the same cells inside each test, never from the pane.
 */
import { existsSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIELDS, splitRangeAddress, parseCell, type FieldId, type TableInput } from "../../src/core";
import { explainExcelError } from "../../src/excel/excelErrors";
import { prepareReport } from "../../src/report/kam/prepareReport";
import { officeFakeScript } from "../support/officeFakeBundle";
import { chooseWithKeyboard, inFake, tabTo, until } from "../support/pageSteps";
import { DATA_SHEET, sampleWorkbook } from "../support/sampleWorkbook";
import {
  CHROMIUM,
  launchTaskpaneBrowser,
  screenshot,
  seriousAxeViolations,
  type TaskpaneBrowser,
} from "../support/taskpaneBrowser";
import { ensureBuilt, serveDist, type Served } from "../support/taskpaneServer";

const chromiumMissing = !existsSync(CHROMIUM);
if (chromiumMissing)
  console.warn(
    `Skipping the taskpane's browser test: ${CHROMIUM} is missing and scripts/check-system.mjs could not install it ` +
      "(it installs with apt-get when run as root). Install it with: sudo apt-get install -y --no-install-recommends chromium",
  );

/** The sample as the pane reads it, through the core and the report builder. */
function sampleInput(): TableInput {
  const { data } = sampleWorkbook();
  return { sheet: DATA_SHEET, top: 0, left: 0, values: data[0].cells, numberFormats: data[0].formats };
}

describe.skipIf(chromiumMissing)("the taskpane in Chromium, over a fake Excel holding the demo sample", () => {
  let served: Served;
  let browser: TaskpaneBrowser;
  let page: Page;

  /** Screenshots of the pane as it is, and axe's serious and critical findings, which must be none. */
  async function step(name: string, top?: Locator): Promise<void> {
    await screenshot(page, name, top);
    expect(await seriousAxeViolations(page), `axe at step ${name}`).toEqual([]);
  }

  const button = (name: string | RegExp) => page.getByRole("button", { name, exact: typeof name === "string" });
  const dropdown = (label: string) => page.getByRole("combobox", { name: label, exact: true });
  const visible = (what: string, locator: ReturnType<Page["locator"]>) =>
    until(what, () => locator.first().isVisible());

  beforeAll(async () => {
    const built = ensureBuilt();
    if (built > 0) console.log(`webpack development build: ${built} ms`);
    served = await serveDist();
    browser = await launchTaskpaneBrowser(await officeFakeScript(sampleWorkbook()));
    page = browser.page;
  }, 300_000); // a webpack build beside the rest of npm test on two cores

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("opens saying what to do, with Use selection, and renders quickly", async () => {
    const started = Date.now();
    await page.goto(`${served.url}taskpane.html`);
    await visible("Use selection", button("Use selection"));
    const rendered = Date.now() - started;
    const loaded = await page.evaluate(() =>
      Math.round(
        (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      ),
    );
    console.log(
      `taskpane first render: ${rendered} ms from navigation to "Use selection" visible (scripts run by ${loaded} ms)`,
    );
    expect(await page.getByRole("heading", { level: 1, name: "KAM Analytics" }).isVisible()).toBe(true);
    expect(
      await page
        .getByText(/select the account table/i)
        .first()
        .isVisible(),
    ).toBe(true);
    // A fresh workbook holds no saved settings: nothing to rebuild.
    expect(await button("Rebuild").count()).toBe(0);
    // The shared runtime: this page also registered the custom functions.
    const functions = await page.evaluate(() => [
      ...(window as unknown as { __kamFunctions: Map<string, unknown> }).__kamFunctions.keys(),
    ]);
    expect(functions).toContain("SCORE");
    await step("1-start", page.getByRole("heading", { level: 1 }));
  });

  it("reads the selected table and shows the detected columns, criteria and issues", async () => {
    const input = sampleInput();
    const { mapping, table } = prepareReport(input, {});
    const rows = input.values.length;
    const cols = input.values[0].length;
    await inFake(page, (fake, s) => (fake.view.selection = s), { sheet: DATA_SHEET, row: 0, col: 0, rows, cols });
    await button("Use selection").click();
    await visible("the Columns section", page.getByRole("heading", { name: "Columns" }));

    for (const [field, match] of Object.entries(mapping.fields) as [FieldId, { header: string }][]) {
      const shown = await dropdown(FIELDS[field].label).textContent();
      expect(shown?.trim(), FIELDS[field].label).toBe(match.header);
    }
    expect(await page.getByRole("heading", { name: "Criteria" }).isVisible()).toBe(true);
    for (const c of mapping.criteria)
      expect(await page.getByRole("spinbutton", { name: `Weight of ${c.header}` }).count(), c.header).toBe(1);
    expect(await page.getByRole("heading", { name: "Issues" }).isVisible()).toBe(true);
    const leftOut = table.summary.rejected;
    expect(await page.getByText(new RegExp(`\\b${leftOut} rows? left out`)).count()).toBeGreaterThan(0);
    for (const issue of table.issues)
      expect(await button(new RegExp(`^Go to ${literal(issue.cell)}`)).count(), issue.cell).toBeGreaterThan(0);
    await step("2-columns", page.getByRole("heading", { name: "Columns" }));
  });

  it("takes another column for Revenue, then the right one again with the keyboard alone", async () => {
    const input = sampleInput();
    const { mapping } = prepareReport(input, {});
    const detected = mapping.fields.revenue!;
    const other = mapping.headers.find((h) => /revenue/i.test(h) && h !== detected.header)!;
    const revenue = dropdown(FIELDS.revenue.label);

    await revenue.click();
    await page.getByRole("option", { name: other, exact: true }).click();
    await until(`Revenue to show ${other}`, async () => (await revenue.textContent())?.trim() === other);
    // The issues follow the columns: with another revenue column, the core finds other cells at fault.
    const column = mapping.headers.indexOf(other);
    const { table } = prepareReport(input, { overrides: { fields: { revenue: column } } });
    await until("the issues of the new mapping", async () => {
      for (const issue of table.issues)
        if ((await button(new RegExp(`^Go to ${literal(issue.cell)}`)).count()) === 0) return false;
      return true;
    });
    await step("3-revenue-changed");

    const presses = await tabTo(page, revenue);
    await chooseWithKeyboard(page, revenue, detected.header);
    await until(
      `Revenue to show ${detected.header}`,
      async () => (await revenue.textContent())?.trim() === detected.header,
    );
    console.log(`keyboard: ${presses} presses of Tab reached the Revenue dropdown`);
    await step("4-revenue-fixed");
  });

  it("builds both sheets with the keyboard: the workbook holds the sheets, the KPI_* names and the charts", async () => {
    const { report, mapping } = prepareReport(sampleInput(), {});
    const plan = report!.plan;
    // Syncs as slow as a round trip to Excel on the web, to see the progress while it builds.
    await inFake(page, (fake) => (fake.syncDelayMs = 400));
    await page.evaluate(recordProgressSteps);
    await tabTo(page, button("Build both"));
    await page.keyboard.press("Enter");
    const progress = page.getByRole("progressbar");
    await visible("the progress bar", progress);
    await step("5-building", page.getByRole("heading", { name: "Issues" }));
    // The delay stays until the build is done: every step is then on screen for a sync's time, however long the
    // screenshot above took on a loaded machine (set to 0 here, a step could pass without a frame drawn).
    await visible("the Built message", page.getByText(/^Built/));
    await inFake(page, (fake) => (fake.syncDelayMs = 0));
    // The bar's label named the steps as they came, writing among them.
    const steps = await page.evaluate(() => (window as unknown as { __progressSteps: string[] }).__progressSteps);
    console.log(`progress steps seen: ${steps.join(" | ")}`);
    expect(steps.some((s) => /^(Writing|Creating)\b/.test(s))).toBe(true);
    expect(await progress.count()).toBe(0);

    const held = await inFake(page, (fake) => ({
      sheets: fake.sheetNames(),
      names: [...fake.writer.names.keys()],
      charts: Object.fromEntries(fake.writer.sheets.map((s) => [s.name, s.charts.map((c) => c.type)])),
      settings: [...fake.writer.settings.keys()],
      accountsHeader: [...(fake.writer.sheets.find((s) => s.name === "Accounts")?.formulas ?? [])]
        .filter(([at]) => /^[A-Z]+1$/.test(at))
        .map(([, v]) => v),
    }));
    for (const sheet of plan.sheets) expect(held.sheets).toContain(sheet.name);
    expect(held.sheets).toContain(DATA_SHEET);
    const kpiNames = (plan.names ?? []).map((n) => n.name.toLowerCase()).filter((n) => n.startsWith("kpi_"));
    expect(kpiNames.length).toBeGreaterThan(0);
    for (const name of kpiNames) expect(held.names).toContain(name);
    for (const sheet of plan.sheets)
      expect(held.charts[sheet.name], sheet.name).toHaveLength(sheet.charts?.length ?? 0);
    expect(held.charts["Portfolio Matrix"]).toContain("Bubble");
    expect(held.settings).toContain("kam.settings");
    // Revenue went back to the detected column: the Accounts table is headed with it, not with the other one.
    expect(held.accountsHeader).toContain(mapping.fields.revenue!.header);
    await step("6-built", page.getByRole("heading", { level: 1 }));

    // A Fluent Link without an address is a button to assistive technology.
    const open = (sheet: string) =>
      page.getByRole("link", { name: `Open ${sheet}` }).or(page.getByRole("button", { name: `Open ${sheet}` }));
    await open("Portfolio Matrix").click();
    await until(
      "Portfolio Matrix to be the active sheet",
      async () => (await inFake(page, (fake) => fake.view.activeSheet)) === "Portfolio Matrix",
    );
  });

  it("selects an issue's cell in the sheet when its Go to button is clicked", async () => {
    const { table } = prepareReport(sampleInput(), {});
    const issue = table.issues.find((i) => parseCell(splitRangeAddress(i.cell)?.range ?? "") !== undefined)!;
    const at = parseCell(splitRangeAddress(issue.cell)!.range)!;
    await button(new RegExp(`^Go to ${literal(issue.cell)}`))
      .first()
      .click();
    const selected = await until(`the selection to move to ${issue.cell}`, async () => {
      const view = await inFake(page, (fake) => fake.view);
      return view.selection?.row === at.row && view.selection.col === at.col ? view : undefined;
    });
    expect(selected.selection).toMatchObject({ sheet: DATA_SHEET, rows: 1, cols: 1 });
    expect(selected.activeSheet).toBe(DATA_SHEET);
  });

  it("shows an Excel error as the sentence for it and stays usable", async () => {
    const code = "InvalidOperationInCellEditMode";
    const sentence = (explainExcelError({ code }) as Error).message;
    await inFake(page, (fake, c) => (fake.failNextSync = { code: c }), code);
    await button("Build both").click();
    await visible("the error sentence", page.getByText(sentence));
    await until("Build both to be enabled again", () => button("Build both").isEnabled());
    expect(await button("Use selection").isEnabled()).toBe(true);
    // The error replaces the earlier success: no "Built" beside it.
    expect(await page.getByText(/^Built/).count()).toBe(0);
    await step("7-excel-error", page.getByRole("heading", { level: 1 }));
    // Usable: the next build goes through.
    const before = await inFake(page, (fake) => fake.syncs);
    await button("Build both").click();
    await visible("the Built message", page.getByText(/^Built/));
    expect(await inFake(page, (fake) => fake.syncs)).toBeGreaterThan(before);
  });

  it("after a reload, offers Rebuild from the saved settings and rebuilds the same sheets in place", async () => {
    const before = await inFake(page, (fake) => fake.sheetNames());
    await page.reload();
    await visible("Rebuild", button("Rebuild"));
    expect(await page.getByText(DATA_SHEET).count()).toBeGreaterThan(0);
    await step("8-saved-settings");
    // A selection elsewhere does not matter: Rebuild reads the saved source.
    await inFake(page, (fake, s) => (fake.view.selection = s), {
      sheet: DATA_SHEET,
      row: 400,
      col: 30,
      rows: 1,
      cols: 1,
    });
    await button("Rebuild").click();
    await visible("the Built message", page.getByText(/^Built/));
    // The workbook outlived the reload (the restored fake's operation log starts empty), and the add-in's own sheets
    // were redrawn in place: cells written again, no sheet added, no "KPI Dashboard (2)".
    const after = await inFake(page, (fake) => ({
      sheets: fake.sheetNames(),
      written: fake.writer.ops(/\.range\.formulas$/).length,
      added: fake.writer.ops(/^worksheets\.add/).length,
    }));
    expect(after.sheets).toEqual(before);
    expect(after.written).toBeGreaterThan(0);
    expect(after.added).toBe(0);
    await step("9-rebuilt", page.getByRole("heading", { level: 1 }));
  });
});

describe.skipIf(chromiumMissing)("the taskpane in Office's dark theme", () => {
  it("draws on a dark background with Fluent's dark tokens, and axe finds no serious contrast problem", async () => {
    const served = await serveDist();
    const workbook = { ...sampleWorkbook(), officeTheme: { isDarkTheme: true, bodyBackgroundColor: "#262626" } };
    const browser = await launchTaskpaneBrowser(await officeFakeScript(workbook));
    try {
      const { page } = browser;
      await page.goto(`${served.url}taskpane.html`);
      await until("Use selection", () => page.getByRole("button", { name: "Use selection", exact: true }).isVisible());
      const [r, g, b] = await page.evaluate(() => {
        const root = document.querySelector(".fui-FluentProvider") ?? document.body;
        return (getComputedStyle(root).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      });
      // WCAG's relative luminance of the pane's background: dark is well below mid-grey.
      const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      expect(0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)).toBeLessThan(0.1);
      await screenshot(page, "10-dark-theme");
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
      await served.close();
    }
  });
});

/**
 * Runs in the page: records each label a progress bar carries (its aria-labelledby text, as a Fluent Field gives it),
 * in order, in window.__progressSteps.
 */
function recordProgressSteps(): void {
  const steps: string[] = [];
  (window as unknown as { __progressSteps: string[] }).__progressSteps = steps;
  const look = () => {
    for (const bar of document.querySelectorAll('[role="progressbar"]')) {
      const ids = bar.getAttribute("aria-labelledby")?.split(/\s+/) ?? [];
      const label = ids
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ")
        .trim();
      if (label && steps[steps.length - 1] !== label) steps.push(label);
    }
  };
  new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
}

/** `text` as a regular expression matches it literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
