/**
 * Small moves of the taskpane's browser test that playwright-core leaves to the caller (it has no test runner's
 * `expect` that waits): waiting until a condition holds, reaching a control with Tab alone, choosing a Dropdown
 * option with the keyboard, and reading the in-page fake workbook.
 */
import type { Locator, Page } from "playwright-core";
import type { FakeWorkbook } from "../fakes/fakeWorkbook";

/** Polls `check` until it returns something other than undefined/false, or fails saying what was awaited. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`waited ${timeoutMs} ms for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Presses Tab from the top of the page until `target` has the focus: the way a keyboard user reaches a control.
 * Returns the presses.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 150): Promise<number> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let presses = 0; presses <= maxPresses; presses++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)))
      return presses;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${maxPresses} presses of Tab never reached ${String(target)}`);
}

/**
 * Opens a focused Fluent Dropdown with Enter, moves with the arrow keys to the option named `option` (the listbox's
 * active option is the combobox's aria-activedescendant) and picks it with Enter.
 */
export async function chooseWithKeyboard(page: Page, combobox: Locator, option: string): Promise<void> {
  await page.keyboard.press("Enter");
  const active = async () => {
    const id = await combobox.getAttribute("aria-activedescendant");
    return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? "").trim() : "";
  };
  await until("the Dropdown's listbox to open", async () => (await combobox.getAttribute("aria-expanded")) === "true");
  const options = await page.getByRole("option").count();
  for (const key of ["ArrowDown", "ArrowUp"]) {
    for (let moves = 0; moves <= options && (await active()) !== option; moves++) await page.keyboard.press(key);
    if ((await active()) === option) break;
  }
  if ((await active()) !== option) throw new Error(`the keyboard never reached the option "${option}"`);
  await page.keyboard.press("Enter");
}

/** Reads the in-page fake (window.__kamFake): `read` runs in the page and must return JSON. */
export function inFake<T, A = undefined>(page: Page, read: (fake: FakeWorkbook, arg: A) => T, arg?: A): Promise<T> {
  return page.evaluate(
    ([source, a]) => {
      const fn = new Function(`return (${source})`)() as (fake: unknown, arg: unknown) => unknown;
      return fn((window as unknown as { __kamFake: unknown }).__kamFake, a);
    },
    [read.toString(), arg] as const,
  ) as Promise<T>;
}
