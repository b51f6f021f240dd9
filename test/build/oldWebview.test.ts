/**
 * The message for Excel builds without WebView2 (Microsoft's "Support older Microsoft webviews and Office versions",
 * develop/support-ie-11.md): there the Internet Explorer webview runs only ES5, the bundles do not parse, and without
 * this script the pane would stay blank. The script must itself be ES5, and must show the message exactly when the
 * page's feature check fails. It is run here against a small stand-in for the page, with an ES5 engine's `Function`
 * made from acorn (webpack's JavaScript parser) at ecmaVersion 5.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");
const require_ = createRequire(__filename);
const acorn: typeof import("acorn") = createRequire(require_.resolve("webpack"))("acorn");

const html = readFileSync(resolve(root, "src/taskpane/taskpane.html"), "utf8");
const inlineScripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const script = inlineScripts[0] ?? "";

interface Page {
  shown: boolean;
  containerHidden: boolean;
}

/** Runs the inline script on a page with the given window globals; reports what it did to the two blocks. */
function runOn(globals: Record<string, unknown>): Page {
  const elements: Record<string, { style: { display: string } }> = {
    container: { style: { display: "" } },
    "old-webview": { style: { display: "none" } },
  };
  const document = { getElementById: (id: string) => elements[id] ?? null };
  const window = { Promise, Symbol, Function, SyntaxError, ...globals };
  runInNewContext(script, { window, document });
  return {
    shown: elements["old-webview"].style.display === "block",
    containerHidden: elements.container.style.display === "none",
  };
}

/** `Function` as an ES5 engine has it: a body that is not ES5 is a SyntaxError. */
function es5Function(...args: string[]): () => void {
  const body = args.pop() ?? "";
  try {
    acorn.parse(`(function (${args.join(", ")}) {\n${body}\n})`, { ecmaVersion: 5 });
  } catch (error) {
    throw new SyntaxError((error as Error).message);
  }
  return () => undefined;
}

describe("the old-webview message in taskpane.html", () => {
  it("is one inline script, written in ES5", () => {
    expect(inlineScripts).toHaveLength(1);
    expect(() => acorn.parse(script, { ecmaVersion: 5 })).not.toThrow();
    // and what an ES5 engine refuses is refused here too, so the check above means something
    expect(() => acorn.parse("let a = () => 1;", { ecmaVersion: 5 })).toThrow();
  });

  it("says what Excel is needed, in a block hidden by default", () => {
    const start = html.indexOf('<div id="old-webview"');
    const block = html.slice(start, html.indexOf("</div>", start));
    expect(html).toMatch(/#old-webview \{\s*display: none;/);
    expect(block).toMatch(/role="alert"/);
    expect(block).toMatch(/Excel 2021 or later, or Excel for Microsoft 365/);
    expect(block).toMatch(/WebView2/);
  });

  it("leaves a modern webview alone", () => {
    expect(runOn({})).toEqual({ shown: false, containerHidden: false });
  });

  it("shows the message where the bundles' syntax does not parse (an ES5 engine)", () => {
    expect(runOn({ Function: es5Function })).toEqual({ shown: true, containerHidden: true });
  });

  it("shows the message where Promise or Symbol is missing", () => {
    expect(runOn({ Promise: undefined })).toEqual({ shown: true, containerHidden: true });
    expect(runOn({ Symbol: undefined })).toEqual({ shown: true, containerHidden: true });
  });

  it("does not take a policy that forbids eval for an old webview", () => {
    const noEval = function () {
      throw new EvalError("Refused to evaluate a string as JavaScript (Content Security Policy)");
    };
    expect(runOn({ Function: noEval })).toEqual({ shown: false, containerHidden: false });
  });
});
