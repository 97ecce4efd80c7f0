// Linting sets of encounters in CI: SARIF, JUnit, configuration, jobs, shards and the cache.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RULES } from "../../server/src/engine/rules.js";

const CLI = join(process.cwd(), "out/cli.cjs");
const cli = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), "encounter-lint-ci-"));
const samples = () => {
  const dir = tmp();
  cpSync("samples", join(dir, "samples"), { recursive: true });
  return dir;
};

test("SARIF 2.1.0: schema, one rule per rule id, results with locations and fixes", () => {
  const r = cli(["--format", "sarif", "samples"]);
  assert.equal(r.code, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, "2.1.0");
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  const run = sarif.runs[0];
  const rules = run.tool.driver.rules;
  assert.deepEqual(rules.map((x: { id: string }) => x.id), [...RULES.keys()]);
  for (const rule of rules) {
    assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text, rule.id);
    assert.ok(["error", "warning", "note"].includes(rule.defaultConfiguration.level));
  }
  const json = JSON.parse(cli(["--format", "json", "samples"]).stdout);
  const total = json.files.reduce((n: number, f: { findings: unknown[] }) => n + f.findings.length, 0);
  assert.equal(run.results.length, total);
  for (const res of run.results) {
    assert.equal(rules[res.ruleIndex].id, res.ruleId);
    assert.ok(["error", "warning", "note"].includes(res.level));
    const loc = res.locations[0].physicalLocation;
    assert.match(loc.artifactLocation.uri, /^samples\/.+\.encounter$/);
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1 && loc.region.endLine >= loc.region.startLine);
    for (const fix of res.fixes ?? []) {
      assert.ok(fix.description.text);
      for (const rep of fix.artifactChanges[0].replacements) assert.equal(typeof rep.insertedContent.text, "string");
    }
  }
  assert.ok(run.results.some((x: { fixes?: unknown[] }) => x.fixes?.length));
});

test("JUnit: one testcase per encounter, one failure per error finding", () => {
  const xml = cli(["--format", "junit", "samples"]).stdout;
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="encounter-lint">/);
  assert.match(xml, /<\/testsuites>\n$/);
  const json = JSON.parse(cli(["--format", "json", "samples"]).stdout);
  const encounters = json.files.reduce((n: number, f: { encounters: unknown[] }) => n + f.encounters.length, 0);
  const errors = json.errorCount;
  assert.equal((xml.match(/<testcase /g) ?? []).length, encounters);
  assert.equal((xml.match(/<failure /g) ?? []).length, errors);
  // Well-formed enough for CI parsers: every opened element closes.
  for (const tag of ["testsuites", "testsuite", "failure"]) assert.equal((xml.match(new RegExp(`<${tag}[ >]`, "g")) ?? []).length, (xml.match(new RegExp(`</${tag}>`, "g")) ?? []).length, tag);
  assert.doesNotMatch(xml.replace(/&(lt|gt|amp|quot|apos);/g, ""), /&/);
});

test("--jobs 2 gives the same report as one job", () => {
  const one = cli(["--format", "json", "--jobs", "1", "samples"]);
  const two = cli(["--format", "json", "--jobs", "2", "samples"]);
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.code, one.code);
});

test("--shard i/n partitions the files exactly and deterministically", () => {
  const all = JSON.parse(cli(["--format", "json", "samples"]).stdout).files.map((f: { path: string }) => f.path);
  const parts = [1, 2, 3].map((i) => JSON.parse(cli(["--format", "json", "--shard", `${i}/3`, "samples"]).stdout).files.map((f: { path: string }) => f.path));
  assert.deepEqual(parts.flat().sort(), [...all].sort());
  assert.equal(new Set(parts.flat()).size, all.length);
  assert.deepEqual(JSON.parse(cli(["--format", "json", "--shard", "2/3", "samples"]).stdout).files.map((f: { path: string }) => f.path), parts[1]);
  assert.equal(cli(["--shard", "4/3", "samples"]).code, 2);
});

