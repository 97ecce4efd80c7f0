// Issue 9 (items 8 and 11): the server never freezes. A large document is analysed in slices,
// so other requests, cancellation and other documents are answered meanwhile; a document over
// the size limit gets one diagnostic; a request before `initialize` gets ServerNotInitialized.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import {
  CancellationTokenSource, CodeActionRequest, CodeLensRequest, CompletionRequest, createProtocolConnection, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, InlayHintRequest, LSPErrorCodes, SemanticTokensRequest, StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import type { DocumentSymbol } from "vscode-languageserver-protocol";
import { DerivedClaimRequest, ExplainRequest, PreviewRequest } from "../../common/protocol.js";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { renderHtml } from "../../server/src/explain/html.js";
import { SERVER, TestClient } from "./client.js";

const enc = (i: number) => `encounter "E${i}"\n  setting hopd\n  infuse rituximab 700mg 240min\n  push ondansetron 4mg 5min\n  claim 96413, 96415 x3, 96375\n`;
/**
 * About 370 KB: long enough to analyse that requests sent 50 ms after opening it meet the analysis
 * under way even on a fast, idle machine (the order below must not depend on machine speed), and
 * well under the size limit.
 */
const BIG = Array.from({ length: 3000 }, (_, i) => enc(i)).join("") + `encounter "last"\n  push ondansetron 4mg 5min\n  claim 96409\n`;

const lineOf = (text: string, offset: number) => text.slice(0, offset).split("\n").length - 1;

test("a request before initialize is answered with error -32002", async () => {
  const child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  conn.listen();
  try {
    await assert.rejects(
      conn.sendRequest(HoverRequest.type, { textDocument: { uri: "file:///x.encounter" }, position: { line: 0, character: 0 } }),
      (e: { code: number }) => e.code === -32002,
    );
  } finally {
    conn.dispose();
    child.kill();
  }
});

test("while a large document is analysed, hover, completion and cancellation are answered", async () => {
  const c = await TestClient.start({ settings: { validate: { delay: 0 } } });
  try {
    const small = "file:///virtual/small.encounter";
    const smallText = "push ondansetron 4mg 5min\nclaim 96409\n";
    await c.open(small, smallText);
    const big = "file:///virtual/big.encounter";
    const order: string[] = [];
    // Its top is published first; the complete list comes when the progress ends.
    const complete = c.progressEnd();
    void c.open(big, BIG);
    const bigDone = complete.then(() => (order.push("big diagnostics"), c.published.filter((p) => p.uri === big).at(-1)!));
    await sleep(50); // the analysis is under way
    const hover = c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 1, character: 8 } }).then((h) => (order.push("hover"), h));
    const completion = c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: small }, position: { line: 0, character: 0 } }).then((r) => (order.push("completion"), r));
    const onBig = c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: big }, position: { line: 1, character: 4 } }).then((h) => (order.push("hover on the large document"), h));
    const source = new CancellationTokenSource();
    const cancelled = c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: big }, position: { line: 0, character: 0 } }, source.token)
      .then(() => "answered", (e: { code: number }) => `error ${e.code}`)
      .then((r) => (order.push("cancelled request"), r));
    source.cancel();
    assert.match(JSON.stringify(await hover), /96409/);
    assert.ok(Array.isArray(await completion) && ((await completion) as unknown[]).length > 0);
    assert.equal(await onBig, null, "not analysed yet: answered at once, with nothing");
    assert.match(await cancelled, /answered|error -32800/);
    const p = await bigDone;
    assert.deepEqual(order.slice(0, 4).sort(), ["cancelled request", "completion", "hover", "hover on the large document"]);
    assert.equal(order[4], "big diagnostics");
    const expected = analyzeText(BIG, { fileName: "big" }).findings.map((f) => f.rule);
    assert.deepEqual(p.diagnostics.map((d) => d.code), expected, "the sliced analysis equals the CLI's");
    assert.ok(expected.includes("non-chemo-as-chemo"));
  } finally {
    await c.stop();
  }
});

