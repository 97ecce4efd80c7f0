// The command-line contract of CLI.md, run against the built bundle as a process.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [join(process.cwd(), "out/cli.cjs"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), "encounter-lint-"));
const RCHOP = readFileSync("test/fixtures/worked-examples/r-chop-day1.encounter", "utf8");

test("a clean file: exit 0 and CLI.md's JSON shape", () => {
  const dir = tmp();
  writeFileSync(join(dir, "rchop.encounter"), RCHOP.replace("claim 96413, 96415 x3, 96411 x3", "claim 96413"));
  const r = cli(["--format", "json", "rchop.encounter"], dir);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.errorCount, 0);
  assert.equal(json.warningCount, 2);
  const [file] = json.files;
  assert.equal(file.path, "rchop.encounter");
  const [enc] = file.encounters;
  assert.deepEqual([enc.name, enc.line, enc.setting, enc.payer], ["R-CHOP day 1", 3, "hopd", null]);
  assert.deepEqual(enc.expected[0], { code: "96413", units: 1, modifiers: [], line: 6 });
  assert.deepEqual(enc.expected.slice(0, 3).map((e: { code: string; units: number }) => `${e.code} x${e.units}`), ["96413 x1", "96415 x3", "96411 x3"]);
  assert.deepEqual(enc.claimed, [{ code: "96413", units: 1, modifiers: [], line: 11 }]);
  const f = file.findings[0];
  assert.deepEqual(
    { rule: f.rule, severity: f.severity, encounter: f.encounter, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, fixable: f.fixable },
    { rule: "missing-code", severity: "warning", encounter: 0, line: 11, column: 3, endLine: 11, endColumn: 8, fixable: true },
  );
  assert.equal(typeof f.message, "string");
});

test("claimed is null for an encounter without a claim", () => {
  const dir = tmp();
  writeFileSync(join(dir, "a.encounter"), "push ondansetron 8mg\n");
  const json = JSON.parse(cli(["--format", "json", "a.encounter"], dir).stdout);
  assert.equal(json.files[0].encounters[0].claimed, null);
  assert.equal(json.files[0].encounters[0].name, "a");
});

test("errors exit 1; --max-warnings; --quiet", () => {
  const dir = tmp();
  writeFileSync(join(dir, "bad.encounter"), "push ondansetron 8mg\nclaim 96409\n");
  writeFileSync(join(dir, "warn.encounter"), "push doxorubicin 60mg\nclaim 96409, J9000 x10\n");
  assert.equal(cli(["bad.encounter"], dir).code, 1);
  assert.equal(cli(["warn.encounter"], dir).code, 0);
  assert.equal(cli(["--max-warnings", "0", "warn.encounter"], dir).code, 1);
  assert.equal(cli(["--max-warnings", "1", "warn.encounter"], dir).code, 0);
  const quiet = JSON.parse(cli(["--quiet", "--format", "json", "."], dir).stdout);
  assert.ok(quiet.files.every((f: { findings: { severity: string }[] }) => f.findings.every((x) => x.severity === "error")));
});

test("bad usage and unreadable paths exit 2 with one line naming them", () => {
  const missing = cli(["no-such.encounter"]);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim().split("\n").length, 1);
  assert.match(missing.stderr, /no-such\.encounter/);
  assert.equal(cli(["--format", "xml", "samples"]).code, 2);
  assert.equal(cli(["--max-warnings", "lots", "samples"]).code, 2);
  assert.equal(cli(["--no-such-flag"]).code, 2);
});

test("a file that does not parse gives syntax findings and the others are still linted", () => {
  const dir = tmp();
  writeFileSync(join(dir, "a.encounter"), "pushh ondansetron\n\u0000\u0001 garbage ((\n");
  writeFileSync(join(dir, "b.encounter"), "push ondansetron 8mg\nclaim 96409\n");
  const r = cli(["--format", "json", "."], dir);
  assert.equal(r.code, 1);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json.files.map((f: { path: string }) => f.path), ["a.encounter", "b.encounter"]);
  assert.ok(json.files[0].findings.every((f: { rule: string }) => f.rule === "syntax"));
  assert.equal(json.files[1].findings[0].rule, "non-chemo-as-chemo");
  assert.doesNotMatch(r.stderr, /at .*\.cjs/);
});

test("--fix rewrites a copy in place and reports what is left", () => {
  const dir = tmp();
  copyFileSync("test/fixtures/worked-examples/folfox-day1.encounter", join(dir, "folfox.encounter"));
  writeFileSync(join(dir, "unknown.encounter"), "push zzzumab 10mg\nclaim 96374, 96363\n");
  const r = cli(["--fix", "--format", "json", "."], dir);
  const fixed = readFileSync(join(dir, "folfox.encounter"), "utf8");
  assert.match(fixed, /claim 96413, 96415, 96368, 96411, 96416$/m);
  assert.match(fixed, /infuse leucovorin 400mg 120min with oxaliplatin/);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json.files[0].findings.map((f: { rule: string }) => f.rule), []);
  // Not determinate: the unknown code stays, and the unknown drug is not declared for the user.
  assert.deepEqual(json.files[1].findings.map((f: { rule: string }) => f.rule).sort(), ["unknown-code", "unknown-drug"]);
  assert.equal(readFileSync(join(dir, "unknown.encounter"), "utf8"), "push zzzumab 10mg\nclaim 96374, 96363\n");
  assert.equal(r.code, 1);
  // --fix does not declare a drug, so the CLI does not count that finding as fixable (issue 10 §3).
  assert.equal(json.files[1].findings.find((f: { rule: string }) => f.rule === "unknown-drug").fixable, false);
});

test("a finding --fix does not apply is not counted as fixable, before or after --fix", () => {
  const dir = tmp();
  copyFileSync("samples/unknown-drug-undeclared.encounter", join(dir, "u.encounter"));
  const before = cli(["u.encounter"], dir);
  assert.match(before.stdout, /unknown-drug/);
  assert.doesNotMatch(before.stdout, /can be fixed with --fix/);
  const after = cli(["--fix", "u.encounter"], dir);
  assert.doesNotMatch(after.stdout, /can be fixed with --fix/);
});

test("explain prints the derived lines with their reasons", () => {
  const r = cli(["explain", "test/fixtures/worked-examples/r-chop-day1.encounter"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /96415 x3/);
  assert.match(r.stdout, /3 hours beyond the first/);
});

test("explain uses the file's configuration, as lint does (nearest file, or --config)", () => {
  const dir = tmp();
  const chart = RCHOP.replace("claim 96413, 96415 x3, 96411 x3", "claim 96413");
  writeFileSync(join(dir, "rchop.encounter"), chart);
  const plain = cli(["explain", "rchop.encounter"], dir);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /missing-code/);
  writeFileSync(join(dir, "encounter-lint.config.json"), JSON.stringify({ rules: { "missing-code": "off" } }));
  for (const args of [["explain", "rchop.encounter"], ["explain", "--config", "encounter-lint.config.json", "rchop.encounter"]]) {
    const r = cli(args, dir);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /missing-code/, args.join(" "));
    assert.match(r.stdout, /96415 x3/, "the derived lines are still explained");
  }
  writeFileSync(join(dir, "encounter-lint.config.json"), "{ not json");
  const bad = cli(["explain", "rchop.encounter"], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /encounter-lint\.config\.json/);
  assert.equal(bad.stdout, "", "nothing is written when the configuration is bad");
});
