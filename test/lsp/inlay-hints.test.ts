// Inlay hints are asked for the visible lines only: they derive those encounters, not the file's
// (each derivation is made again when read; on 10,000 encounters, deriving them all took 0.1–0.3 s
// a request, with the editor asking after every edit).
import { test } from "node:test";
import assert from "node:assert/strict";
import { DocumentModel } from "../../server/src/service/document-model.js";
import { inlayHints } from "../../server/src/service/hints.js";

const enc = (i: number) => `encounter "E${i}"\n  setting hopd\n  push ondansetron 4mg 5min\n  infuse rituximab 700mg 240min\n  claim 96413, 96415 x3, 96375\n`;

test("inlay hints for a few lines derive only the encounters on them, and are those of the whole file", () => {
  const text = Array.from({ length: 400 }, (_, i) => enc(i)).join("");
  const model = new DocumentModel({}).update(text);
  let derived = 0;
  for (const v of model.views) {
    const result = v.result;
    const read = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(result), "derivation")!.get!;
    Object.defineProperty(result, "derivation", { get: () => (derived++, read.call(result)) });
  }
  const start = text.indexOf('encounter "E200"');
  const end = text.indexOf('encounter "E202"');
  const some = inlayHints(model, start, end);
  assert.ok(derived <= 3, `${derived} encounters derived for two`);
  assert.deepEqual(some, inlayHints(model, 0, text.length).filter((h) => h.offset >= start && h.offset <= end));
  assert.deepEqual(some.map((h) => h.label), ["→ 96375", "→ 96413 + 96415 ×3", "→ 96375", "→ 96413 + 96415 ×3"]);
});