test("an edit during the sliced analysis: the newest text wins, and agrees with the CLI", async () => {
  const c = await TestClient.start({ settings: { validate: { delay: 0 } } });
  try {
    const uri = "file:///virtual/edited.encounter";
    void c.open(uri, BIG);
    await sleep(200);
    const edited = BIG.replace('encounter "E3"\n  setting hopd', 'encounter "E3"\n  setting office').replace("claim 96409", "claim 96374");
    const last = c.diagnostics(uri, (p) => p.version === 2);
    await c.change(uri, 2, [{ text: edited }]);
    const p = await last;
    assert.deepEqual(p.diagnostics.map((d) => `${d.code}@${d.range.start.line}`), analyzeText(edited, { fileName: "edited" }).findings.map((f) => `${f.rule}@${lineOf(edited, f.span.start)}`));
    const hover = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: edited.split("\n").length - 2, character: 8 } });
    assert.match(JSON.stringify(hover), /96374/);
  } finally {
    await c.stop();
  }
});

/** A server with BIG open as `name`.encounter, its analysis complete; stopped afterwards. */
async function withBigOpen(name: string, body: (c: TestClient, uri: string) => Promise<void>) {
  const c = await TestClient.start({ settings: { validate: { delay: 0 } } });
  try {
    const uri = `file:///virtual/${name}.encounter`;
    const complete = c.progressEnd();
    await c.open(uri, BIG);
    await complete;
    await body(c, uri);
  } finally {
    await c.stop();
  }
}

test("a page of a large document is made in slices: an edit meanwhile is checked first, and a preview it outdates is given up", () =>
  withBigOpen("paged", async (c, uri) => {
    const lastLine = BIG.split("\n").length - 2;
    const edit = (version: number, code: string) => c.change(uri, version, [{ range: { start: { line: lastLine, character: 8 }, end: { line: lastLine, character: 13 } }, text: code }]);
    // Explain is asked for once: an edit while it is made delays it but does not cancel it.
    const order: string[] = [];
    const checked = c.diagnostics(uri, (p) => p.version === 2).then((p) => (order.push("diagnostics of the edit"), p));
    let explained!: Promise<{ text: string }>;
    c.together(() => {
      explained = c.conn.sendRequest(ExplainRequest, { uri }).then((r) => (order.push("explanation"), r as { text: string }));
      void edit(2, "96374");
    });
    assert.ok((await checked).diagnostics.every((d) => d.code !== "non-chemo-as-chemo"), "96374 for ondansetron is right");
    assert.match((await explained).text, /== last/);
    assert.deepEqual(order, ["diagnostics of the edit", "explanation"], "the edit was checked while the explanation was being made");
    // The preview follows the typing: one the document has moved on from is refused (ServerCancelled).
    let outdated!: Promise<string>;
    c.together(() => {
      outdated = c.conn.sendRequest(PreviewRequest, { uri }).then(() => "made", (e: { code: number }) => `error ${e.code}`);
      void edit(3, "96409");
    });
    assert.equal(await outdated, `error ${LSPErrorCodes.ServerCancelled}`);
    const preview = (await c.conn.sendRequest(PreviewRequest, { uri })) as { html: string };
    // Edited back to 96409, the text is BIG again.
    assert.equal(preview.html, renderHtml("/virtual/paged.encounter", BIG, analyzeText(BIG, { fileName: "paged" }), { theme: "auto" }), "the page made in slices is the page of the whole analysis, of the newest text");
    assert.match(preview.html, /non-chemo-as-chemo/);
  }));

test("the outline, highlighting and code lenses of a large document: an edit right behind the request outdates them (ContentModified)", () =>
  withBigOpen("outlined", async (c, uri) => {
    const td = { textDocument: { uri } };
    const symbols = await c.conn.sendRequest(DocumentSymbolRequest.type, td);
    assert.equal(symbols?.length, 3001, "every encounter");
    const tokens = await c.conn.sendRequest(SemanticTokensRequest.type, td);
    assert.ok(tokens!.data.length > 3001 * 5 * 10);
    // Asked, then an edit right behind (in the same write, so the order cannot depend on the
    // machine's speed): the edit is checked and the answer says the text moved on.
    const asked = (request: () => Promise<unknown>, version: number, note: string) => {
      let answer!: Promise<string>;
      c.together(() => {
        answer = request().then(() => "made", (e: { code: number }) => `error ${e.code}`);
        void c.change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: note }]);
      });
      return answer;
    };
    const checked = c.diagnostics(uri, (p) => p.version === 4);
    assert.equal(await asked(() => c.conn.sendRequest(DocumentSymbolRequest.type, td), 2, "\n"), `error ${LSPErrorCodes.ContentModified}`);
    assert.equal(await asked(() => c.conn.sendRequest(CodeLensRequest.type, td), 3, "\n"), `error ${LSPErrorCodes.ContentModified}`);
    assert.equal(await asked(() => c.conn.sendRequest(SemanticTokensRequest.type, td), 4, "# a note"), `error ${LSPErrorCodes.ContentModified}`);
    await checked;
    const after = (await c.conn.sendRequest(DocumentSymbolRequest.type, td)) as DocumentSymbol[];
    assert.deepEqual(after[0].range.start, { line: 2, character: 0 }, "the outline of the edited text");
  }));

