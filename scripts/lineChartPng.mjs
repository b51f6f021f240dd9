// A log-log line chart of a few series, as SVG (text and lines, no chart library), turned into a PNG by Chromium
// through playwright-core where /usr/bin/chromium exists (the tests install it with apt-get; never a downloaded
// browser). Without Chromium the SVG alone is written and the PNG path says so.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const W = 760;
const H = 420;
const M = { left: 70, right: 170, top: 50, bottom: 60 };

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const decades = (lo, hi) => {
  const out = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
};
const label = (v) =>
  v >= 1e6 ? `${v / 1e6}M` : v >= 1e3 ? `${v / 1e3}k` : v >= 1 ? String(v) : v.toPrecision(1).replace(/^0\./, ".");

/** The chart as SVG text: x and y on log scales, one polyline with dots per series, a legend on the right. */
export function lineChartSvg({ title, xs, series }) {
  const ys = series.flatMap((s) => s.values).filter((v) => v > 0 && Number.isFinite(v));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const xTicks = decades(x0, x1);
  const yTicks = decades(Math.min(...ys), Math.max(...ys));
  const [lx0, lx1] = [Math.log10(xTicks[0]), Math.log10(xTicks.at(-1))];
  const [ly0, ly1] = [Math.log10(yTicks[0]), Math.log10(yTicks.at(-1))];
  const px = (x) => M.left + ((Math.log10(x) - lx0) / (lx1 - lx0 || 1)) * (W - M.left - M.right);
  const py = (y) => H - M.bottom - ((Math.log10(y) - ly0) / (ly1 - ly0 || 1)) * (H - M.top - M.bottom);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Segoe UI, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${M.left}" y="28" font-size="15" font-weight="bold" fill="#1f3864">${esc(title)}</text>`,
  ];
  for (const t of xTicks)
    parts.push(
      `<line x1="${px(t)}" y1="${M.top}" x2="${px(t)}" y2="${H - M.bottom}" stroke="#d9d9d9"/>`,
      `<text x="${px(t)}" y="${H - M.bottom + 18}" text-anchor="middle" fill="#404040">${label(t)}</text>`,
    );
  for (const t of yTicks)
    parts.push(
      `<line x1="${M.left}" y1="${py(t)}" x2="${W - M.right}" y2="${py(t)}" stroke="#d9d9d9"/>`,
      `<text x="${M.left - 8}" y="${py(t) + 4}" text-anchor="end" fill="#404040">${label(t)}</text>`,
    );
  parts.push(
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 16}" text-anchor="middle" fill="#404040">accounts</text>`,
  );
  series.forEach((s, i) => {
    const colour = `rgb(${s.color.join(",")})`;
    const pts = xs.map((x, j) => [x, s.values[j]]).filter(([, y]) => y > 0 && Number.isFinite(y));
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${pts.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(" ")}"/>`,
      ...pts.map(([x, y]) => `<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="4" fill="${colour}"/>`),
      `<rect x="${W - M.right + 20}" y="${M.top + 20 * i - 9}" width="14" height="4" fill="${colour}"/>`,
      `<text x="${W - M.right + 40}" y="${M.top + 20 * i - 3}" fill="#404040">${esc(s.name)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}

/** Writes `<path without .png>.svg` and, with Chromium, the PNG itself. */
export async function writeLineChartPng(pngPath, spec) {
  const svg = lineChartSvg(spec);
  const svgPath = pngPath.replace(/\.png$/, ".svg");
  writeFileSync(svgPath, svg);
  if (!existsSync("/usr/bin/chromium")) {
    console.error(`No /usr/bin/chromium: wrote ${svgPath} only (apt-get install chromium for the PNG).`);
    return svgPath;
  }
  const { chromium } = await import("playwright-core");
  const dir = mkdtempSync(join(tmpdir(), "kam-chart-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    viewport: { width: W, height: H },
  });
  try {
    const page = await context.newPage();
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    await page.screenshot({ path: pngPath, clip: { x: 0, y: 0, width: W, height: H } });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return pngPath;
}
