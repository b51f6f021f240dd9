// Runs before `npm test`: the tests recalculate workbooks in LibreOffice and turn its PDFs into pictures (poppler).
// Where either is missing, install them with apt-get when running as root on Debian/Ubuntu, else say the one command
// to run and stop, so a fresh machine needs nothing but `npm ci` and `npm test`.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const PACKAGES = ["libreoffice-calc-nogui", "poppler-utils"];
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const missing = () => [has("soffice") ? null : "LibreOffice", has("pdftoppm") ? null : "poppler-utils"].filter(Boolean);

if (missing().length > 0) {
  const command = `apt-get install -y --no-install-recommends ${PACKAGES.join(" ")}`;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    console.error(`The tests need ${missing().join(" and ")}: installing them with apt-get (about a minute)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    try {
      execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
      execFileSync("sh", ["-c", `${command} >/dev/null`], { stdio: "inherit", env });
    } catch {
      // Said below.
    }
  }
  if (missing().length > 0) {
    console.error(
      `The tests need ${missing().join(" and ")}. Install them with:\n  sudo ${command}\nthen run npm test again.`,
    );
    process.exit(1);
  }
}
