// Issue 12's flags held to issue 9's file rules, and --report-unused-disable-directives: each
// checked as a process against the built bundle (exact output, exit status, files left as they were).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = process.cwd();
const cli = (args: string[], opts: { cwd?: string; input?: string } = {}) => {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [join(ROOT, "out/cli.cjs"), ...args], { cwd: opts.cwd ?? ROOT, input: opts.input ?? "", encoding: "utf8", env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const CORRECT = readFileSync("samples/rchop-day1-correct.encounter", "utf8");
const temp = () => mkdtempSync(join(tmpdir(), "encounter-merge-"));
const findings = (stdout: string) => (JSON.parse(stdout).files as { path: string; findings: { rule: string; line: number; message: string }[] }[]).flatMap((f) => f.findings.map((x) => ({ path: f.path, ...x })));

// A stale directive above a line with no finding of that rule; the file is otherwise clean.
const STALE = CORRECT.replace(/^(\s*)(push|infuse) /m, "$1# encounter-lint-disable-next-line units\n$1$2 ");

test("--report-unused-disable-directives reports a directive that silences nothing; without it, nothing", () => {
  const dir = temp();
  writeFileSync(join(dir, "a.encounter"), STALE);
  const line = STALE.split("\n").findIndex((l) => l.includes("encounter-lint-disable-next-line")) + 1;
  const off = cli(["--format", "json", "a.encounter"], { cwd: dir });
  assert.equal(off.code, 0, off.stderr);
  assert.deepEqual(findings(off.stdout), []);
  const on = cli(["--format", "json", "--report-unused-disable-directives", "a.encounter"], { cwd: dir });
  const got = findings(on.stdout);
  assert.deepEqual(got.map((f) => [f.rule, f.line]), [["unused-directive", line]]);
  assert.match(got[0].message, /silences nothing for 'units'/);
});

test("--report-unused-disable-directives is part of the cache key: a cached run without it does not hide the finding", () => {
  const dir = temp();
  writeFileSync(join(dir, "a.encounter"), STALE);
  const first = cli(["--format", "json", "--cache", "a.encounter"], { cwd: dir });
  assert.deepEqual(findings(first.stdout), []);
  const second = cli(["--format", "json", "--cache", "--report-unused-disable-directives", "a.encounter"], { cwd: dir });
  assert.deepEqual(findings(second.stdout).map((f) => f.rule), ["unused-directive"]);
  const third = cli(["--format", "json", "--cache", "a.encounter"], { cwd: dir });
  assert.deepEqual(findings(third.stdout), []);
});

test("--print-config shows --report-unused-disable-directives and the ptp and mue keys", () => {
  const dir = temp();
  writeFileSync(join(dir, "a.encounter"), CORRECT);
  writeFileSync(join(dir, "encounter-lint.config.json"), JSON.stringify({ ptp: [], mue: [] }));
  const r = cli(["--print-config", "a.encounter", "--report-unused-disable-directives"], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const printed = JSON.parse(r.stdout);
  assert.deepEqual([printed.ptp, printed.mue, printed.reportUnusedDisableDirectives], [[], [], true]);
});

test("a glob never matches links (a link out of the folder is not read) nor anything but regular files", () => {
  const dir = temp();
  const outside = temp();
  mkdirSync(join(dir, "enc"));
  writeFileSync(join(dir, "enc/real.encounter"), CORRECT);
  writeFileSync(join(outside, "secret.encounter"), "this is not an encounter");
  symlinkSync(join(outside, "secret.encounter"), join(dir, "enc/out.encounter"));
  symlinkSync(outside, join(dir, "enc/linked"));
  spawnSync("mkfifo", [join(dir, "enc/pipe.encounter")]);
  const r = cli(["--format", "json", "enc/**/*.encounter"], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout).files as { path: string }[]).map((f) => f.path), ["enc/real.encounter"]);
});

test("a glob's files get the size cap: over --max-file-size is a file-too-large finding, not read", () => {
  const dir = temp();
  writeFileSync(join(dir, "big.encounter"), CORRECT + "\n".repeat(2048));
  const r = cli(["--format", "json", "--max-file-size", "1k", "*.encounter"], { cwd: dir });
  assert.equal(r.code, 1);
  assert.deepEqual(findings(r.stdout).map((f) => [f.path, f.rule]), [["big.encounter", "file-too-large"]]);
});

test("standard input gets the size cap too, and the fixed text of --fix-dry-run under it", () => {
  const big = cli(["--format", "json", "--max-file-size", "1k", "-"], { input: CORRECT + "\n".repeat(2048) });
  assert.equal(big.code, 1);
  assert.deepEqual(findings(big.stdout).map((f) => [f.path, f.rule]), [["<stdin>", "file-too-large"]]);
  const small = cli(["--format", "json", "--stdin"], { input: CORRECT });
  assert.equal(small.code, 0, small.stderr);
  assert.deepEqual(findings(small.stdout), []);
});

test("an unreadable .encounterlintignore (a folder of that name) is a clear error, exit 2, nothing written", () => {
  const dir = temp();
  writeFileSync(join(dir, "a.encounter"), CORRECT);
  mkdirSync(join(dir, ".encounterlintignore"));
  const r = cli(["-o", "reports/out.txt", "a.encounter"], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.encounterlintignore/);
  assert.equal(existsSync(join(dir, "reports")), false);
});

test("-o creates missing folders only once every input is checked, through a temporary file", () => {
  const dir = temp();
  writeFileSync(join(dir, "a.encounter"), CORRECT);
  const refused = cli(["-o", "reports/deep/out.json", "--format", "json", "a.encounter", "missing.encounter"], { cwd: dir });
  assert.equal(refused.code, 2);
  assert.equal(existsSync(join(dir, "reports")), false, "a refused run creates no folder");
  const ok = cli(["-o", "reports/deep/out.json", "--format", "json", "a.encounter"], { cwd: dir });
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(findings(readFileSync(join(dir, "reports/deep/out.json"), "utf8")), []);
  assert.deepEqual(readdirSync(join(dir, "reports/deep")), ["out.json"], "no temporary file left beside the report");
});
