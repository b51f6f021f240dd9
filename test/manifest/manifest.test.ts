/**
 * `office-addin-manifest validate` needs Microsoft's web service and no npm package ships the XSDs, so this checks
 * offline what a shared-runtime add-in with custom functions requires (configure-your-add-in-to-use-a-shared-runtime.md,
 * custom-functions manifest docs): well-formed XML, the elements of that shape in order, every resid defined, one
 * origin for every URL, and the icons on disk.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");
const xml = readFileSync(resolve(root, "manifest.xml"), "utf8");
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  preserveOrder: false,
  isArray: () => false,
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const app: any = parser.parse(xml).OfficeApp;
const host = app.VersionOverrides.Hosts.Host;
const resources = app.VersionOverrides.Resources;

function ids(group: { [k: string]: { "@id": string } | { "@id": string }[] }, key: string): Map<string, string> {
  const items = ([] as { "@id": string; "@DefaultValue": string }[]).concat(group[key] as never);
  return new Map(items.map((i) => [i["@id"], i["@DefaultValue"]]));
}
const urls = ids(resources["bt:Urls"], "bt:Url");
const images = ids(resources["bt:Images"], "bt:Image");
const shortStrings = ids(resources["bt:ShortStrings"], "bt:String");
const longStrings = ids(resources["bt:LongStrings"], "bt:String");

describe("manifest.xml", () => {
  it("is well-formed XML of a TaskPaneApp for Excel", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(app["@xsi:type"]).toBe("TaskPaneApp");
    expect(app.Hosts.Host["@Name"]).toBe("Workbook");
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(app.Permissions).toBe("ReadWriteDocument");
  });

  it("has the top-level elements in the order the schema requires", () => {
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    const body = xml.replace(/<!--[\s\S]*?-->/g, "");
    const positions = order.map((tag) => body.indexOf(`<${tag}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("declares a shared runtime: SharedRuntime 1.1, <Runtimes> right after <Host>, one resid for page and function file", () => {
    expect([app.Requirements.Sets.Set].flat()[0]).toEqual({ "@Name": "SharedRuntime", "@MinVersion": "1.1" });
    expect(xml).toMatch(/<Host xsi:type="Workbook">\s*<Runtimes>/);
    const runtime = host.Runtimes.Runtime;
    expect(runtime["@lifetime"]).toBe("long");
    const cf = host.AllFormFactors.ExtensionPoint;
    expect(cf["@xsi:type"]).toBe("CustomFunctions");
    expect(cf.Page.SourceLocation["@resid"]).toBe(runtime["@resid"]);
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe(runtime["@resid"]);
    const action = host.DesktopFormFactor.ExtensionPoint.OfficeTab.Group.Control.Action;
    expect(action["@xsi:type"]).toBe("ShowTaskpane");
    expect(action.SourceLocation["@resid"]).toBe(runtime["@resid"]);
  });

  it("declares what the code needs: ExcelApi 1.10 (every shared-runtime build has it), CustomFunctionsRuntime 1.3", () => {
    // SharedRuntime 1.1 needs Excel for Microsoft 365 (Windows 2002+, Mac 16.35+) or Excel 2021 (2108+), all of which
    // have ExcelApi 1.10; the functions' CustomFunctions.ErrorCode values are CustomFunctionsRuntime 1.3. Declaring
    // ExcelApi 1.4 (as before) claimed clients the add-in never runs on and hid unchecked calls to 1.7-1.9 APIs.
    expect(app.Requirements.Sets["@DefaultMinVersion"]).toBe("1.1");
    expect([app.Requirements.Sets.Set].flat()).toEqual([
      { "@Name": "SharedRuntime", "@MinVersion": "1.1" },
      { "@Name": "ExcelApi", "@MinVersion": "1.10" },
      { "@Name": "CustomFunctionsRuntime", "@MinVersion": "1.3" },
    ]);
  });

  it("registers the custom functions under the KAM namespace with script and metadata", () => {
    const cf = host.AllFormFactors.ExtensionPoint;
    expect(shortStrings.get(cf.Namespace["@resid"])).toBe("KAM");
    expect(urls.get(cf.Script.SourceLocation["@resid"])).toMatch(/\/functions\.js$/);
    expect(urls.get(cf.Metadata.SourceLocation["@resid"])).toMatch(/\/functions\.json$/);
  });

  it("puts a taskpane button with icon and tooltip in a KAM group on the Home tab", () => {
    const tab = host.DesktopFormFactor.ExtensionPoint;
    expect(tab["@xsi:type"]).toBe("PrimaryCommandSurface");
    expect(tab.OfficeTab["@id"]).toBe("TabHome");
    const group = tab.OfficeTab.Group;
    expect(shortStrings.get(group.Label["@resid"])).toBe("KAM");
    const button = group.Control;
    expect(button["@xsi:type"]).toBe("Button");
    expect(shortStrings.get(button.Label["@resid"])).toBe("KAM Analytics");
    expect(shortStrings.get(button.Supertip.Title["@resid"])).toBe("KAM Analytics");
    expect(longStrings.get(button.Supertip.Description["@resid"])).toMatch(/segmentation matrix and KPI dashboard/);
    for (const icons of [group.Icon, button.Icon]) {
      const sizes = [icons["bt:Image"]].flat().map((i: { "@size": string; "@resid": string }) => {
        expect(images.get(i["@resid"]), i["@resid"]).toMatch(new RegExp(`/assets/icon-${i["@size"]}\\.png$`));
        return i["@size"];
      });
      expect(sizes).toEqual(["16", "32", "80"]);
    }
  });

  it("gives the ShowTaskpane action a TaskpaneId, as Microsoft's shared-runtime template does", () => {
    const action = host.DesktopFormFactor.ExtensionPoint.OfficeTab.Group.Control.Action;
    expect(action["@xsi:type"]).toBe("ShowTaskpane");
    expect(action.TaskpaneId).toBe("KamTaskpane");
    // the schema's order inside Action: TaskpaneId, then SourceLocation
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>KamTaskpane<\/TaskpaneId>\s*<SourceLocation /);
  });

  it("states the same minimum in the README as in its requirements: Excel 2021 or Microsoft 365, not 2016/2019", () => {
    const readme = readFileSync(resolve(root, "README.md"), "utf8");
    const top = readme.slice(0, readme.indexOf("\n## "));
    expect(top).toMatch(/Excel 2021 or later/);
    expect(top).toMatch(/Microsoft 365/);
    expect(top).toMatch(/not (in )?Excel 2016 or 2019/);
    expect(top).toMatch(/SharedRuntime 1\.1/);
    const comment = xml.slice(xml.indexOf("<Requirements>"), xml.indexOf("</Requirements>"));
    expect(comment).toMatch(/Excel 2021 or later/);
    expect(comment).toMatch(/Not Excel 2016\/2019/);
  });

  it("defines every resid it uses, and uses only https URLs on one origin that the build emits", () => {
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    for (const id of used) {
      expect(urls.has(id) || images.has(id) || shortStrings.has(id) || longStrings.has(id), id).toBe(true);
    }
    const allUrls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    const origins = new Set(allUrls.map((u) => new URL(u).origin));
    expect(origins).toEqual(new Set([app.AppDomains.AppDomain]));
    for (const u of allUrls) expect(u.startsWith("https://")).toBe(true);
    const emitted = ["taskpane.html", "functions.js", "functions.json", "help.html"];
    for (const u of allUrls) {
      const path = new URL(u).pathname.slice(1);
      expect(path.startsWith("assets/") ? existsSync(resolve(root, path)) : emitted.includes(path), u).toBe(true);
    }
  });

  it("has icons of 16, 32, 64 and 80 px that are real PNGs of that size", () => {
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(resolve(root, `assets/icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
