// Runs before `npm test`: the tests recalculate workbooks in LibreOffice and turn its PDFs into pictures (poppler), and
// drive the taskpane in Chromium (Debian's package, never a downloaded browser). Where one is missing, install it with
// apt-get when running as root on Debian/Ubuntu, else say the one command to run: without LibreOffice or poppler the
// run stops; without Chromium it goes on, and the taskpane's browser test says it is skipped.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
/** What the tests need: its name for people, whether it is here, the Debian packages that bring it, and if required. */
const NEEDS = [
  { what: "LibreOffice", here: () => has("soffice"), packages: ["libreoffice-calc-nogui"], required: true },
  { what: "poppler-utils", here: () => has("pdftoppm"), packages: ["poppler-utils"], required: true },
  { what: `Chromium (${CHROMIUM})`, here: () => existsSync(CHROMIUM), packages: ["chromium"], required: false },
];
const missing = () => NEEDS.filter((n) => !n.here());
const command = (needs) => `apt-get install -y --no-install-recommends ${needs.flatMap((n) => n.packages).join(" ")}`;
const names = (needs) => needs.map((n) => n.what).join(" and ");

if (missing().length > 0) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    console.error(`The tests need ${names(missing())}: installing with apt-get (a minute or two)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    try {
      execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
      execFileSync("sh", ["-c", `${command(missing())} >/dev/null`], { stdio: "inherit", env });
    } catch {
      // Said below.
    }
  }
  const still = missing();
  if (still.length > 0) {
    const required = still.filter((n) => n.required);
    console.error(
      `The tests need ${names(still)}. Install with:\n  sudo ${command(still)}\n` +
        (required.length > 0 ? "then run npm test again." : "Until then the taskpane's browser test is skipped."),
    );
    if (required.length > 0) process.exit(1);
  }
}
