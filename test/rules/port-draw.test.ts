// 36591 (`draw port`): not-reportable beside other services, unsupported without a draw, the
// flush inside a draw, and laboratory tests beside it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, derived } from "../helpers.js";
import { ruleTests } from "./harness.js";

ruleTests(
  "not-reportable",
  [
    { name: "36591 beside a push", text: "draw port\npush ondansetron 4mg 2min\nclaim 36591, 96374", at: "36591", message: /^36591 is not reportable here: the ondansetron non-chemo push is documented; 36591 is reported only when no other service except laboratory tests is given/, fixed: "draw port\npush ondansetron 4mg 2min\nclaim 96374" },
    { name: "36591 beside an E/M visit", text: "visit 99213\ndraw port\nclaim 99213, 36591", at: "36591", message: /E\/M visit \(visit 99213\)/, fixed: "visit 99213\ndraw port\nclaim 99213" },
    { name: "96523 beside 36591: the flush is part of the draw", text: "draw port\nflush port\nclaim 36591, 96523", at: "96523", message: /part of the blood draw/, fixed: "draw port\nflush port\nclaim 36591" },
  ],
  [
    { name: "36591 with laboratory tests only", text: "draw port\nclaim 36591, 85025, 80053, 0001U" },
    { name: "36591 with an oral drug", text: "draw port\noral prednisone 100mg\nclaim 36591" },
  ],
);

ruleTests(
  "unsupported-code",
  [
    { name: "36591 with no draw documented", text: "flush port\nclaim 96523, 36591", at: "36591", message: /no `draw port` is documented/, fixed: "flush port\nclaim 96523" },
    { name: "an E/M code with no visit documented", text: "push ondansetron 4mg 2min\nclaim 99213-25, 96374", at: "99213-25", message: /^99213 reports an E\/M visit, but no `visit 99213` is documented/, fixed: "push ondansetron 4mg 2min\nclaim 96374" },
  ],
  [{ name: "a documented draw", text: "draw port\nclaim 36591" }],
);

test("derived: 36591 alone or with a flush; nothing beside other services; one per encounter", () => {
  assert.equal(derived("draw port"), "36591");
  assert.equal(derived("draw port\nflush port\ndraw port"), "36591");
  assert.equal(derived("draw port\npush ondansetron 4mg 2min"), "96374, J2405 x4");
  assert.equal(derived("visit 99213\ndraw port"), "99213");
  assert.equal(derived("flush port"), "96523");
});

test("a missing 36591 or visit line is missing-code with a fix that adds it", () => {
  const r = analyze("draw port\nclaim 85025");
  const f = r.findings.find((x) => x.rule === "missing-code");
  assert.ok(f?.fix);
  assert.match(f.message, /^36591 is missing from the claim/);
  const v = analyze("setting office\nvisit 99213\npush ondansetron 4mg 2min\nclaim 96374").findings.find((x) => x.rule === "missing-code");
  assert.match(v?.message ?? "", /^99213-25 is missing from the claim/);
});
