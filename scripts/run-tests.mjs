// Runs every test/**/*.test.ts with node's test runner (TypeScript through tsx).
// `node scripts/run-tests.mjs [folder-or-file...]` runs a subset.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
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
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
