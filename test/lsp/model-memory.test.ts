// The document model keeps one analysis per encounter: typing in the preamble (which changes
// every encounter's context) must not pile up the older analyses of the whole file. Derivations
// are derived again when read (only the newest few are kept).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { formatItem } from "../../server/src/engine/claim-text.js";
import type { Derivation } from "../../server/src/engine/derive/types.js";
import { DocumentModel } from "../../server/src/service/document-model.js";

test("each encounter keeps only its latest analysis while the preamble is edited", () => {
  const body = Array.from({ length: 20 }, (_, i) => `encounter "E${i}"\n  push ondansetron 4mg 5min\n  claim 96374\n`).join("");
  const model = new DocumentModel({ fileName: "t" });
  for (const payer of ["medicare", "medicar", "medica", "medic"]) model.update(`setting hopd\npayer ${payer}\n${body}`);
  // Reaching into the segments: the number of analyses kept is not otherwise observable.
  // Each keeps one analysis (a single field), and it is the one made in the latest context.
  const segments = (model as unknown as { segments: { piece: { analysed?: { key: string } } }[] }).segments;
  assert.equal(segments.length, 20);
  for (const s of segments) assert.ok(s.piece.analysed?.key.includes("payer medic\n"), s.piece.analysed?.key);
});

test("derivations are not kept: read again, they equal a fresh analysis's, and the summaries theirs", () => {
  const dir = "test/fixtures/worked-examples";
  const fixtures = readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`, "utf8"));
  const one = fixtures.map((t, i) => (t.includes("encounter") ? t : `encounter E${i}\n${t}`)).join("\n");
  const text = Array.from({ length: 30 }, () => one).join("\n");
  const model = new DocumentModel({ fileName: "t" }).update(text);
  const fresh = analyzeText(text, { fileName: "t" });
  assert.ok(model.views.length > 300, "more encounters than the model keeps derivations for");
  assert.equal(model.views.length, fresh.encounters.length);
  const lines = (d: Derivation) => d.lines.map((l) => `${l.code}${l.modifiers.map((m) => `-${m}`).join("")} x${l.units}`);
  const classes = (d: Derivation) => d.services.map((s) => s.classification);
  for (const pass of [1, 2]) {
    model.views.forEach((v, i) => {
      const expected = fresh.encounters[i].derivation;
      assert.deepEqual(lines(v.result.derivation), lines(expected), `pass ${pass}, ${v.result.node.name}`);
      assert.deepEqual(classes(v.result.derivation), classes(expected));
      assert.deepEqual(v.summary.derivedItems, expected.lines.map(formatItem));
    });
  }
  // The newest few are kept: reading one twice in a row gives the same object.
  assert.equal(model.views[0].result.derivation, model.views[0].result.derivation);
});
