// `ptp-edit` over the SYNTHETIC edit files of test/fixtures/ncci (not CMS data).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ptpFindings } from "../../server/src/ncci/check.js";
import { readFileSync } from "node:fs";
import { applyFix, at, editsFrom, FIXTURES, fixtureEdits, ncciOf, ruleOf } from "./harness.js";

const edits = fixtureEdits();
const ptp = (text: string) => ruleOf(ptpFindings, text, edits);
const claimIn = (claim: string, header = "setting office\ndate 2026-05-01") => `${header}\n${claim}\n`;

test("indicator 0 fires on the column-2 line; the fix removes it and the claim re-checks clean", () => {
  const text = claimIn("claim 96413, 96360");
  const [f, ...rest] = ptp(text);
  assert.equal(rest.length, 0);
  assert.equal(f.rule, "ptp-edit");
  assert.equal(f.severity, "error");
  assert.equal(at(text, f), "96360");
  assert.equal(
    f.message,
    "96360 is not paid with 96413 on the same date of service: the NCCI PTP edit (column 1 96413, column 2 96360) has modifier indicator 0, so no modifier bypasses it and the 96360 line is expected to be denied (CARC 236). Edit from ccipra-v321r0-f1-SYNTHETIC.txt (practitioner PTP edits), in force since 2020-01-01.",
  );
  assert.equal(f.denial, "CARC 236 (code pair not allowed together under NCCI)");
  assert.equal(at(text, { ...f, span: f.related[0].span }), "96413");
  const fixed = applyFix(text, f);
  assert.equal(fixed, claimIn("claim 96413"));
  assert.deepEqual(ptp(fixed), []);
});

test("indicator 0 is not bypassed by a modifier, and the column-2 code may come first", () => {
  const text = claimIn("claim 96360-XS, 96413-59");
  const [f] = ptp(text);
  assert.equal(at(text, f), "96360-XS");
  assert.equal(applyFix(text, f), claimIn("claim 96413-59"));
});

test("indicator 1 without an NCCI-associated modifier fires, with no fix", () => {
  const text = claimIn("claim 96413, 96375");
  const [f] = ptp(text);
  assert.equal(at(text, f), "96375");
  assert.match(f.message, /^96375 is bundled into 96413 by an NCCI PTP edit \(column 1 96413, column 2 96375\) with modifier indicator 1: .* neither line carries one, so the 96375 line is expected to be denied \(CARC 236\)\./);
  assert.equal(f.fix, undefined);
  assert.equal(ptp(claimIn("claim 96413, 96375-JW")).length, 1, "JW is not an NCCI-associated modifier");
});

test("indicator 1 with an NCCI-associated modifier on either code does not fire", () => {
  for (const claim of ["claim 96413, 96375-XS", "claim 96413-59, 96375", "claim 96413, 96375-XU", "claim 96413-25, 96375", "claim 96413, 96375-RT"]) assert.deepEqual(ptp(claimIn(claim)), [], claim);
});

test("indicator 9 never fires", () => {
  assert.deepEqual(ptp(claimIn("claim 96409, 96411")), []);
});

test("an edit applies from its effective date through its deletion date, both included", () => {
  assert.equal(ptp(claimIn("claim 96372, 96374", "setting office\ndate 2026-03-31")).length, 0, "the day before the effective date");
  assert.equal(ptp(claimIn("claim 96372, 96374", "setting office\ndate 2026-04-01")).length, 1, "the effective date");
  assert.equal(ptp(claimIn("claim 96365, 96374", "setting office\ndate 2025-12-31")).length, 1, "the deletion date");
  assert.equal(ptp(claimIn("claim 96365, 96374", "setting office\ndate 2026-01-01")).length, 0, "the day after the deletion date");
});

test("with no date, the newest effective date among the loaded edits is the date (never the clock)", () => {
  assert.equal(ptp(claimIn("claim 96372, 96374", "setting office")).length, 1, "in force from 2026-04-01, the newest date loaded");
  assert.equal(ptp(claimIn("claim 96365, 96374", "setting office")).length, 0, "deleted 2025-12-31");
});

test("each setting uses its own file: hopd the outpatient hospital edits; office, home and an unstated setting the practitioner edits", () => {
  const hopd = ptp(claimIn("claim 96374, 96375", "setting hopd\ndate 2026-05-01"));
  assert.equal(hopd.length, 1);
  assert.match(hopd[0].message, /Edit from ccioph-SYNTHETIC\.csv \(outpatient hospital PTP edits\)/);
  assert.deepEqual(ptp(claimIn("claim 96374, 96375")), []);
  assert.deepEqual(ptp(claimIn("claim 96413, 96360", "setting hopd\ndate 2026-05-01")), []);
  assert.equal(ptp(claimIn("claim 96413, 96360", "setting home\ndate 2026-05-01")).length, 1);
  assert.equal(ptp(claimIn("claim 96413, 96360", "date 2026-05-01")).length, 1);
});

test("codes outside the drug-administration family are checked too", () => {
  const e = editsFrom("ptp", "Column 1,Column 2,Effective Date,Deletion Date,Modifier\n99214,36591,20200101,*,0\n");
  assert.equal(ruleOf(ptpFindings, claimIn("claim 99214-25, 36591"), e).length, 1);
});

test("silent when no PTP file is loaded", () => {
  const e = editsFrom("mue", "HCPCS/CPT Code,MUE Values,MUE Adjudication Indicator\n96372,9,1\n");
  assert.deepEqual(ruleOf(ptpFindings, claimIn("claim 96413, 96360"), e), []);
});

test("ranks after the engine: a column-2 line the engine already flags gets no ptp-edit", () => {
  // 96360 here is unsupported (no hydration documented): the engine's error wins.
  const text = "setting office\ndate 2026-05-01\ninfuse cisplatin 100mg 09:00-10:00\nclaim 96413, 96360\n";
  assert.deepEqual(ncciOf(text, edits), []);
  // A claim equal to the derived one draws no engine finding, so the PTP edit shows.
  const clean = "setting office\ndate 2026-05-01\ninfuse cisplatin 100mg 09:00-10:00\npush ondansetron 8mg at 10:05\nclaim 96413, 96375\n";
  assert.deepEqual(ncciOf(clean, edits).map((f) => [f.rule, at(clean, f)]), [["ptp-edit", "96375"]]);
});

test("the synthetic sample: a claim the chart supports, flagged only by the configured (synthetic) PTP file", () => {
  const text = readFileSync(`${FIXTURES}/synthetic.encounter`, "utf8");
  assert.deepEqual(ncciOf(text, edits).map((f) => [f.rule, at(text, f)]), [["ptp-edit", "96375"]]);
});
