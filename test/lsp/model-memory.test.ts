// The document model keeps one analysis per encounter: typing in the preamble (which changes
// every encounter's context) must not pile up the older analyses of the whole file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DocumentModel } from "../../server/src/service/document-model.js";

test("each encounter keeps only its latest analysis while the preamble is edited", () => {
  const body = Array.from({ length: 20 }, (_, i) => `encounter "E${i}"\n  push ondansetron 4mg 5min\n  claim 96374\n`).join("");
  const model = new DocumentModel({ fileName: "t" });
  for (const payer of ["medicare", "medicar", "medica", "medic"]) model.update(`setting hopd\npayer ${payer}\n${body}`);
  // Reaching into the segments: the number of analyses kept is not otherwise observable.
  const segments = (model as unknown as { segments: { piece: { results: Map<string, unknown> } }[] }).segments;
  assert.equal(segments.length, 20);
  for (const s of segments) assert.equal(s.piece.results.size, 1);
});
