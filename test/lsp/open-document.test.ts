// An open document's text in pieces must read as the plain text, and its positions must be those
// of vscode-languageserver-textdocument for the same text, after any run of editor changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TextDocument } from "vscode-languageserver-textdocument";
import { DiagnosticCache } from "../../server/src/lsp/convert.js";
import { OpenDocument } from "../../server/src/lsp/open-document.js";
import { ChunkedText } from "../../server/src/service/chunked-text.js";
import { DocumentModel } from "../../server/src/service/document-model.js";

/** Line breaks of every kind, so an edit can join or split a "\r\n". */
const PIECES = ["\n", "\r", "\r\n", "\n\r", "a", "claim 96413", "é×", "\u2028", "", "push ondansetron 4mg 5min\r\n", "\n\n\n"];

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function randomText(random: () => number, parts: number): string {
  let t = "";
  for (let i = 0; i < parts; i++) t += PIECES[Math.floor(random() * PIECES.length)];
  return t;
}

test("text in pieces reads as the plain text after random edits", () => {
  for (let seed = 1; seed <= 30; seed++) {
    const random = rng(seed);
    const piece = 1 + (seed % 7);
    let plain = randomText(random, seed % 5 === 0 ? 0 : 20);
    let chunked = ChunkedText.of(plain, piece);
    for (let step = 0; step < 60; step++) {
      const a = Math.floor(random() * (plain.length + 3)) - 1;
      const b = a + Math.floor(random() * 10) - 2;
      const insert = randomText(random, Math.floor(random() * 3));
      const s = Math.max(0, Math.min(a, plain.length));
      const e = Math.max(s, Math.min(b, plain.length));
      plain = plain.slice(0, s) + insert + plain.slice(e);
      chunked = chunked.edit(a, b, insert);
      const where = `seed ${seed} step ${step}`;
      assert.equal(chunked.length, plain.length, where);
      for (let i = -1; i <= plain.length; i++) assert.equal(chunked.charCodeAt(i), plain.charCodeAt(i), `${where} at ${i}`);
      const x = Math.floor(random() * (plain.length + 2)) - 1;
      const y = x + Math.floor(random() * 3 * piece);
      assert.equal(chunked.slice(x, y), plain.slice(Math.max(0, x), Math.max(0, y)), `${where} slice ${x}..${y}`);
      if (step % 10 === 9) assert.equal(chunked.toString(), plain, where);
    }
  }
});

test("an open document answers positions as vscode-languageserver-textdocument does, after random changes", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const random = rng(seed);
    const doc = OpenDocument.create("file:///t.encounter", "encounter", 0, randomText(random, seed % 6 === 0 ? 0 : 30));
    let plain = doc.getText();
    for (let version = 1; version <= 40; version++) {
      // One or more changes per notification, each in the text left by the one before; ranges may
      // run past a line's end or the document's, or come end first.
      const changes = [];
      for (let n = random() < 0.2 ? 3 : 1; n > 0; n--) {
        const reference = TextDocument.create("x", "encounter", 0, plain);
        const at = () => ({ line: Math.floor(random() * (reference.lineCount + 1)), character: Math.floor(random() * 8) - 1 });
        const range = { start: at(), end: at() };
        const text = random() < 0.05 ? randomText(random, 10) : randomText(random, Math.floor(random() * 3));
        const change = random() < 0.05 ? { text } : { range, text };
        changes.push(change);
        const edit = doc.apply(change);
        let [s, e] = "range" in change ? [reference.offsetAt(range.start), reference.offsetAt(range.end)] : [0, plain.length];
        if (s > e) [s, e] = [e, s];
        plain = plain.slice(0, s) + text + plain.slice(e);
        assert.deepEqual(edit, "range" in change ? { start: s, end: e } : undefined, `seed ${seed} version ${version}: the replaced part`);
      }
      const where = `seed ${seed} version ${version}: ${JSON.stringify(changes)}`;
      const expected = TextDocument.create("x", "encounter", 0, plain);
      assert.equal(doc.getText(), plain, where);
      assert.equal(doc.lineCount, expected.lineCount, where);
      for (let o = -1; o <= plain.length + 1; o++) assert.deepEqual(doc.positionAt(o), expected.positionAt(o), `${where} offset ${o}`);
      for (let line = -1; line <= expected.lineCount; line++) {
        for (let character = -1; character < 12; character++) assert.equal(doc.offsetAt({ line, character }), expected.offsetAt({ line, character }), `${where} at ${line}:${character}`);
      }
    }
  }
});

