// The language server reads the same `ptp`/`mue` configuration as the CLI (SYNTHETIC files).
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EditFilesCache } from "../../server/src/lsp/edit-files.js";
import { FIXTURES } from "./harness.js";

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "encounter-lsp-ncci-"));
  for (const f of ["ccipra-v321r0-f1-SYNTHETIC.txt", "MCR_MUE_PractitionerServices_SYNTHETIC.csv", "encounter-lint.config.json", "ccioph-SYNTHETIC.csv", "MCR_MUE_OutpatientHospitalServices_SYNTHETIC.txt"])
    copyFileSync(join(FIXTURES, f), join(dir, f));
  mkdirSync(join(dir, "day1"));
  return dir;
}

test("a document gets the edit files of the nearest configuration above it, loaded once", () => {
  const dir = project();
  const reports: string[] = [];
  const cache = new EditFilesCache((m) => reports.push(m));
  const a = cache.forDocument(join(dir, "day1", "a.encounter"));
  assert.equal(a.edits?.counts.ptp, 6);
  assert.equal(cache.forDocument(join(dir, "day1", "b.encounter")).edits, a.edits, "the same tables, not a second load");
  assert.deepEqual(reports, []);
  assert.deepEqual(new EditFilesCache(() => {}).forDocument(join(tmpdir(), "no-config-here", "x.encounter")), { stamp: "" });
});

test("a changed edit file is loaded again; a broken configuration is reported once and checks go on without edits", () => {
  const dir = project();
  const reports: string[] = [];
  const cache = new EditFilesCache((m) => reports.push(m));
  const doc = join(dir, "a.encounter");
  const first = cache.forDocument(doc);
  writeFileSync(join(dir, "MCR_MUE_PractitionerServices_SYNTHETIC.csv"), "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator\n96372,1,1 Line Edit\n96374,1,1 Line Edit\n");
  const second = cache.forDocument(doc);
  assert.notEqual(second.stamp, first.stamp);
  assert.equal(second.edits?.mue.office?.size, 2);

  writeFileSync(join(dir, "encounter-lint.config.json"), JSON.stringify({ ptp: ["edits.txt"] }));
  const broken = cache.forDocument(doc);
  assert.equal(broken.edits, undefined);
  cache.forDocument(doc);
  assert.equal(reports.length, 1);
  assert.match(reports[0], /^encounter-lint: .*encounter-lint\.config\.json: 'ptp\[0\]' cannot tell from the name 'edits\.txt'/);
});
