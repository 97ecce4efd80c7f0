// The language server on random edit sequences: every request is answered, and once the edits
// settle its diagnostics agree with the CLI's analysis of the same text. Fixed seed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { CompletionRequest, HoverRequest } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { TestClient } from "../lsp/client.js";
import { chart, RUNS, SEED } from "./inputs.js";


const edit = fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom("\n", "claim 96413\n", "encounter \"x\"\n", "  push ondansetron 4mg 5min\n", "\u001b[2J", "\r\n")));

/** A hang is a failure, not a stuck test run. */
const answered = <T>(p: Promise<T>, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${what} within 20 s`)), 20_000).unref())]);

let c: TestClient;
before(async () => {
  c = await TestClient.start({ settings: { validate: { delay: 0 } } });
});
after(() => c.stop());

let n = 0;
test("random edit sequences: always answered, and the same findings as the CLI", async () => {
  await fc.assert(
    fc.asyncProperty(chart, fc.array(edit, { minLength: 1, maxLength: 12 }), async (start, edits) => {
      const uri = `file:///fuzz/doc${++n}.encounter`;
      // The document as the editor holds it: an LSP position cannot point between the \r and the
      // \n of a line end, so an edit there lands before the \r, in the editor as in the server.
      let doc = TextDocument.create(uri, "encounter", 1, start);
      await c.open(uri, start);
      for (const [at, len, insert] of edits) {
        const text = doc.getText();
        const s = at % (text.length + 1);
        const range = { start: doc.positionAt(s), end: doc.positionAt(Math.min(text.length, s + len)) };
        doc = TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
        await c.change(uri, doc.version, [{ range, text: insert }]);
        const where = doc.positionAt(at % (doc.getText().length + 1));
        await answered(c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: where }), "hover");
        await answered(c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: where }), "completion");
      }
      const version = doc.version;
      const settled = c.published.find((p) => p.uri === uri && p.version === version) ?? (await answered(c.diagnostics(uri, (p) => p.version === version), "diagnostics"));
      const text = doc.getText();
      const expected = analyzeText(text, { fileName: `doc${n}` }).findings.map((f) => `${f.rule}@${doc.positionAt(f.span.start).line}`);
      assert.deepEqual(settled.diagnostics.map((d) => `${d.code}@${d.range.start.line}`), expected, text);
      await c.close(uri);
    }),
    { seed: SEED, numRuns: RUNS ?? 15 },
  );
});
