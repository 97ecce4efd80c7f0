// The TextMate grammar, checked with vscode-tmgrammar-test: every scope assertion in
// test/grammar/*.test.encounter must hold.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

test("TextMate grammar scopes (vscode-tmgrammar-test)", () => {
  const r = spawnSync(process.execPath, ["node_modules/vscode-tmgrammar-test/dist/unit.js", "-g", "syntaxes/encounter.tmLanguage.json", "test/grammar/*.test.encounter"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /✓|passed/i);
});
