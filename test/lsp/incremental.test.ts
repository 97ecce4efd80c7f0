// The incremental document model must give exactly what a fresh analysis of the whole text gives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { ChunkedText } from "../../server/src/service/chunked-text.js";
import { composeEdits, DocumentModel, type Edit } from "../../server/src/service/document-model.js";

const dir = "test/fixtures/worked-examples";
const fixtures = readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`, "utf8"));
const START = `setting hopd\ndrug mitomycin chemo hcpcs J9280 per 5mg\n` + fixtures.map((t, i) => (t.includes("encounter") ? t : `encounter E${i}\n${t}`)).join("\n");
const PIECES = ["\n", "encounter", "encounter X\n", ";", " ", "claim 96413", ", 96415 x2", "push", " ondansetron 4mg 5min", "\"", "x", "setting office", "payer medicare", "drug zz therapeutic\n", "#", "96409", "9", "-59", "infuse mitomycin 10mg 30min\n", "\u0000", "\u2028", "\r", " # note"];

/** A tiny deterministic generator so a failure can be replayed. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const essence = (text: string, m: { findings: ReturnType<typeof analyzeText>["findings"] }) =>
  m.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, span: f.span, encounter: f.encounter, related: f.related, fix: f.fix, at: text.slice(f.span.start, f.span.end) }));

test("incremental analysis equals a fresh analysis after random edits", () => {
  for (let seed = 1; seed <= 10; seed++) {
    const random = rng(seed);
    const model = new DocumentModel({ fileName: "t" });
    let text = START;
    // Odd seeds give the model the text in pieces, as the language server does (small pieces, so
    // encounters span several).
    let chunked = seed % 2 ? ChunkedText.of(text, 50 + seed) : undefined;
    model.update(chunked ?? text);
    const options = { fileName: "t" };
    for (let step = 0; step < 50; step++) {
      // One or two edits, told to the model as the replaced range (composed), or not told at all.
      let edit: Edit | undefined;
      const before = text.length;
      for (let e = random() < 0.3 ? 2 : 1; e > 0; e--) {
        const at = Math.floor(random() * (text.length + 1));
        const length = text.length;
        let one: Edit;
        if (random() < 0.4) {
          const cut = Math.min(text.length - at, Math.floor(random() * 12));
          text = text.slice(0, at) + text.slice(at + cut);
          one = { start: at, end: at + cut };
          chunked = chunked?.edit(at, at + cut, "");
        } else {
          const piece = PIECES[Math.floor(random() * PIECES.length)];
          text = text.slice(0, at) + piece + text.slice(at);
          one = { start: at, end: at };
          chunked = chunked?.edit(at, at, piece);
        }
        edit = edit ? composeEdits(edit, one, before, length) : one;
      }
      const fresh = analyzeText(text, options);
      model.update(chunked ?? text, options, random() < 0.8 ? edit : undefined);
      assert.equal(model.text, text);
      assert.deepEqual(essence(text, model), essence(text, fresh), `seed ${seed} step ${step}:\n${text}`);
      assert.deepEqual(
        model.views.map((v) => [v.result.node.name, v.result.derivation.lines.map((l) => `${l.code}x${l.units}`)]),
        fresh.encounters.map((r) => [r.node.name, r.derivation.lines.map((l) => `${l.code}x${l.units}`)]),
      );
    }
  }
});

test("a header after U+2028 is not on a line of its own: the model cuts no encounter there, as the CLI reads none", () => {
  const one = (i: number) => `encounter "E${i}"\n  setting office\n  push ondansetron 4mg 5min\n  claim 96413\n`;
  // A comment runs on past U+2028 (the language ends lines at \n and \r only), so "encounter E2"
  // is part of it; without the comment the separator is a stray character.
  for (const joint of [" # checked\u2028", "\u2028", "\n\u2028"]) {
    const text = `${one(0)}${one(1).slice(0, -1)}${joint}${one(2)}${one(3)}`;
    const model = new DocumentModel({ fileName: "t" }).update(text);
    assert.deepEqual(essence(text, model), essence(text, analyzeText(text, { fileName: "t" })), JSON.stringify(joint));
  }
});

test("lines ended by a lone \\r: a fix finds the start of its line, and the editor gives the CLI's findings and fixes", () => {
  const text = ["encounter A", "  setting office", "  push ondansetron 4mg 5min", "  claim 96374", "  96375", "encounter B", "  push zorbitol 4mg 5min", "  claim 96374"].join("\r") + "\r";
  const found = analyzeText(text, { fileName: "t" }).findings;
  const edit = (rule: string) => found.find((f) => f.rule === rule)?.fix?.edits[0];
  const declare = edit("unknown-drug")!;
  assert.equal(declare.start, text.indexOf("encounter B"), "the declaration goes on the line above encounter B");
  const remove = edit("unsupported-code")!;
  assert.equal(text.slice(remove.start, remove.end), "  96375\r", "the code alone on its line: the whole line removed");
  const model = new DocumentModel({ fileName: "t" }).update(text);
  assert.deepEqual(essence(text, model), essence(text, { findings: found }));
});

test("repeated identical encounters stay right when one is copied, moved or removed", () => {
  const one = `encounter "Same"\n  push ondansetron 4mg 5min\n  claim 96409\n`;
  const model = new DocumentModel({ fileName: "t" });
  for (const text of [one.repeat(3), one.repeat(4), `# top\n${one.repeat(4)}`, one.repeat(2), `x\n${one}${one}`, one.repeat(5)]) {
    assert.deepEqual(essence(text, model.update(text)), essence(text, analyzeText(text, { fileName: "t" })));
  }
});

test("an edit inside one encounter re-derives that encounter only", () => {
  const text = Array.from({ length: 50 }, (_, i) => `encounter "E${i}"\n  infuse rituximab 700mg ${100 + i}min\n  claim 96413\n`).join("");
  const model = new DocumentModel({ fileName: "t" }).update(text);
  const before = model.views.map((v) => v.result);
  const edited = text.replace("claim 96413\n", "claim 96413, 96415\n");
  model.update(edited);
  const changed = model.views.filter((v, i) => v.result !== before[i]).map((v) => v.index);
  assert.deepEqual(changed, [0]);
});