test("an open document takes a paste of many lines and a whole new text as the reference does", () => {
  const lines = (n: number, eol: string) => Array.from({ length: n }, (_, i) => `  push ondansetron ${i}mg 5min`).join(eol);
  const start = `encounter A\r\n${lines(300, "\n")}\r\nclaim 96409\r`;
  const doc = OpenDocument.create("file:///t.encounter", "encounter", 0, start);
  let plain = start;
  const paste = (line: number, character: number, text: string) => {
    const reference = TextDocument.create("x", "encounter", 0, plain);
    const at = reference.offsetAt({ line, character });
    doc.apply({ range: { start: { line, character }, end: { line, character } }, text });
    plain = plain.slice(0, at) + text + plain.slice(at);
  };
  const check = (where: string) => {
    const expected = TextDocument.create("x", "encounter", 0, plain);
    assert.equal(doc.getText(), plain, where);
    assert.equal(doc.lineCount, expected.lineCount, where);
    for (let o = 0; o <= plain.length; o += 97) assert.deepEqual(doc.positionAt(o), expected.positionAt(o), `${where} offset ${o}`);
    for (let line = 0; line < expected.lineCount; line += 13) assert.equal(doc.offsetAt({ line, character: 9 }), expected.offsetAt({ line, character: 9 }), `${where} line ${line}`);
  };
  paste(150, 4, "x\r\n".repeat(150_000)); // more lines than one call's arguments can hold
  check("after a paste of 150,000 lines");
  // The text ends with "\r": a "\n" typed on the empty last line joins it into one line break.
  paste(TextDocument.create("x", "encounter", 0, plain).lineCount - 1, 0, "\n");
  check("after a line break joined into \\r\\n");
  doc.apply({ text: lines(50, "\r") });
  plain = lines(50, "\r");
  check("after a whole new text");
});

test("a keystroke in a large document never makes its whole text: only the pieces it touches are copied", () => {
  const text = Array.from({ length: 2000 }, (_, i) => `encounter "E${i}"\n  setting hopd\n  push ondansetron 4mg 5min\n  claim 96409\n`).join("");
  const doc = OpenDocument.create("file:///t.encounter", "encounter", 1, text);
  const model = new DocumentModel({ fileName: "t" }).update(doc.text);
  const cache = new DiagnosticCache(true);
  cache.diagnostics(doc, model);
  const made: number[] = [];
  const toString = Object.getOwnPropertyDescriptor(ChunkedText.prototype, "toString")!;
  Object.defineProperty(ChunkedText.prototype, "toString", { ...toString, value(this: ChunkedText) { made.push(this.length); return toString.value.call(this); } });
  try {
    for (let k = 0; k < 20; k++) {
      // What the server does on a keystroke: apply the change, update the model, convert its findings.
      const line = 4 * 1000 + 3;
      const edit = doc.apply(k % 2 ? { range: { start: { line, character: 13 }, end: { line, character: 14 } }, text: "" } : { range: { start: { line, character: 13 }, end: { line, character: 13 } }, text: "5" });
      model.update(doc.text, undefined, edit);
      const diagnostics = cache.diagnostics(doc, model);
      const typed = diagnostics.some((d) => d.range.start.line === line && String(d.message).includes("964095"));
      assert.equal(typed, k % 2 === 0, `keystroke ${k}: the typed code's finding`);
    }
  } finally {
    Object.defineProperty(ChunkedText.prototype, "toString", toString);
  }
  assert.deepEqual(made, [], "the whole text was made");
  assert.equal(model.text, doc.getText());
});
