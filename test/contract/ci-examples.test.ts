// docs/ci's examples run as written: the GitHub Actions lint step (both shards, the cache it
// saves), SARIF that code scanning can track, the pre-commit hook with file names with spaces,
// and the problem matcher against real stylish output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

const ROOT = process.cwd();
const CLI = join(ROOT, "out/cli.cjs");
const WORKFLOW = readFileSync("docs/ci/github-actions.yml", "utf8");
const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
const copyOfSamples = () => {
  const dir = mkdtempSync(join(tmpdir(), "encounter-ci-"));
  cpSync("samples", join(dir, "samples"), { recursive: true });
  return dir;
};
type Sarif = { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }[] }[] }[] };

test("GitHub Actions: current majors, code-scanning permissions, the lint step's folder exists, the cache path is the tool's", () => {
  for (const [action, major] of [["actions/checkout", 6], ["actions/setup-node", 6], ["actions/cache", 6], ["github/codeql-action/upload-sarif", 4]] as const) {
    const m = new RegExp(`uses: ${action}@v(\\d+)`).exec(WORKFLOW);
    assert.ok(m && Number(m[1]) >= major, `${action} at v${major} or later`);
  }
  assert.match(WORKFLOW, /node-version: lts\/\*/);
  assert.match(WORKFLOW, /security-events: write/);
  assert.match(WORKFLOW, /- run: npm ci\n/);
  const step = /run: (npx encounter-lint .*)/.exec(WORKFLOW)![1];
  assert.ok(existsSync(step.split(" ").at(-1)!), "the folder the example lints exists");
  assert.match(WORKFLOW, /path: \.encounter-lint-cache\n/);
  assert.match(cli(["--help"], ROOT).stdout, /--cache-location DIR +where the cache lives \(default \.encounter-lint-cache\)/);
});

test("GitHub Actions: the lint step, run as written for each shard, writes SARIF covering every finding once; a rerun comes from the cache", () => {
  const dir = copyOfSamples();
  const step = /run: npx encounter-lint (.*)/.exec(WORKFLOW)![1];
  const all = JSON.parse(cli(["--format", "sarif", "samples/"], dir).stdout) as Sarif;
  const results: Sarif["runs"][0]["results"] = [];
  for (const shard of ["1", "2"]) {
    const r = cli(step.replaceAll("${{ matrix.shard }}", shard).split(" "), dir);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    results.push(...(JSON.parse(readFileSync(join(dir, "reports/encounter-lint.sarif"), "utf8")) as Sarif).runs[0].results);
  }
  const key = (x: Sarif["runs"][0]["results"][0]) => `${x.locations[0].physicalLocation.artifactLocation.uri} ${x.partialFingerprints["encounterLint/v1"]}`;
  assert.deepEqual(results.map(key).sort(), all.runs[0].results.map(key).sort());
  assert.ok(existsSync(join(dir, ".encounter-lint-cache")));
  const again = cli([...step.replaceAll("${{ matrix.shard }}", "1").split(" "), "--stats"], dir);
  assert.match(again.stderr, /\(0 linted, \d+ from cache\)/);
});

test("SARIF: paths relative to %SRCROOT%; fingerprints stay when lines move and differ between findings", () => {
  const dir = mkdtempSync(join(tmpdir(), "encounter-sarif-"));
  const text = readFileSync("samples/addon-without-primary.encounter", "utf8");
  mkdirSync(join(dir, "enc"));
  writeFileSync(join(dir, "enc/a.encounter"), text);
  const before = JSON.parse(cli(["--format", "sarif", "enc"], dir).stdout) as Sarif;
  assert.equal(before.runs[0].originalUriBaseIds["%SRCROOT%"].uri, `file://${dir}/`);
  const loc = before.runs[0].results[0].locations[0].physicalLocation;
  assert.deepEqual(loc.artifactLocation, { uri: "enc/a.encounter", uriBaseId: "%SRCROOT%" });
  writeFileSync(join(dir, "enc/a.encounter"), `# reviewed\n# by the auditor\n${text}`);
  const after = JSON.parse(cli(["--format", "sarif", "enc"], dir).stdout) as Sarif;
  assert.equal(after.runs[0].results[0].locations[0].physicalLocation.region.startLine, loc.region.startLine + 2);
  assert.deepEqual(after.runs[0].results.map((x) => x.partialFingerprints), before.runs[0].results.map((x) => x.partialFingerprints));
  const all = (JSON.parse(cli(["--format", "sarif", join(ROOT, "samples")], dir).stdout) as Sarif).runs[0].results;
  assert.match(all[0].locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/\/.*\/samples\/.+\.encounter$/, "outside the root: an absolute URI");
  const prints = all.map((x) => `${x.locations[0].physicalLocation.artifactLocation.uri} ${x.partialFingerprints["encounterLint/v1"]}`);
  assert.equal(new Set(prints).size, prints.length);
});

test("pre-commit hook: staged files with spaces in their names are linted; an error blocks the commit", () => {
  const repo = mkdtempSync(join(tmpdir(), "encounter-hook-"));
  const git = (...args: string[]) => spawnSync("git", ["-c", "user.email=a@b", "-c", "user.name=t", ...args], { cwd: repo, encoding: "utf8" });
  git("init", "-q");
  // `npx` as the project would have it after `npm install -D encounter-lint`.
  const bin = join(repo, ".bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "npx"), `#!/bin/sh\n[ "$1" = --no-install ] && shift\n[ "$1" = encounter-lint ] && shift\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, "npx"), 0o755);
  const hook = join(ROOT, "docs/ci/pre-commit");
  const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` };
  const runHook = () => spawnSync("sh", [hook], { cwd: repo, env, encoding: "utf8" });
  assert.equal(runHook().status, 0, "nothing staged: nothing to do");
  writeFileSync(join(repo, "day 1 correct.encounter"), readFileSync("samples/rchop-day1-correct.encounter", "utf8"));
  git("add", "day 1 correct.encounter");
  const clean = runHook();
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  writeFileSync(join(repo, "day 2 add-on.encounter"), readFileSync("samples/addon-without-primary.encounter", "utf8"));
  git("add", "day 2 add-on.encounter");
  const blocked = runHook();
  assert.notEqual(blocked.status, 0);
  assert.match(blocked.stdout, /^day 2 add-on\.encounter$/m);
  assert.match(blocked.stdout, /addon-without-primary/);
});

test("problem matcher: named, the same in the extension, and it reads the stylish report", () => {
  const matcher = JSON.parse(readFileSync("docs/ci/problem-matcher.json", "utf8")).problemMatcher[0];
  const contributed = JSON.parse(readFileSync("package.json", "utf8")).contributes.problemMatchers[0];
  assert.equal(matcher.name, "encounter-lint");
  assert.equal(contributed.name, "encounter-lint");
  assert.deepEqual(contributed.pattern, matcher.pattern);
  const out = cli(["--no-color", "samples/addon-without-primary.encounter", "samples/rchop-day1-correct.encounter"], ROOT).stdout.split("\n");
  const [fileRe, lineRe] = matcher.pattern.map((p: { regexp: string }) => new RegExp(p.regexp));
  assert.deepEqual(out.filter((l) => fileRe.test(l)), ["samples/addon-without-primary.encounter"]);
  const m = out.map((l) => lineRe.exec(l)).find(Boolean)!;
  assert.deepEqual([m[1], m[2], m[3], m[5]], ["5", "7", "error", "addon-without-primary"]);
});
