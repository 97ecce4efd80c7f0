// How many threads a lint run uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BYTES_PER_THREAD, threadsFor } from "../../cli/src/workers/pool.js";

const tmp = () => mkdtempSync(join(tmpdir(), "encounter-threads-"));

test("--jobs N is taken as given, at most one thread per file", () => {
  assert.equal(threadsFor(["a", "b", "c"], 2, 8), 2);
  assert.equal(threadsFor(["a", "b", "c"], 6, 8), 3);
  assert.equal(threadsFor(["a"], 1, 8), 1);
});

test("by default a small input stays in one thread and a large one gets a thread per idle core", () => {
  const dir = tmp();
  const file = (name: string, bytes: number) => {
    writeFileSync(join(dir, name), "#".repeat(bytes));
    return join(dir, name);
  };
  const small = [file("a.encounter", 1000), file("b.encounter", 1000)];
  assert.equal(threadsFor(small, undefined, 8), 1);
  const large = Array.from({ length: 6 }, (_, i) => file(`big${i}.encounter`, BYTES_PER_THREAD));
  assert.equal(threadsFor(large.slice(0, 1), undefined, 8), 1, "one file is one thread");
  assert.equal(threadsFor(large.slice(0, 2), undefined, 8), 2, "twice the bytes a thread pays for: two");
  assert.equal(threadsFor(large, undefined, 4), 4, "no more than the idle cores");
  assert.equal(threadsFor(large, undefined, 1), 1);
});
