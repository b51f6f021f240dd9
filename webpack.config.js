/* eslint-disable @typescript-eslint/no-require-imports */
// Shaped like Microsoft's Office add-in templates: one entry per surface, one HtmlWebpackPlugin per page, the
// custom-functions metadata generated from JSDoc at build time. The taskpane page also loads the functions bundle:
// in a shared runtime both live in one JavaScript context, on one page.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsMetadataFlagsPlugin } = require("./scripts/functions-metadata-flags");

const devCertsLoader = async () => {
  // Only `npm run dev-server` needs trusted localhost certificates; a build must work on a machine without them.
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
};

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } }, // types are checked by `npm run typecheck`
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new FunctionsMetadataFlagsPlugin({ output: "functions.json" }), // allowErrorForDataTypeAny: the generator cannot write it
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: dev ? await devCertsLoader() : undefined },
          port: process.env.npm_package_config_dev_server_port || 3000,
        }
      : undefined,
  };
};
