// `mue-exceeded` over the SYNTHETIC edit files of test/fixtures/ncci (not CMS data).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mueFindings } from "../../server/src/ncci/check.js";
import { at, fixtureEdits, ncciOf, ruleOf } from "./harness.js";

const edits = fixtureEdits();
const mue = (text: string) => ruleOf(mueFindings, text, edits);
const claimIn = (claim: string, header = "setting office\ndate 2026-05-01") => `${header}\n${claim}\n`;

test("adjudication indicator 1: a claim line above the MUE fires on that line, with no fix", () => {
  const text = claimIn("claim 96372 x3");
  const [f, ...rest] = mue(text);
  assert.equal(rest.length, 0);
  assert.equal(f.rule, "mue-exceeded");
  assert.equal(f.severity, "error");
  assert.equal(at(text, f), "96372 x3");
  assert.equal(
    f.message,
    "96372 ×3 on this claim line is above its MUE of 2 units per line (adjudication indicator 1: a claim-line edit): the whole line is expected to be denied (RARC N362). MUE from MCR_MUE_PractitionerServices_SYNTHETIC.csv (practitioner MUEs).",
  );
  assert.equal(f.fix, undefined);
});

test("adjudication indicator 1: units at the MUE, or split over lines each within it, do not fire", () => {
  assert.deepEqual(mue(claimIn("claim 96372 x2")), []);
  assert.deepEqual(mue(claimIn("claim 96372 x2, 96372-59 x2")), []);
});

test("adjudication indicator 3: units are summed over the encounter's lines of the code, and every line is flagged", () => {
  const text = claimIn("claim 96375 x2, 96375-XS");
  const found = mue(text);
  assert.deepEqual(found.map((f) => at(text, f)), ["96375 x2", "96375-XS"]);
  assert.equal(
    found[0].message,
    "96375 is claimed ×3 on 2 lines for this date of service, above its MUE of 2 units per date of service (adjudication indicator 3: a date-of-service edit based on clinical data, payable above the MUE only on appeal with records that support the units): all 3 units of 96375 are expected to be denied (RARC N362). MUE from MCR_MUE_PractitionerServices_SYNTHETIC.csv (practitioner MUEs).",
  );
  assert.equal(at(text, { ...found[0], span: found[0].related[0].span }), "96375-XS");
  assert.deepEqual(mue(claimIn("claim 96375, 96375")), [], "×2 in all is at the MUE");
});

test("adjudication indicator 2: a date-of-service edit based on policy", () => {
  const [f] = mue(claimIn("claim 96376 x2"));
  assert.match(f.message, /^96376 is claimed ×2 for this date of service, above its MUE of 1 unit per date of service \(adjudication indicator 2: a date-of-service edit based on policy, not paid above the MUE even on appeal\)/);
});

test("each setting uses its own MUE file", () => {
  assert.deepEqual(mue(claimIn("claim 96375 x3", "setting hopd\ndate 2026-05-01")), [], "outpatient hospital MUE is 5 (synthetic)");
  assert.equal(mue(claimIn("claim 96375 x6", "setting hopd\ndate 2026-05-01")).length, 1);
  assert.deepEqual(mue(claimIn("claim 96372 x9", "setting hopd\ndate 2026-05-01")), [], "no hopd MUE for 96372");
});

test("MUEs carry no dates: they apply whatever the date of service", () => {
  assert.equal(mue(claimIn("claim 96372 x3", "setting office\ndate 2001-01-01")).length, 1);
  assert.equal(mue(claimIn("claim 96372 x3", "setting office")).length, 1);
});

test("one error per claim line: a line with a PTP error gets no MUE error, and the engine's errors come first", () => {
  // Synthetic PTP 96413/96375 (indicator 1) and MUE 96375 = 2 (indicator 3) both apply to 96375 x3.
  const text = claimIn("claim 96413, 96375 x3");
  assert.deepEqual(ncciOf(text, edits, false).map((f) => [f.rule, at(text, f)]), [["ptp-edit", "96375 x3"]]);
  assert.deepEqual(ncciOf(text, edits).map((f) => f.rule), [], "the engine already calls 96375 x3 unsupported (nothing documented)");
  // A claim equal to the derived one, above a synthetic MUE: only the MUE shows.
  const derived = "setting office\ndate 2026-05-01\ninject denosumab 120mg sc\ninject denosumab 120mg sc\ninject denosumab 120mg sc\nclaim 96372 x3\n";
  assert.deepEqual(ncciOf(derived, edits).map((f) => [f.rule, at(derived, f)]), [["mue-exceeded", "96372 x3"]]);
});
