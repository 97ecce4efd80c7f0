import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../helpers.js";
import { ruleTests } from "./harness.js";

const base = "setting office\npush ondansetron 8mg 2min\nclaim 96374, ";
ruleTests(
  "unchecked-code",
  [
    { name: "a laboratory test (85025)", text: `${base}85025`, at: "85025", message: /^85025 is a laboratory test: kept and counted, not checked/, fixed: null },
    { name: "a PLA laboratory code (0001U)", text: `${base}0001U`, at: "0001U", message: /laboratory test/ },
    { name: "an unlisted E/M code (99499)", text: `${base}99499`, at: "99499", message: /^99499 is a CPT code outside the codes this tool checks/ },
    { name: "a Category III code (0591T)", text: `${base}0591T`, at: "0591T", message: /Category III/ },
    { name: "a Category II code (3074F)", text: `${base}3074F`, at: "3074F", message: /Category II \(performance measurement\)/ },
    { name: "a HCPCS code outside the drug table", text: `${base}J9999`, at: "J9999", message: /declare it: drug NAME CLASS hcpcs J9999/ },
    { name: "a visit whose code is not an E/M code", text: "visit 99499\npush ondansetron 8mg 2min\nclaim 96374", at: "99499", message: /not an E\/M visit code/ },
  ],
  [
    { name: "catalogued codes", text: "visit 99213\npush ondansetron 8mg 2min\nclaim 99213-25, 96374, J2405 x2" },
    { name: "a code that cannot exist is unknown-code instead", text: `${base}96363` },
  ],
);

test("fix-all keeps unchecked codes and laboratory codes as written, and clears the claim findings", () => {
  const text = "setting office\nvisit 99213\npush ondansetron 8mg 2min\nclaim 99213, 96375, 85025, 0591T x2";
  const r = analyze(text);
  const enc = r.encounters[0];
  assert.ok(enc.fixAll);
  const after = text.slice(0, enc.fixAll.edits[0].start) + enc.fixAll.edits[0].newText + text.slice(enc.fixAll.edits[0].end);
  assert.match(after, /claim 99213-25, 96374, 85025, 0591T x2$/);
  assert.deepEqual(analyze(after).findings.map((f) => f.rule), ["unchecked-code", "unchecked-code"]);
});
