/**
 * functions.json is what Excel's formula autocomplete shows. The build writes it with custom-functions-metadata-plugin;
 * this test runs the same generator on the same input file, so a JSDoc mistake fails here, not in an analyst's Excel.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { describe, expect, it } from "vitest";
import { finishFunctionsMetadata, FunctionsMetadataFlagsPlugin } from "./excelRuntime";

interface Param {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
}

describe("custom function metadata", async () => {
  const generated = await generateCustomFunctionsMetadata(resolve(__dirname, "../../src/functions/functions.ts"));
  const functions = (JSON.parse(generated.metadataJson) as { functions: Fn[] }).functions;
  const byId = new Map(functions.map((f) => [f.id, f]));

  it("generates without errors and associates every function", () => {
    expect(generated.errors).toEqual([]);
    expect(generated.associate.map((a) => a.id).sort()).toEqual(functions.map((f) => f.id).sort());
  });

  it("lists KAM.SCORE, KAM.CLV and KAM.CHURN with their parameters", () => {
    const params = (id: string) => byId.get(id)?.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`);
    expect(params("SCORE")).toEqual(["ratings", "weights", "scale_min?", "scale_max?"]);
    expect(params("CLV")).toEqual(["margin", "retention", "discount_rate", "periods?", "growth_rate?", "timing?"]);
    expect(params("CHURN")).toEqual(["at_start", "at_end", "acquired?"]);
  });

  it("lists the cohort functions with their parameters", () => {
    const params = (id: string) => byId.get(id)?.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`);
    expect(params("COHORT.FIT")).toEqual(["survivors"]);
    expect(params("CHURN.FORECAST")).toEqual(["survivors", "period"]);
    expect(params("SURVIVAL.FORECAST")).toEqual(["survivors", "period"]);
    expect(params("CLV.COHORT")).toEqual(["margin", "survivors", "discount_rate", "renewals?"]);
  });

  it("lists the portfolio functions, NRR, GRR and NPS returning one number and QUADRANT a spilled range", () => {
    const params = (id: string) => byId.get(id)?.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`);
    expect(params("NRR")).toEqual(["prior", "current"]);
    expect(params("GRR")).toEqual(["prior", "current"]);
    expect(params("NPS")).toEqual(["answers"]);
    expect(params("QUADRANT")).toEqual(["attractiveness", "strength", "attractiveness_cut?", "strength_cut?"]);
    for (const id of ["NRR", "GRR", "NPS"]) {
      expect(byId.get(id)!.result, id).toMatchObject({ type: "number" });
      expect(byId.get(id)!.result?.dimensionality ?? "scalar", id).toBe("scalar");
    }
    expect(byId.get("QUADRANT")!.result).toMatchObject({ dimensionality: "matrix" });
    for (const id of ["NRR", "GRR"]) {
      for (const p of byId.get(id)!.parameters)
        expect(p, `${id}.${p.name}`).toMatchObject({ dimensionality: "matrix", type: "any" });
    }
    expect(byId.get("QUADRANT")!.parameters[1]).toMatchObject({ dimensionality: "matrix", type: "any" });
  });

  it("points every function's help at a section of the help page that exists", () => {
    const help = readFileSync(resolve(__dirname, "../../src/help/help.html"), "utf8");
    for (const f of functions) expect(help, f.id).toContain(`id="${f.helpUrl!.split("#")[1]}"`);
  });

  it("describes every function and parameter, and takes ranges as matrices of any so text can be diagnosed", () => {
    for (const f of functions) {
      expect(f.description.length, f.id).toBeGreaterThan(20);
      expect(f.helpUrl, f.id).toMatch(/help\.html#kam-/);
      for (const p of f.parameters) expect(p.description?.length, `${f.id}.${p.name}`).toBeGreaterThan(5);
    }
    const ids = ["SCORE", "CLV", "CHURN", "COHORT.FIT", "CHURN.FORECAST", "SURVIVAL.FORECAST", "CLV.COHORT"];
    for (const id of [...ids, "NRR", "GRR", "NPS", "QUADRANT"]) {
      const first = byId.get(id)!.parameters[0];
      expect(first).toMatchObject({ dimensionality: "matrix", type: "any" });
    }
  });

  it("the build's functions.json lets error values reach the functions (allowErrorForDataTypeAny, added after generation)", async () => {
    const finished = JSON.parse(finishFunctionsMetadata(generated.metadataJson)) as { functions: Fn[] };
    expect(finished).toMatchObject({ allowErrorForDataTypeAny: true });
    expect(finished.functions).toEqual(functions);
    // webpack.config.js runs the same step on the generated asset, after the metadata plugin
    const configure = createRequire(import.meta.url)("../../webpack.config.js") as (
      env: object,
      options: { mode: string },
    ) => Promise<{ plugins: object[] }>;
    const { plugins } = await configure({}, { mode: "development" });
    const generator = plugins.findIndex((p) => p.constructor.name === "CustomFunctionsMetadataPlugin");
    const flags = plugins.findIndex((p) => p instanceof FunctionsMetadataFlagsPlugin);
    expect(generator).toBeGreaterThanOrEqual(0);
    expect(flags).toBeGreaterThan(generator);
    expect(plugins[flags]).toMatchObject({ output: "functions.json" });
  });
});
