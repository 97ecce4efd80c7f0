// parseSteps (the editor's preview parses a large document a piece at a time between keystrokes)
// gives the tree parse() gives, however the text is cut: after every line, every few lines, or
// not at all; on the samples, the fixtures and mutated random files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { parse, parseSteps } from "../../server/src/language/parse.js";
import type { FileNode } from "../../server/src/language/ast.js";
import { encounterFile, RUNS, SEED } from "../fuzz/inputs.js";
import { encounterFiles } from "./parse-snapshot.js";

function stepped(text: string, pieceChars: number): { tree: FileNode; steps: number } {
  const steps = parseSteps(text, { fileName: "f" }, pieceChars);
  for (let n = 1; ; n++) {
    const s = steps.next();
    if (s.done) return { tree: s.value, steps: n - 1 };
  }
}

test("the samples and fixtures parse to the same tree in pieces of any size", () => {
  for (const file of encounterFiles()) {
    const text = readFileSync(file, "utf8");
    const whole = parse(text, { fileName: "f" });
    for (const size of [1, 40, 300, 1 << 20]) assert.deepEqual(stepped(text, size).tree, whole, `${file} in pieces of ${size}`);
  }
});

test("mutated random files parse to the same tree in pieces of one line", () => {
  fc.assert(fc.property(encounterFile, (text) => {
    assert.deepEqual(stepped(text, 1).tree, parse(text, { fileName: "f" }));
  }), { seed: SEED, numRuns: RUNS ?? 300 });
});

test("a large file is cut into several pieces; one with a directive comment is parsed in one step", () => {
  const enc = (i: number) => `encounter "E${i}"\r\n  push ondansetron 4mg 5min\n  claim 96409 ¤\n`;
  const text = Array.from({ length: 3000 }, (_, i) => enc(i)).join("");
  const { tree, steps } = stepped(text, 64 * 1024);
  assert.ok(steps >= 2, `${steps} steps`);
  assert.deepEqual(tree, parse(text, { fileName: "f" }));
  assert.ok(tree.errors.length === 3000, "each '¤' is reported");
  const directed = `# encounter-lint-disable-next-line units\n${text}`;
  const one = stepped(directed, 64 * 1024);
  assert.equal(one.steps, 0);
  assert.deepEqual(one.tree, parse(directed, { fileName: "f" }));
});
