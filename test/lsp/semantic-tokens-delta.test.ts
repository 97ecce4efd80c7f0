// The colours after an edit are sent as the change from the last answer (LSP's semantic tokens
// delta): applied to that answer, the change must give the colours of the new text, after any
// run of edits; an answer the server does not hold gets the colours whole.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SemanticTokensDeltaRequest, SemanticTokensRequest, type SemanticTokens, type SemanticTokensDelta } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { change } from "../../server/src/lsp/colours.js";
import { semanticTokens } from "../../server/src/service/semantic-tokens.js";
import { lspNumbers } from "../language/lsp-numbers.js";
import { TestClient } from "./client.js";

const ENCOUNTER = (i: number) => `encounter "E${i}"\n  setting hopd # note\n  infuse rituximab 700mg ${200 + i}min\n  push ondansetron 4mg 5min\n  claim 96413, 96415 x3, 96375\n`;
const TEXT = Array.from({ length: 300 }, (_, i) => ENCOUNTER(i)).join("");
/** What an edit inserts: line breaks (lines shift), parts of words (tokens split and join), comments, quotes. */
const INSERTS = ["", "5", " ", "\n", "mg", "# x", '"', "push ondansetron 4mg 5min\n", "claim 96409\n", "\n\n"];

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const encoded = (text: string) => lspNumbers(semanticTokens(text));

function applyDelta(data: number[], answer: SemanticTokens | Pick<SemanticTokensDelta, "edits">): number[] {
  if ("data" in answer) return answer.data;
  const out = data.slice();
  for (const e of [...answer.edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

test("the change between two lists of numbers turns the first into the second, and is no larger than what differs", () => {
  const random = rng(7);
  const list = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 3));
  for (let i = 0; i < 2000; i++) {
    const before = list(Math.floor(random() * 12));
    const after = random() < 0.2 ? before.slice() : list(Math.floor(random() * 12));
    const edits = change(before, Int32Array.from(after));
    assert.deepEqual(applyDelta(before, { edits }), after, `${before} → ${after}`);
    if (String(before) === String(after)) assert.deepEqual(edits, [], "nothing for equal lists");
  }
  // Only what lies between the common start and end is sent, even where the two overlap.
  const of = (...xs: number[]) => Int32Array.from(xs);
  assert.deepEqual(change([1, 2, 3, 4, 5], of(1, 2, 9, 4, 5)), [{ start: 2, deleteCount: 1, data: [9] }]);
  assert.deepEqual(change([1, 1, 1], of(1, 1)), [{ start: 2, deleteCount: 1, data: [] }]);
  assert.deepEqual(change([1, 1], of(1, 1, 1)), [{ start: 2, deleteCount: 0, data: [1] }]);
  assert.deepEqual(change([], of(4, 5)), [{ start: 0, deleteCount: 0, data: [4, 5] }]);
});

test("colours sent as changes give the colours of the text after each of a run of random edits", async () => {
  const c = await TestClient.start();
  try {
    for (let seed = 1; seed <= 4; seed++) {
      const random = rng(seed);
      const uri = `file:///virtual/colours-${seed}.encounter`;
      let doc = TextDocument.create(uri, "encounter", 1, TEXT);
      await c.open(uri, TEXT);
      const first = (await c.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))!;
      assert.deepEqual(first.data, encoded(TEXT));
      let data = first.data;
      let id = first.resultId!;
      for (let step = 0; step < 25; step++) {
        const at = Math.floor(random() * doc.getText().length);
        const range = { start: doc.positionAt(at), end: doc.positionAt(at + Math.floor(random() * 4)) };
        const change = { range, text: INSERTS[Math.floor(random() * INSERTS.length)] };
        doc = TextDocument.update(doc, [change], doc.version + 1);
        await c.change(uri, doc.version, [change]);
        const answer = (await c.conn.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: id }))!;
        const where = `seed ${seed} step ${step}`;
        assert.ok("edits" in answer, `${where}: a change, not the whole list`);
        const sent = answer.edits.reduce((n, e) => n + (e.data?.length ?? 0), 0);
        assert.ok(sent <= 60, `${where}: one edit's colours only (${sent} numbers of ${data.length})`);
        data = applyDelta(data, answer);
        assert.deepEqual(data, encoded(doc.getText()), where);
        id = answer.resultId!;
      }
    }
  } finally {
    await c.stop();
  }
});

test("colours asked as a change from an answer the server does not hold come whole", async () => {
  const c = await TestClient.start();
  try {
    const uri = "file:///virtual/colours-unknown.encounter";
    await c.open(uri, TEXT);
    const first = (await c.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))!;
    const stale = (await c.conn.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: `${first.resultId}-not-sent` }))!;
    assert.ok("data" in stale);
    assert.deepEqual(stale.data, encoded(TEXT));
    // Closed and opened again: nothing is kept from before, so the old answer is not used either.
    await c.close(uri);
    await c.open(uri, ENCOUNTER(0));
    const reopened = (await c.conn.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: stale.resultId! }))!;
    assert.ok("data" in reopened, "whole");
    assert.deepEqual(reopened.data, encoded(ENCOUNTER(0)));
  } finally {
    await c.stop();
  }
});
