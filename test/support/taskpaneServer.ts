/**
 * The built add-in served on localhost, as `npm run dev-server` serves it to Excel but over plain http and without
 * webpack in the loop: the development build in dist/ (made first when dist/taskpane.html is missing or older than
 * a source it is built from) behind a small static file server on a free port.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

export const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const BUILT_FROM = [
  "src",
  "assets",
  "webpack.config.js",
  "manifest.xml",
  "package.json",
  "scripts/functions-metadata-flags.js",
];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * Builds dist/ with webpack in development mode when it is missing or stale; returns the build's time in ms, or 0.
 * KAM_TASKPANE_PREBUILT=1 serves dist/ as it is (built just before by other means), without the check.
 */
export function ensureBuilt(): number {
  const page = join(DIST, "taskpane.html");
  if (process.env.KAM_TASKPANE_PREBUILT === "1" && existsSync(page)) return 0;
  const sources = Math.max(
    ...BUILT_FROM.map((p) => join(ROOT, p))
      .filter(existsSync)
      .map(newest),
  );
  if (existsSync(page) && statSync(page).mtimeMs >= sources) return 0;
  const started = Date.now();
  const webpack = join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  const run = spawnSync(process.execPath, [webpack, "--mode", "development"], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) {
    // webpack reports compile errors on stdout
    const errors = `${run.stdout}\n${run.stderr}`.split("\n").filter((line) => /error/i.test(line));
    throw new Error(`The development build failed (webpack exit ${run.status}):\n${errors.slice(0, 20).join("\n")}`);
  }
  return Date.now() - started;
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface Served {
  /** http://127.0.0.1:<port>/ */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves dist/ read-only on 127.0.0.1 and a port the system picks. */
export async function serveDist(): Promise<Served> {
  const server = createServer((request, response) => {
    const path = normalize(join(DIST, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)));
    if (!path.startsWith(DIST + sep) || !existsSync(path) || statSync(path).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
    response.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
