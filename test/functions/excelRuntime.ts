/**
 * The add-in's functions as Excel meets them: functions.json generated from functions.ts by the same generator the
 * build runs, finished by the same post-generation step (scripts/functions-metadata-flags.js), and each function looked
 * up by the id its `CustomFunctions.associate` call registers. Calls go through the strict fake runtime.
 */
import "../fakes/customFunctionsRuntime";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import { excelFunctions, type ExcelFunctions, type FunctionsJson } from "../fakes/customFunctionsRuntime";

const require = createRequire(import.meta.url);
export const { finishFunctionsMetadata, FunctionsMetadataFlagsPlugin } =
  require("../../scripts/functions-metadata-flags") as {
    finishFunctionsMetadata: (json: string) => string;
    FunctionsMetadataFlagsPlugin: new (options?: { output?: string }) => { output: string };
  };

let generated: ReturnType<typeof generateCustomFunctionsMetadata> | undefined;

/** What custom-functions-metadata generates from functions.ts (once per test file). */
export function generatedMetadata(): ReturnType<typeof generateCustomFunctionsMetadata> {
  generated ??= generateCustomFunctionsMetadata(resolve(__dirname, "../../src/functions/functions.ts"));
  return generated;
}

/** Excel with the build's functions.json (`finished`), or with the generator's output alone. */
export async function loadExcelFunctions(finished = true): Promise<ExcelFunctions> {
  const result = await generatedMetadata();
  const json = finished ? finishFunctionsMetadata(result.metadataJson) : result.metadataJson;
  const byName = functions as unknown as Record<string, (...args: never[]) => unknown>;
  const implementations = Object.fromEntries(result.associate.map((a) => [a.id, byName[a.functionName]]));
  return excelFunctions(JSON.parse(json) as FunctionsJson, implementations);
}
