import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withRulesTable } from "../scripts/rules-doc.js";

test("README's rule table matches the rule catalogue (npm run docs:rules)", () => {
  const readme = readFileSync("README.md", "utf8");
  assert.equal(readme, withRulesTable(readme));
});
