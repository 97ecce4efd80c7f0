// The statement parser's output on the samples and fixtures stays exactly what it was (issue 11:
// parser speed work must not change a statement, a span or a syntax message). The snapshot
// changes only through `node --import tsx scripts/update-parse-snapshot.ts`, never here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseSnapshot, SNAPSHOT_FILE } from "./parse-snapshot.js";

test("statements, syntax messages and directives of the samples and fixtures equal the committed snapshot", () => {
  const expected = readFileSync(SNAPSHOT_FILE, "utf8").split("\n");
  const actual = parseSnapshot().split("\n");
  // File by file, so a failure names the file whose parse changed.
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) assert.equal(actual[i], expected[i], `line ${i + 1} of ${SNAPSHOT_FILE}`);
});
