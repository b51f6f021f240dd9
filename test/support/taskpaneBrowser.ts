/**
 * Debian's Chromium driven by playwright-core for the taskpane's browser test (flags from TESTING-NOTES: headless,
 * no sandbox, no GPU, nothing fetched in the background), at the width Excel gives a taskpane. Office.js is never
 * fetched: its CDN address answers with the in-page fake, and any other address off this machine is refused, so a
 * page that reaches for the internet fails here rather than hangs.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { ROOT } from "./taskpaneServer";

export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Excel's taskpane is about 350 px wide by default. */
export const PANE = { width: 350, height: 900 };
export const SHOTS = join(ROOT, "test-artifacts", "taskpane");

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface TaskpaneBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Messages the page logged as errors, and scripts that threw. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Chromium with `officeScript` served as office.js. */
export async function launchTaskpaneBrowser(officeScript: string): Promise<TaskpaneBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "kam-taskpane-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport: PANE,
  });
  await context.route(OFFICE_JS, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeScript }),
  );
  await context.route(
    (url) => url.href !== OFFICE_JS && !["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol !== "data:",
    (route) => route.abort("internetdisconnected"),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now (axe injected when missing). */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations as {
      id: string;
      impact: string;
      help: string;
      nodes: { target: string[] }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/**
 * A full-page screenshot in test-artifacts/taskpane/<name>.png; with `top`, also what the pane shows with that element
 * scrolled to its top (<name>-view.png, the pane's own size), the picture an analyst would see at that step.
 */
export async function screenshot(page: Page, name: string, top?: Locator): Promise<void> {
  if (!existsSync(SHOTS)) mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  if (!top) return;
  await top.first().evaluate((el) => {
    el.scrollIntoView({ block: "start" });
    window.scrollBy(0, -16); // a little of what is above, so the element is not cut at the edge
  });
  await page.screenshot({ path: join(SHOTS, `${name}-view.png`) });
}
