// The `ptp` and `mue` configuration keys in the CLI: one-line errors (exit 2), one load per run,
// --stats, --cache. Edit files are the SYNTHETIC ones of test/fixtures/ncci or written here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseConfig } from "../../cli/src/config.js";
import { OptionsResolver } from "../../cli/src/lint-file.js";
import { run } from "../../cli/src/main.js";
import { FIXTURES } from "./harness.js";

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

/** A folder with the synthetic edit files, a config naming them and one encounter. */
function project(config: unknown = JSON.parse('{"ptp": ["ccipra-v321r0-f1-SYNTHETIC.txt"], "mue": ["MCR_MUE_PractitionerServices_SYNTHETIC.csv"]}')): string {
  const dir = mkdtempSync(join(tmpdir(), "encounter-lint-ncci-"));
  for (const f of readdirSync(FIXTURES)) if (!f.endsWith(".json")) copyFileSync(join(FIXTURES, f), join(dir, f));
  writeFileSync(join(dir, "encounter-lint.config.json"), JSON.stringify(config));
  return dir;
}

test("entries: file names relative to the configuration, settings from the entry or the name", () => {
  const c = parseConfig("/p/encounter-lint.config.json", { ptp: ["ncci/ccipra-v321r0-f1.txt", { file: "/abs/payer-edits.txt", setting: "hopd" }], mue: ["MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv"] });
  assert.deepEqual(c.ptp, [
    { path: resolve("/p/ncci/ccipra-v321r0-f1.txt"), label: "ncci/ccipra-v321r0-f1.txt", setting: "office" },
    { path: "/abs/payer-edits.txt", label: "/abs/payer-edits.txt", setting: "hopd" },
  ]);
  assert.deepEqual(c.mue, [{ path: resolve("/p/MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv"), label: "MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv", setting: "hopd" }]);
});

test("bad entries are one line naming the configuration, the field and what was expected", () => {
  const f = "c.json";
  const bad = (raw: unknown, message: string) => assert.throws(() => parseConfig(f, raw), { message });
  bad({ ptp: "ccipra.txt" }, `c.json: 'ptp' must be a list of files or {"file": ..., "setting": "office" | "hopd"} entries (found "ccipra.txt")`);
  bad({ mue: [3] }, "c.json: 'mue[0]' must be a file name (found 3)");
  bad({ ptp: [{ file: "ccipra.txt", setting: "facility" }] }, `c.json: 'ptp[0].setting' must be office (practitioner edits) or hopd (outpatient hospital edits) (found "facility")`);
  bad({ ptp: [{ file: "ccipra.txt", kind: "ptp" }] }, "c.json: 'ptp[0].kind' is not a field of an edit file entry (expected file, setting)");
  bad({ ptp: ["edits.txt"] }, `c.json: 'ptp[0]' cannot tell from the name 'edits.txt' whether it holds practitioner or outpatient hospital edits: write {"file": "edits.txt", "setting": "office"} or "hopd"`);
  bad({ mue: ["MCR_MUE_DMESupplierServices_Eff_01-01-2026.csv"] }, /^c\.json: 'mue\[0\]' cannot tell from the name 'MCR_MUE_DMESupplierServices_Eff_01-01-2026\.csv'/ as unknown as string);
});

test("an edit file that cannot be read, or lacks a column, stops the run with one line and exit 2", async () => {
  const missing = project({ ptp: ["ccipra-gone.txt"] });
  const r = await cli([join(missing, "synthetic.encounter")]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `encounter-lint: cannot read the PTP edit file '${join(missing, "ccipra-gone.txt")}': no such file\n`);

  const noColumn = project({ mue: ["MCR_MUE_PractitionerServices_broken.csv"] });
  writeFileSync(join(noColumn, "MCR_MUE_PractitionerServices_broken.csv"), "HCPCS/CPT Code,Practitioner Services MUE Values\n96372,2\n");
  const r2 = await cli([join(noColumn, "synthetic.encounter")]);
  assert.equal(r2.code, 2);
  assert.equal(r2.stderr, "encounter-lint: MCR_MUE_PractitionerServices_broken.csv: the header row (line 1) has no 'MUE Adjudication Indicator' column\n");
});

test("--stats says when no edit file is configured, and what was loaded when one is", async () => {
  const none = project({});
  const r = await cli(["--stats", join(none, "synthetic.encounter")]);
  assert.match(r.stderr, /\n {2}NCCI edit files: none configured \(ptp-edit and mue-exceeded are silent\)\n$/);
  // A fresh process would count from zero; this one has loaded nothing else with these entries.
  const dir = project();
  const r2 = await cli(["--stats", join(dir, "synthetic.encounter")]);
  assert.match(r2.stderr, /NCCI edit files: \d+ loaded once in \d+ ms: [\d,]+ PTP edits, [\d,]+ MUEs/);
});

test("--cache: a changed edit file re-lints, an unchanged one does not", async () => {
  const dir = project();
  const cacheDir = join(dir, ".cache");
  const args = ["--stats", "--cache", "--cache-location", cacheDir, join(dir, "synthetic.encounter")];
  await cli(args);
  assert.match((await cli(args)).stderr, /\(0 linted, 1 from cache\)/);
  writeFileSync(join(dir, "MCR_MUE_PractitionerServices_SYNTHETIC.csv"), "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator\n96372,1,1 Line Edit\n");
  assert.match((await cli(args)).stderr, /\(1 linted, 0 from cache\)/);
});

test("worker threads get the main thread's loaded edits instead of loading them again", () => {
  const dir = project();
  const path = join(dir, "synthetic.encounter");
  const main = new OptionsResolver({ fix: false, overrides: {} });
  const handed = main.preloadEdits([path]);
  const edits = handed[join(dir, "encounter-lint.config.json")];
  assert.ok(edits?.ptp.office);
  const worker = new OptionsResolver({ fix: false, overrides: {}, ncci: handed });
  assert.equal(worker.optionsFor(path).ncci, edits);
  assert.ok(edits.ptp.office.column2.buffer instanceof SharedArrayBuffer, "PTP rows live in shared memory, not copied per worker");
});

test("--jobs: the built CLI loads the edit files once in the main thread and its workers use them", () => {
  const dir = project();
  for (const name of ["b.encounter", "c.encounter"]) copyFileSync(join(dir, "synthetic.encounter"), join(dir, name));
  const lint = (jobs: string) => spawnSync(process.execPath, [resolve("out/cli.cjs"), "--jobs", jobs, "--stats", "--format", "json", dir], { encoding: "utf8" });
  const many = lint("2");
  assert.equal(many.status, 1, many.stderr);
  assert.equal((many.stdout.match(/"rule": ?"ptp-edit"/g) ?? []).length, 3, "each file's 96375 line draws the synthetic PTP edit");
  assert.match(many.stderr, /jobs 2\n/);
  assert.match(many.stderr, /NCCI edit files: 2 loaded once in \d+ ms: 5 PTP edits, 3 MUEs, 1 blank row skipped\n/);
  assert.equal(many.stdout, lint("1").stdout);
});
