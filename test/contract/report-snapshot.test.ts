// The reports of samples/ and the worked examples stay byte-for-byte what they were (issue 11:
// speed work must not change a finding, a fix or a report), with one job and with workers.
// The snapshots change only through `node scripts/update-report-snapshots.mjs`, never here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const INPUTS = ["samples", "test/fixtures/worked-examples"];
const FORMATS = { json: "json", stylish: "txt", sarif: "sarif", junit: "xml" };
// SARIF names the checkout's folder (%SRCROOT%); the snapshot says CHECKOUT (as the script writes it).
const CHECKOUT = pathToFileURL(process.cwd() + "/").href;

const report = (format: string, jobs: string[]) => {
  const r = spawnSync(process.execPath, ["out/cli.cjs", ...jobs, "--format", format, ...INPUTS], { encoding: "utf8" });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return r.stdout.replaceAll(CHECKOUT, "file:///CHECKOUT/");
};

for (const [format, ext] of Object.entries(FORMATS)) {
  const expected = readFileSync(`test/fixtures/reports/samples.${ext}`, "utf8");
  test(`--format ${format} of the samples equals the committed snapshot, one job`, () => {
    assert.equal(report(format, ["--jobs", "1"]), expected);
  });
  test(`--format ${format} of the samples equals the committed snapshot, two workers`, () => {
    assert.equal(report(format, ["--jobs", "2"]), expected);
  });
}
