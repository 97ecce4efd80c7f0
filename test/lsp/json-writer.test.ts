// Diagnostics lists are written from their kept JSON text, and whole colours from their numbers
// (json-writer.ts): what a client reads must be exactly what encoding the objects gives, over
// stdio as over IPC (which encodes objects).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Message } from "vscode-languageserver/node";
import { Colours, NUMBERS, type ColoursAnswer } from "../../server/src/lsp/colours.js";
import { DiagnosticCache, JSON_TEXT, type DiagnosticList } from "../../server/src/lsp/convert.js";
import { messageParts, numbersJson } from "../../server/src/lsp/json-writer.js";
import { DocumentModel } from "../../server/src/service/document-model.js";
import { TestClient } from "./client.js";

const samples = readdirSync("samples").filter((f) => f.endsWith(".encounter")).map((f) => readFileSync(`samples/${f}`, "utf8"));
/**
 * The samples as one file (those without directives, which are placed in the file's order):
 * messages with ×, → and quotes, related information, tags.
 */
const ALL = samples.filter((t) => !t.includes("encounter-lint-")).map((t) => (/^\s*encounter/m.test(t) ? t : `encounter\n${t}`)).join("\n");

const bytes = (msg: Message) => Buffer.concat(messageParts(msg));
const decode = (msg: Message) => JSON.parse(bytes(msg).toString("utf8"));
const publish = (uri: string, version: number | undefined, diagnostics: DiagnosticList): Message =>
  ({ jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri, version, diagnostics } }) as Message;

test("a kept list is written as the JSON of its objects, in ASCII bytes", async () => {
  const uri = "file:///tmp/caf%C3%A9/ü x.encounter";
  const doc = TextDocument.create(uri, "encounter", 3, ALL);
  const list = new DiagnosticCache(true).diagnostics(doc, new DocumentModel({ fileName: "x" }).update(ALL));
  assert.ok(list[JSON_TEXT] && list.length > 30, "group by group, with kept text");
  const plain = new DiagnosticCache().diagnostics(doc, new DocumentModel({ fileName: "x" }).update(ALL));
  assert.equal(plain[JSON_TEXT], undefined, "no text kept where the writer encodes objects (IPC, the playground)");
  assert.deepEqual(plain, list);
  assert.ok(list.some((d) => /[^\x00-\x7f]/.test(String(d.message))), "messages beyond ASCII are among them");
  for (const version of [3, undefined]) {
    const msg = publish(uri, version, list);
    assert.deepEqual(decode(msg), JSON.parse(JSON.stringify(msg)));
  }
  assert.ok(bytes(publish(uri, 3, list)).every((b) => b < 0x80));
  const empty = publish(uri, 4, new DiagnosticCache(true).diagnostics(doc, new DocumentModel({ fileName: "x" }).update("")));
  assert.deepEqual(decode(empty), JSON.parse(JSON.stringify(empty)));
});

test("numbers are written as JSON writes them", () => {
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const lists = [[], [0], [9, 10, 99, 100, -1, -9, -10], [2 ** 31 - 1, -(2 ** 31), 1e9, 999_999_999, -1e9]];
  for (let i = 0; i < 300; i++) lists.push(Array.from({ length: Math.floor(random() * 20) }, () => Math.floor((random() - 0.3) * 10 ** Math.floor(random() * 10))));
  for (const list of lists) assert.equal(numbersJson(Int32Array.from(list)).toString("latin1"), JSON.stringify(list), String(list));
});

test("whole colours are written from their numbers, and read as a plain answer by everyone else", () => {
  const data = Int32Array.from([0, 2, 9, 0, 0, 1, 0, 4, 3, 0]);
  const [kept, objects] = [new Colours(true), new Colours()];
  for (const c of [kept, objects]) c.steps("file:///c.encounter", "");
  // An open document's answer has an id; the other does not.
  for (const [uri, resultId] of [["file:///c.encounter", "1"], ["file:///unknown.encounter", undefined]] as const) {
    const answer = kept.answer(uri, data) as ColoursAnswer;
    assert.equal(answer[NUMBERS], data, "the numbers are kept on the answer");
    const plain = { ...(resultId ? { resultId } : {}), data: Array.from(data) };
    assert.deepEqual(objects.answer(uri, data), plain);
    const msg = { jsonrpc: "2.0", id: 7, result: answer } as Message;
    assert.equal(bytes(msg).toString("latin1"), JSON.stringify({ jsonrpc: "2.0", id: 7, result: plain }));
    assert.equal(JSON.stringify(answer), JSON.stringify(plain), "encoding the object (IPC, a trace) reads the numbers as a list");
  }
});

test("other messages are encoded as vscode-jsonrpc encodes them", () => {
  const msg = { jsonrpc: "2.0", id: 1, result: { contents: { kind: "markdown", value: "96415 ×2 → 96413" } } } as Message;
  assert.equal(bytes(msg).toString("utf8"), JSON.stringify(msg));
});

test("a client gets the same diagnostics over stdio (kept text) as over IPC (objects), keystroke after keystroke", async () => {
  const clients = await Promise.all((["stdio", "ipc"] as const).map((transport) => TestClient.start({ transport, settings: { validate: { delay: 0 } } })));
  try {
    const uri = "file:///virtual/json-writer.encounter";
    const got = await Promise.all(clients.map((c) => c.open(uri, ALL)));
    assert.deepEqual(got[0], got[1]);
    // Lines added above most encounters (their kept text is made again), then one claim changed.
    const at = ALL.indexOf("claim", ALL.length / 3);
    const edits = [
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: "\n\n" },
      { range: { start: { line: ALL.slice(0, at).split("\n").length + 1, character: 2 }, end: { line: ALL.slice(0, at).split("\n").length + 1, character: 2 } }, text: "# x " },
    ];
    let version = 1;
    for (const edit of edits) {
      version++;
      const next = clients.map((c) => c.diagnostics(uri, (p) => p.version === version));
      await Promise.all(clients.map((c) => c.change(uri, version, [edit])));
      const [a, b] = await Promise.all(next);
      assert.deepEqual(a, b);
    }
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
  }
});
