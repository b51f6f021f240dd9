/**
 * The production build (webpack.config.js in production mode) as it would be deployed: built once into a temporary
 * folder with KAM_ADDIN_URL set, then read back. Microsoft's templates rewrite the dev address in the manifest copy;
 * here every page and data file must name the configured address and none may name the dev server.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Configuration, Stats } from "webpack";

const root = resolve(__dirname, "../..");
const require_ = createRequire(__filename);
const webpack: typeof import("webpack") = require_("webpack");
type ConfigFactory = ((env: object, options: { mode: string }) => Promise<Configuration>) & {
  productionUrl: (raw: string | undefined) => string;
};
const configFactory: ConfigFactory = require_(resolve(root, "webpack.config.js"));
// webpack's own JavaScript parser, with which the old-webview script is read as an ES5 engine would read it.
const acorn: typeof import("acorn") = createRequire(require_.resolve("webpack"))("acorn");

const urlProd = "https://addins.contoso.example/kam/";

async function productionConfig(url: string | undefined): Promise<Configuration> {
  const saved = process.env.KAM_ADDIN_URL;
  if (url === undefined) delete process.env.KAM_ADDIN_URL;
  else process.env.KAM_ADDIN_URL = url;
  try {
    return await configFactory({ WEBPACK_BUILD: true }, { mode: "production" });
  } finally {
    if (saved === undefined) delete process.env.KAM_ADDIN_URL;
    else process.env.KAM_ADDIN_URL = saved;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("the production address", () => {
  it("comes from KAM_ADDIN_URL, as https, with a trailing slash", () => {
    expect(configFactory.productionUrl("https://addins.contoso.example/kam")).toBe(urlProd);
    expect(configFactory.productionUrl("https://addins.contoso.example")).toBe("https://addins.contoso.example/");
    expect(() => configFactory.productionUrl("http://addins.contoso.example/")).toThrow(/https/);
    expect(() => configFactory.productionUrl("https://localhost:3000/")).toThrow(/this machine/);
    expect(() => configFactory.productionUrl("addins.contoso.example")).toThrow(/not a URL/);
    expect(() => configFactory.productionUrl("https://addins.contoso.example/?v=1")).toThrow(/query/);
  });

  it("is required: a production build without it stops before compiling, instead of shipping localhost", async () => {
    for (const unset of [undefined, ""]) {
      const config = await productionConfig(unset);
      config.mode = "production";
      config.output = { ...config.output, path: join(tmpdir(), "kam-build-never-written") };
      const error = await new Promise<Error | null>((done) => webpack(config, (e) => done(e)));
      expect(error?.message).toMatch(/needs the add-in's address\. Set KAM_ADDIN_URL/);
    }
  });

  it("is not needed in development, which keeps the dev server's address", async () => {
    const saved = process.env.KAM_ADDIN_URL;
    delete process.env.KAM_ADDIN_URL;
    try {
      const config = await configFactory({ WEBPACK_BUILD: true }, { mode: "development" });
      expect(config.plugins?.map((p) => p?.constructor.name)).not.toContain("ProductionUrlPlugin");
    } finally {
      if (saved !== undefined) process.env.KAM_ADDIN_URL = saved;
    }
  });
});

describe("npm run build with KAM_ADDIN_URL", () => {
  const out = mkdtempSync(join(tmpdir(), "kam-build-"));
  let stats: Stats | undefined;

  beforeAll(async () => {
    const config = await productionConfig(urlProd);
    config.mode = "production";
    config.output = { ...config.output, path: out };
    stats = await new Promise<Stats>((done, fail) =>
      webpack(config, (error, result) => (error || !result ? fail(error) : done(result))),
    );
  }, 180_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("builds without errors", () => {
    expect(stats?.compilation.errors.map((e) => e.message)).toEqual([]);
  });

  it("ships no https://localhost:3000 in any file a client loads (source maps only hold comments)", () => {
    const shipped = filesUnder(out).filter((f) => /\.(xml|json|html|js)$/.test(f));
    expect(shipped.map((f) => relative(out, f)).sort()).toEqual(
      expect.arrayContaining([
        "functions.js",
        "functions.json",
        "help.html",
        "manifest.xml",
        "taskpane.html",
        "taskpane.js",
      ]),
    );
    for (const file of shipped) expect(readFileSync(file, "utf8"), relative(out, file)).not.toMatch(/localhost/);
  });

  it("writes a manifest whose every URL is under KAM_ADDIN_URL, and its origin as the app domain", () => {
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const app = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml).OfficeApp;
    expect(app.AppDomains.AppDomain).toBe("https://addins.contoso.example");
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBe(11); // with the app domain, the 12 places the dev manifest names the dev server
    for (const u of urls) expect(u.startsWith(urlProd), u).toBe(true);
    expect(app.DefaultSettings.SourceLocation["@DefaultValue"]).toBe(`${urlProd}taskpane.html`);
  });

  it("points every function's help at help.html under KAM_ADDIN_URL", () => {
    const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const f of metadata.functions) expect(f.helpUrl, f.id).toMatch(new RegExp(`^${urlProd}help\\.html#[a-z-]+$`));
  });

  it("keeps the old-webview script in the built page as ES5", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    expect(() => acorn.parse(inline[0], { ecmaVersion: 5 })).not.toThrow();
    expect(html).toMatch(/id="?old-webview"?/);
  });
});
