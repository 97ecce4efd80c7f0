// Makes docs/images/timeline.png, the README's picture, from the tool's own HTML explanation of a
// sample (headless Chromium from Debian). Run after `npm run build`.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const sample = process.argv[2] ?? "samples/folfox-medicare-pump.encounter";
const dir = mkdtempSync(join(tmpdir(), "timeline-"));
const page = join(dir, "explain.html");
const r = spawnSync(process.execPath, ["out/cli.cjs", "explain", "--format", "html", "-o", page, sample], { encoding: "utf8" });
if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
mkdirSync("docs/images", { recursive: true });
const shot = spawnSync("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", `--user-data-dir=${join(dir, "profile")}`, `--screenshot=${resolve("docs/images/timeline.png")}`, "--window-size=900,1100", "--hide-scrollbars", `file://${page}`], { encoding: "utf8", timeout: 60_000 });
if (shot.status !== 0) throw new Error(shot.stderr);
console.log("wrote docs/images/timeline.png");
