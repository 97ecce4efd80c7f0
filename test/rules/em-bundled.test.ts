import { test } from "node:test";
import assert from "node:assert/strict";
import { derived } from "../helpers.js";
import { ruleTests } from "./harness.js";

const medicare = "setting office\npayer medicare\nvisit 99211\npush ondansetron 4mg 2min\n";
ruleTests(
  "em-bundled",
  [
    { name: "Medicare, office: 99211-25 beside 96374", text: `${medicare}claim 99211-25, 96374`, at: "99211-25", message: /^99211-25 is not paid: Medicare .*with or without modifier 25.*\(96374 is derived here\)/, fixed: `${medicare}claim 96374` },
    { name: "without 25 too (not modifier-25-missing)", text: `${medicare}claim 96374, 99211`, at: "99211", fixed: `${medicare}claim 96374` },
    { name: "beside an injection", text: "setting office\npayer medicare\nvisit 99211\ninject denosumab 60mg sc\nclaim 99211-25, 96372", at: "99211-25" },
    { name: "a claimed 99211 with no visit line", text: "setting office\npayer medicare\npush ondansetron 4mg 2min\nclaim 99211, 96374", at: "99211" },
  ],
  [
    { name: "another payer", text: "setting office\npayer aetna\nvisit 99211\npush ondansetron 4mg 2min\nclaim 99211-25, 96374" },
    { name: "Medicare 99211 alone", text: "setting office\npayer medicare\nvisit 99211\nclaim 99211" },
    { name: "Medicare 99213-25 beside 96374", text: "setting office\npayer medicare\nvisit 99213\npush ondansetron 4mg 2min\nclaim 99213-25, 96374" },
    { name: "Medicare in hopd (the profile names the office)", text: "setting hopd\npayer medicare\nvisit 99211\npush ondansetron 4mg 2min\nclaim 99211-25, 96374" },
  ],
);

test("nothing is derived for a bundled 99211; other payers derive 99211-25", () => {
  assert.equal(derived(`${medicare}`), "96374, J2405 x4");
  assert.equal(derived("setting office\npayer aetna\nvisit 99211\npush ondansetron 4mg 2min"), "99211-25, 96374, J2405 x4");
  assert.equal(derived("setting office\nvisit 99213"), "99213");
});