test("--cache reuses unchanged files and re-lints changed ones", () => {
  const dir = samples();
  // Every sample, however many there are.
  const n = readdirSync(join(dir, "samples")).filter((f) => f.endsWith(".encounter")).length;
  const first = cli(["--cache", "--stats", "--format", "json", "samples"], dir);
  assert.match(first.stderr, new RegExp(`${n} linted, 0 from cache`));
  const second = cli(["--cache", "--stats", "--format", "json", "samples"], dir);
  assert.match(second.stderr, new RegExp(`0 linted, ${n} from cache`));
  assert.equal(second.stdout, first.stdout);
  writeFileSync(join(dir, "samples/port-flush-only.encounter"), "# expect: none\nflush port\nclaim 96523, 96374\n");
  const third = cli(["--cache", "--stats", "--format", "json", "samples"], dir);
  assert.match(third.stderr, new RegExp(`1 linted, ${n - 1} from cache`));
  assert.notEqual(third.stdout, first.stdout);
  const overridden = cli(["--cache", "--stats", "--rule", "missing-code=off", "--format", "json", "samples"], dir);
  assert.match(overridden.stderr, new RegExp(`${n} linted`));
});

test("configuration: found by walking up, defaults, rule severities, extra drugs and payers", () => {
  const dir = tmp();
  mkdirSync(join(dir, "a/b"), { recursive: true });
  writeFileSync(join(dir, "encounter-lint.config.json"), JSON.stringify({ setting: "office", payer: "acme", rules: { "missing-code": "off", "unknown-payer": "off" }, drugs: ["drugs.json"], payers: ["acme.json"] }));
  writeFileSync(join(dir, "drugs.json"), JSON.stringify([{ name: "mitomycin", aliases: ["Mutamycin"], class: "chemo", codes: [{ code: "J9280", unit: { amount: 5, unit: "mg" } }], source: "HCPCS J9280 per 5 mg" }]));
  writeFileSync(join(dir, "acme.json"), JSON.stringify({ id: "acme", names: ["acme"], title: "Acme Health", source: "Acme policy 12", edits: [{ id: "acme-96375", code: "96375", maxUnits: 1, severity: "warning", message: "more than one 96375 needs records", source: "Acme policy 12" }] }));
  writeFileSync(join(dir, "a/b/x.encounter"), "push Mutamycin 20mg\npush ondansetron\npush Benadryl\npush famotidine\nclaim 96409, 96375 x3, J9280 x4\n");
  const r = JSON.parse(cli(["--format", "json", "a"], dir).stdout);
  const f = r.files[0];
  assert.equal(f.encounters[0].setting, "office");
  assert.equal(f.encounters[0].payer, "acme");
  assert.deepEqual(f.findings.map((x: { rule: string }) => x.rule), ["payer-edit"]);
  const strict = JSON.parse(cli(["--format", "json", "--rule", "payer-edit=error", "a"], dir).stdout);
  assert.equal(strict.files[0].findings[0].severity, "error");
});

test("a bad configuration is one line naming the file, the field and what was expected", () => {
  const dir = tmp();
  writeFileSync(join(dir, "x.encounter"), "push ondansetron\n");
  const bad = (config: unknown, extra: Record<string, unknown> = {}) => {
    writeFileSync(join(dir, "encounter-lint.config.json"), JSON.stringify(config));
    for (const [k, v] of Object.entries(extra)) writeFileSync(join(dir, k), JSON.stringify(v));
    const r = cli(["x.encounter"], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    return r.stderr;
  };
  assert.match(bad({ rules: { "missing-code": "warn" } }), /encounter-lint\.config\.json: 'rules\.missing-code' must be one of off, info, warning, error \(found "warn"\)/);
  assert.match(bad({ setting: "clinic" }), /'setting' must be one of office, hopd, home/);
  assert.match(bad({ rules: { "no-such-rule": "off" } }), /'rules\.no-such-rule' is not a rule id/);
  assert.match(bad({ drugs: ["d.json"] }, { "d.json": [{ name: "x", class: "chemo", source: "s", codes: [{ code: "J9280", unit: { amount: 0, unit: "mg" } }] }] }), /d\.json: '\[0\]\.codes\[0\]\.unit' must be/);
  writeFileSync(join(dir, "encounter-lint.config.json"), "{ not json");
  assert.match(cli(["x.encounter"], dir).stderr, /encounter-lint\.config\.json: not valid JSON/);
  assert.match(cli(["--rule", "units=loud", "x.encounter"], dir).stderr, /--rule expects ID=off\|info\|warning\|error/);
});

test("the shipped JSON schema describes the configuration", () => {
  const schema = JSON.parse(readFileSync("schemas/encounter-lint.config.schema.json", "utf8"));
  assert.deepEqual(Object.keys(schema.properties).sort(), ["$comment", "$schema", "drugs", "mue", "payer", "payers", "ptp", "rules", "setting"]);
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...RULES.keys()].sort());
});
