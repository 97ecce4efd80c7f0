// Runs every test/**/*.test.ts with node's test runner (TypeScript through tsx).
// `node scripts/run-tests.mjs [folder-or-file...]` runs a subset. After the usual report it lists
// the skipped tests with their reasons (scripts/test-summary.mjs) and a closing count line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function find(p, out) {
  if (statSync(p).isDirectory()) {
    for (const e of readdirSync(p).sort()) if (!e.startsWith(".") && e !== "node_modules") find(join(p, e), out);
  } else if (p.endsWith(".test.ts")) out.push(p);
  return out;
}

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ["test"]).flatMap((r) => find(r, []));
if (!files.length) {
  console.error("no test files found");
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), "encounter-tests-"));
const summary = join(dir, "summary.txt");
const reporters = ["--test-reporter=spec", "--test-reporter-destination=stdout", `--test-reporter=${join(import.meta.dirname, "test-summary.mjs")}`, `--test-reporter-destination=${summary}`];
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", ...reporters, ...files], { stdio: "inherit" });
try {
  process.stdout.write(readFileSync(summary, "utf8"));
} catch {
  // the runner stopped before reporting: its own output says why
}
rmSync(dir, { recursive: true, force: true });
process.exit(r.status ?? 1);