test("what an editor draws over a large document, asked during its analysis, waits for it (an empty answer would stay)", async () => {
  // The default delay: the edit's analysis has not begun when the requests arrive.
  const c = await TestClient.start();
  try {
    const uri = "file:///virtual/drawn.encounter";
    const td = { textDocument: { uri } };
    const order: string[] = [];
    const answered = async <T>(what: string, answer: Promise<T>) => {
      const r = await answer;
      order.push(what);
      return r;
    };
    const drawn = async () => {
      const [hints, lenses, outline, folds, tokens] = await Promise.all([
        answered("hints", c.conn.sendRequest(InlayHintRequest.type, { ...td, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } })),
        answered("lenses", c.conn.sendRequest(CodeLensRequest.type, td)),
        answered("outline", c.conn.sendRequest(DocumentSymbolRequest.type, td)),
        answered("folds", c.conn.sendRequest(FoldingRangeRequest.type, td)),
        c.conn.sendRequest(SemanticTokensRequest.type, td),
      ]);
      return { hints: hints?.length, lenses: lenses?.length, outline: outline?.length, folds: folds?.length, colours: (tokens?.data.length ?? 0) > 0 };
    };
    const all = { hints: 16, lenses: 3001, outline: 3001, folds: 3001, colours: true };
    // Asked as the editor does on opening, while the first analysis runs. The complete
    // diagnostics (the top has none: the one finding is at the end) are not held up by them.
    const complete = c.diagnostics(uri, (p) => p.diagnostics.length > 0).then(() => order.push("diagnostics"));
    void c.open(uri, BIG);
    assert.deepEqual(await drawn(), all, "on opening");
    await complete;
    assert.equal(order[0], "diagnostics", order.join(", "));
    await c.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: " " }]);
    assert.deepEqual(await drawn(), all, "right after a keystroke");
  } finally {
    await c.stop();
  }
});

test("fixes and the derived claim, asked during a large document's analysis, wait for it (nothing would read as \"nothing to fix\")", async () => {
  const c = await TestClient.start();
  try {
    const uri = "file:///virtual/asked.encounter";
    const last = BIG.split("\n").length - 2;
    void c.open(uri, BIG);
    const at = { start: { line: last, character: 8 }, end: { line: last, character: 13 } };
    const [actions, claims] = await Promise.all([
      c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: at, context: { diagnostics: [] } }),
      c.conn.sendRequest(DerivedClaimRequest, { uri, position: at.start }) as Promise<{ items: string[] }[]>,
    ]);
    assert.ok(actions?.some((a) => "title" in a && /96374/.test(a.title)), JSON.stringify(actions));
    assert.deepEqual(claims.map((x) => x.items), [["96374", "J2405 x4"]]);
  } finally {
    await c.stop();
  }
});

test("completion and hover as a person types in a large document answer for the new text (they wait for the edit's analysis)", () =>
  withBigOpen("typed", async (c, uri) => {
    // A new line "  p" in the first encounter, then completion at its end, as an editor asks.
    await c.change(uri, 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: "  p\n" }]);
    const items = (await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 3 } })) as { label: string }[];
    assert.ok(items.some((i) => i.label === "push"), JSON.stringify(items.map((i) => i.label)));
    const hover = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 9 } });
    assert.match(JSON.stringify(hover), /96413/);
  }));

test("a document over the size limit gets one clear diagnostic and is not analysed", async () => {
  const c = await TestClient.start({ settings: { validate: { delay: 0 } } });
  try {
    const uri = "file:///virtual/huge.encounter";
    const huge = "# padding line for size\n".repeat(100_000) + "push ondansetron 4mg 5min\nclaim 96409\n";
    const p = await c.open(uri, huge);
    assert.equal(p.diagnostics.length, 1);
    const [d] = p.diagnostics;
    assert.equal(d.code, "file-too-large");
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(String(d.message), /over the editor's 2\.0 MB limit: its encounters are not checked here/);
    assert.equal(await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 100_001, character: 8 } }), null);
  } finally {
    await c.stop();
  }
});
