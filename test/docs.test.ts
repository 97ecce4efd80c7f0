import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withRulesTable } from "../scripts/rules-doc.js";

test("README's rule table matches the rule catalogue (npm run docs:rules)", () => {
  const readme = readFileSync("README.md", "utf8");
  assert.equal(readme, withRulesTable(readme));
});

// The README's commands are run (or, where they install from the registry, mirrored by
// test/contract/pack.test.ts), so the README cannot promise what the tool does not do.
const README = readFileSync("README.md", "utf8");
const PKG = JSON.parse(readFileSync("package.json", "utf8"));
const cli = (args: string[]) => spawnSync(process.execPath, ["out/cli.cjs", ...args], { encoding: "utf8" });
/** The fenced block that follows a heading. */
const blockAfter = (heading: string) => new RegExp(`${heading}[\\s\\S]*?\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(README)![1];

test("README: every `npm run` script it names exists", () => {
  const named = [...README.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
  assert.ok(named.length >= 5);
  for (const s of named) assert.ok(PKG.scripts[s], `README names npm run ${s}, which package.json lacks`);
});

test("README: the install block is what the pack test runs", () => {
  const lines = blockAfter("## Install").split("\n").map((l) => l.replace(/\s+#.*$/, "").trim()).filter(Boolean);
  assert.deepEqual(lines, ["npm install -D encounter-lint", "npx encounter-lint samples/", "npm install -g encounter-lint", "encounter-lint --version"]);
  const pack = readFileSync("test/contract/pack.test.ts", "utf8");
  for (const step of ['npm(["install", tarball]', '"npx", ["--no-install", "encounter-lint", join(ROOT, "samples")', 'npm(["install", "-g"', '["--version"]']) assert.ok(pack.includes(step), step);
});

test("README: npm start exits 0 after linting the samples", () => {
  const r = spawnSync(process.execPath, ["scripts/start.mjs"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /samples\/addon-without-primary\.encounter/);
});

test("README: every option of the command-line block is in the commands' --help", () => {
  const block = blockAfter("## Command line");
  const help = ["", "explain", "key", "grade"].map((c) => cli([...(c ? [c] : []), "--help"]).stdout).join("\n");
  const flags = [...block.matchAll(/(?<![\w-])(--[a-z][a-z-]*|-[a-z])\b/g)].map((m) => m[1]);
  assert.ok(flags.length > 20);
  for (const f of flags) assert.ok(new RegExp(`(^|[\\s,])${f}\\b`, "m").test(help), `README's ${f} is not in --help`);
});

test("README: the educators' key and grade commands and the generator run as written", () => {
  const dir = mkdtempSync(join(tmpdir(), "encounter-readme-"));
  const key = join(dir, "key.json");
  assert.ok(README.includes("`encounter-lint key exercises --format json -o key.json`"));
  assert.equal(cli(["key", "exercises", "--format", "json", "-o", key]).status, 0);
  assert.ok(README.includes("`encounter-lint grade --key key.json answers/`"));
  const grade = cli(["grade", "--key", key, "exercises"]);
  assert.notEqual(grade.status, 2, grade.stderr);
  assert.ok(README.includes("`npm run gen -- --count N --out DIR`"));
  const gen = spawnSync(process.execPath, ["--import", "tsx", "scripts/gen.ts", "--count", "3", "--out", join(dir, "gen")], { encoding: "utf8" });
  assert.equal(gen.status, 0, gen.stderr);
  assert.ok(readdirSync(join(dir, "gen")).length > 0);
  // A mistyped command says what it takes, without a stack trace.
  for (const args of [[join(dir, "gen2")], ["--count", "ten", "--out", join(dir, "gen2")]]) {
    const bad = spawnSync(process.execPath, ["--import", "tsx", "scripts/gen.ts", ...args], { encoding: "utf8" });
    assert.equal(bad.status, 2, bad.stderr);
    assert.match(bad.stderr, /^gen: .+\nusage: npm run gen -- --count N --out DIR/);
    assert.doesNotMatch(bad.stderr, /\bat /, "no stack trace");
  }
});
