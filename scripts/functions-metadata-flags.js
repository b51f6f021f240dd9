// The post-generation step for functions.json. custom-functions-metadata-plugin writes the metadata from the JSDoc in
// src/functions/functions.ts but cannot write the file's top-level flags; custom-functions-errors.md ("Errors as
// custom function inputs") says `allowErrorForDataTypeAny: true` is needed before Excel hands an error value in a cell
// to a function (without it Excel never calls the function and the whole spilled result is that error). This plugin
// adds the flags to the generated asset, after the metadata plugin and before the asset is written, so the build,
// the dev server and the metadata test (which calls finishFunctionsMetadata) all carry the same file.

/** Top-level properties of functions.json that the generator cannot write. */
const FUNCTIONS_JSON_FLAGS = Object.freeze({ allowErrorForDataTypeAny: true });

/** The generated functions.json text with the flags added (first, as Microsoft's examples place them). */
function finishFunctionsMetadata(json) {
  const metadata = JSON.parse(json);
  if (!metadata || !Array.isArray(metadata.functions)) throw new Error("functions.json has no functions array");
  return JSON.stringify({ ...FUNCTIONS_JSON_FLAGS, ...metadata }, null, 4);
}

class FunctionsMetadataFlagsPlugin {
  constructor(options = {}) {
    this.output = options.output || "functions.json";
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const name = "FunctionsMetadataFlagsPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(this.output);
        if (!asset) {
          // The metadata plugin reports its own errors; only a missing file without them is ours to report.
          if (compilation.errors.length === 0) compilation.errors.push(new WebpackError(`${this.output} was not generated`));
          return;
        }
        const text = finishFunctionsMetadata(asset.source.source().toString());
        compilation.updateAsset(this.output, new sources.RawSource(text));
      });
    });
  }
}

module.exports = { FUNCTIONS_JSON_FLAGS, finishFunctionsMetadata, FunctionsMetadataFlagsPlugin };
