// Rewrites the committed report snapshots that test/contract/report-snapshot.test.ts compares
// against: the CLI's report of samples/ and the worked examples in every format. Run it ONLY when
// a change of findings is intended (`npm test` never does), and review the diff.
//   node esbuild.mjs && node scripts/update-report-snapshots.mjs
import { spawnSync } from "node:child_process";
import { renameSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const SNAPSHOT_INPUTS = ["samples", "test/fixtures/worked-examples"];
const SNAPSHOT_FORMATS = { json: "json", stylish: "txt", sarif: "sarif", junit: "xml" };
// SARIF names the checkout's folder (%SRCROOT%); the snapshot says CHECKOUT so any clone matches.
const CHECKOUT = pathToFileURL(process.cwd() + "/").href;

for (const [format, ext] of Object.entries(SNAPSHOT_FORMATS)) {
  const r = spawnSync(process.execPath, ["out/cli.cjs", "--jobs", "1", "--format", format, ...SNAPSHOT_INPUTS], { encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`encounter-lint --format ${format} failed: ${r.stderr}`);
  const file = `test/fixtures/reports/samples.${ext}`;
  writeFileSync(`${file}.tmp`, r.stdout.replaceAll(CHECKOUT, "file:///CHECKOUT/"));
  renameSync(`${file}.tmp`, file);
  console.log(`wrote ${file}`);
}
