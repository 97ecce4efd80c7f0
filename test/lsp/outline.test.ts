// The outline lists each encounter with its administrations and claim; past MAX_OUTLINE_ENTRIES
// entries, the encounters only (an editor asks for it again after edits).
import { test } from "node:test";
import assert from "node:assert/strict";
import { DocumentModel } from "../../server/src/service/document-model.js";
import { MAX_OUTLINE_ENTRIES, symbols } from "../../server/src/service/outline.js";

/** An encounter of four entries: itself, two administrations, its claim. */
const enc = (i: number) => `encounter "E${i}"\n  setting hopd\n  push ondansetron 4mg 5min\n  infuse rituximab 700mg 240min\n  claim 96413, 96415 x3, 96375\n`;
const outline = (text: string) => [...symbols(new DocumentModel({}).update(text))];
const count = (entries: ReturnType<typeof outline>): number => entries.reduce((n, e) => n + 1 + count(e.children), 0);

test("each encounter with its lines, up to the limit of entries", () => {
  const n = MAX_OUTLINE_ENTRIES / 4;
  const text = Array.from({ length: n }, (_, i) => enc(i)).join("");
  const entries = outline(text);
  assert.equal(count(entries), MAX_OUTLINE_ENTRIES);
  const last = entries[n - 1];
  assert.deepEqual(last.children.map((c) => c.name), ["push ondansetron", "infuse rituximab", "claim"]);
  assert.equal(last.children[2].detail, "96413, 96415, 96375");
  assert.equal(text.slice(last.children[2].span.start, last.children[2].span.end), "claim 96413, 96415 x3, 96375");
});

test("past the limit, every encounter without its lines, each where it is", () => {
  const n = MAX_OUTLINE_ENTRIES / 4 + 1;
  const text = Array.from({ length: n }, (_, i) => enc(i)).join("");
  const entries = outline(text);
  assert.equal(entries.length, n, "every encounter");
  assert.ok(entries.every((e) => e.children.length === 0), "without their lines");
  assert.deepEqual(entries.map((e) => e.name), Array.from({ length: n }, (_, i) => `E${i}`));
  const last = entries[n - 1];
  assert.ok(text.slice(last.selection.start, last.selection.end).startsWith(`encounter "E${n - 1}"`));
  assert.equal(last.span.end, text.trimEnd().length);
});
