// The server's configuration cache (lsp/config-files.ts): the nearest encounter-lint.config.json,
// loaded once with everything it names, loaded again when any of it changes, and a problem
// reported once. SYNTHETIC edit files and tables (config-project.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { normalizeName } from "../../server/src/language/names.js";
import { ConfigCache } from "../../server/src/lsp/config-files.js";
import { CONFIG, configProject } from "./config-project.js";

test("a document gets the options of the nearest configuration above it, loaded once", () => {
  const { dir, file } = configProject();
  const reports: string[] = [];
  const cache = new ConfigCache((m) => reports.push(m));
  const a = cache.forDocument(file);
  assert.equal(a.file, join(dir, "encounter-lint.config.json"));
  assert.deepEqual(a.options?.defaults, { setting: "office", payer: "acme" });
  assert.deepEqual(a.options?.severities, CONFIG.rules);
  assert.equal(a.options?.drugs?.byName(normalizeName("Testavia"))?.name, "testamab");
  assert.equal(a.options?.payers?.[0].id, "acme");
  assert.equal(a.options?.ncci?.counts.ptp, 6);
  assert.equal(cache.forDocument(join(dir, "day1/b.encounter")), a, "the same options, not a second load");
  assert.deepEqual(reports, []);
  assert.deepEqual(cache.forDocument(join(tmpdir(), "no-config-here", "x.encounter")), { stamp: "" });
});

test("a changed configuration or named file is loaded again; unchanged edit files are kept", () => {
  const { dir, file, configFile } = configProject();
  const cache = new ConfigCache(() => {});
  const first = cache.forDocument(file);

  writeFileSync(configFile, JSON.stringify({ ...CONFIG, rules: { "ptp-edit": "off" } }));
  const second = cache.forDocument(file);
  assert.notEqual(second.stamp, first.stamp);
  assert.deepEqual(second.options?.severities, { "ptp-edit": "off" });
  assert.equal(second.options?.ncci, first.options?.ncci, "the PTP and MUE tables are not read again");

  writeFileSync(join(dir, "MCR_MUE_PractitionerServices_SYNTHETIC.csv"), "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator\n96372,1,1 Line Edit\n96374,1,1 Line Edit\n");
  const third = cache.forDocument(file);
  assert.notEqual(third.options?.ncci, second.options?.ncci);
  assert.equal(third.options?.ncci?.mue.office?.size, 2);

  writeFileSync(join(dir, "tables/drugs.json"), JSON.stringify([{ name: "otheramab", class: "chemo", codes: [], source: "SYNTHETIC" }]));
  const fourth = cache.forDocument(file);
  assert.equal(fourth.options?.drugs?.byName(normalizeName("Testavia")), undefined);
  assert.equal(fourth.options?.drugs?.byName(normalizeName("otheramab"))?.name, "otheramab");
});

test("which documents a changed file concerns: those below its configuration", () => {
  const { dir, file, configFile } = configProject();
  const cache = new ConfigCache(() => {});
  cache.forDocument(file);
  assert.deepEqual(cache.affectedBy(configFile), [dir]);
  assert.deepEqual(cache.affectedBy(join(dir, "tables/acme.json")), [dir]);
  assert.deepEqual(cache.affectedBy(join(dir, "ccioph-SYNTHETIC.csv")), [dir]);
  assert.deepEqual(cache.affectedBy(join(dir, "tables/unrelated.json")), []);
  // A configuration not seen yet (just created) concerns its own folder.
  assert.deepEqual(cache.affectedBy(join(dir, "day1/encounter-lint.config.json")), [join(dir, "day1")]);
});

test("a broken configuration or table is reported once and documents go on without it", () => {
  const { dir, file, configFile } = configProject();
  const reports: string[] = [];
  const cache = new ConfigCache((m) => reports.push(m));
  writeFileSync(configFile, JSON.stringify({ ...CONFIG, ptp: ["edits.txt"] }));
  const broken = cache.forDocument(file);
  assert.equal(broken.options, undefined);
  cache.forDocument(file);
  cache.forDocument(join(dirname(file), "b.encounter"));
  assert.equal(reports.length, 1);
  assert.match(reports[0], /^encounter-lint: .*encounter-lint\.config\.json: 'ptp\[0\]' cannot tell from the name 'edits\.txt'/);

  // A table the configuration names, broken: reported, then fixed and picked up (it is watched too).
  writeFileSync(configFile, JSON.stringify(CONFIG));
  writeFileSync(join(dir, "tables/drugs.json"), "[{");
  assert.equal(cache.forDocument(file).options, undefined);
  assert.match(reports[1], /tables\/drugs\.json: not valid JSON/);
  writeFileSync(join(dir, "tables/drugs.json"), "[ ]"); // another size: the stamp is size and time
  assert.ok(cache.forDocument(file).options);
  assert.equal(reports.length, 2);
});
