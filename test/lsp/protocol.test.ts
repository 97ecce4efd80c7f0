// Protocol tests against the built server over stdio (and IPC): every feature of issue #3.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DocumentFormattingRequest, DocumentSymbolRequest,
  ExecuteCommandRequest, FoldingRangeRequest, HoverRequest, InlayHintRequest, RenameRequest, SemanticTokensRequest,
  type CodeAction, type CompletionItem, type Diagnostic, type DocumentSymbol, type Hover, type Position,
} from "vscode-languageserver-protocol/node";
import { DerivedClaimRequest, ExplainRequest, FixAllKind, PreviewRequest, type DerivedClaimResult } from "../../common/protocol.js";
import { applyTextEdits, TestClient } from "./client.js";

const TEXT = `encounter "A"
  setting hopd
  push ondansetron 4mg 5min
  claim 96409
encounter "B"
  setting office
  infuse rituximab 700mg 240min
  push mystery 5mg 5min
  claim 96413, 96415 x2, 96376, 96360
encounter "C"
  setting hopd
  infuse rituximab 700mg 240min
`;

let n = 0;
const fresh = () => `file:///virtual/doc${++n}.encounter`;
const posOf = (text: string, needle: string, delta = 0): Position => {
  const i = text.indexOf(needle) + delta;
  const lines = text.slice(0, i).split("\n");
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
};
const value = (h: Hover | null) => (h && typeof h.contents === "object" && "value" in h.contents ? h.contents.value : "");

describe("language server over stdio", () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ settings: { validate: { delay: 0 } } });
  });
  after(() => c.stop());

  test("advertises every feature", () => {
    const caps = c.init.capabilities;
    for (const k of ["hoverProvider", "completionProvider", "codeActionProvider", "codeLensProvider", "inlayHintProvider", "semanticTokensProvider", "documentSymbolProvider", "foldingRangeProvider", "documentFormattingProvider", "definitionProvider", "renameProvider"] as const) {
      assert.ok(caps[k], k);
    }
  });

  test("diagnostics carry the rule id, the source, related information and tags", async () => {
    const uri = fresh();
    const p = await c.open(uri, TEXT);
    const byRule = new Map(p.diagnostics.map((d) => [d.code, d]));
    const wrong = byRule.get("non-chemo-as-chemo")!;
    assert.equal(wrong.source, "encounter-lint");
    assert.deepEqual(wrong.range.start, posOf(TEXT, "96409"));
    assert.equal(wrong.relatedInformation?.[0].location.range.start.line, 2, "points at the ondansetron push");
    assert.match(String(wrong.message), /Predicted denial/);
    const unsupported = p.diagnostics.find((d) => d.code === "unsupported-code" || d.code === "not-reportable");
    assert.ok(unsupported, "96360 without hydration is flagged");
    assert.deepEqual(unsupported.tags, [1], "a line to remove is drawn as unnecessary");
  });

  test("hovers on a code, a drug, a duration, a setting and a finding", async () => {
    const uri = fresh();
    await c.open(uri, TEXT);
    const at = (needle: string, delta = 1) => c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(TEXT, needle, delta) }).then(value);
    const code = await at("96413");
    assert.match(code, /96413/);
    assert.match(code, /CMS short descriptor/);
    assert.match(code, /supports it/);
    const addOn = await at("96415");
    assert.match(addOn, /Add-on code: reported only with/);
    const drug = await at("ondansetron");
    assert.match(drug, /therapeutic/);
    assert.match(drug, /J2405/);
    assert.match(drug, /Derived from the documented dose: J2405 x4/);
    const duration = await at("240min");
    assert.match(duration, /chemotherapy infusion/);
    assert.match(duration, /Additional hours beyond the first: 3/);
    assert.match(await at("hopd"), /Hospital outpatient/);
    const finding = await at("96409");
    assert.match(finding, /non-chemo-as-chemo/);
    assert.match(finding, /Predicted denial/);
    assert.match(finding, /appeal or query/);
  });

  test("a quick fix applied by the client removes its finding", async () => {
    const uri = fresh();
    const first = await c.open(uri, TEXT);
    const d = first.diagnostics.find((x) => x.code === "non-chemo-as-chemo")!;
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.find((a) => a.kind === "quickfix" && a.isPreferred)!;
    assert.equal(fix.title, "Change '96409' to '96374'");
    const text = applyTextEdits(TEXT, fix.edit!.changes![uri]);
    const next = c.diagnostics(uri, (p) => p.version === 2);
    await c.change(uri, 2, [{ text }]);
    assert.ok(!(await next).diagnostics.some((x) => x.code === "non-chemo-as-chemo"));
  });

  test("fix all (source.fixAll.encounter) leaves no errors; fix all in one encounter clears its claim findings", async () => {
    const uri = fresh();
    await c.open(uri, TEXT);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const all = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics: [], only: [FixAllKind] } })) as CodeAction[];
    assert.deepEqual(all.map((a) => a.kind), [FixAllKind]);
    const fixed = applyTextEdits(TEXT, all[0].edit!.changes![uri]);
    const next = c.diagnostics(uri, (p) => p.version === 2);
    await c.change(uri, 2, [{ text: fixed }]);
    assert.deepEqual((await next).diagnostics.filter((x) => x.severity === 1).map((x) => x.code), []);

    const uri2 = fresh();
    await c.open(uri2, TEXT);
    const inB = { start: posOf(TEXT, "96376"), end: posOf(TEXT, "96376") };
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri2 }, range: inB, context: { diagnostics: [] } })) as CodeAction[];
    const fixB = actions.find((a) => a.title === "Fix all in 'B'")!;
    const textB = applyTextEdits(TEXT, fixB.edit!.changes![uri2]);
    const afterB = c.diagnostics(uri2, (p) => p.version === 2);
    await c.change(uri2, 2, [{ text: textB }]);
    const lineOfB = posOf(textB, "claim 96413").line;
    assert.deepEqual((await afterB).diagnostics.filter((x) => x.range.start.line === lineOfB), []);
  });

  test("insert the derived claim, and declare an unknown drug", async () => {
    const uri = fresh();
    await c.open(uri, TEXT);
    const inC = { start: posOf(TEXT, "240min", TEXT.lastIndexOf("240min") - TEXT.indexOf("240min")), end: posOf(TEXT, "240min", TEXT.lastIndexOf("240min") - TEXT.indexOf("240min")) };
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: inC, context: { diagnostics: [] } })) as CodeAction[];
    const insert = actions.find((a) => a.title.startsWith("Insert the derived claim"))!;
    const withClaim = applyTextEdits(TEXT, insert.edit!.changes![uri]);
    assert.match(withClaim, /infuse rituximab 700mg 240min\n {2}claim 96413, 96415 x3, J9312 x70\n$/);

    const unknown = { start: posOf(TEXT, "mystery"), end: posOf(TEXT, "mystery") };
    const declare = ((await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: unknown, context: { diagnostics: [] } })) as CodeAction[]).find((a) => a.title.startsWith("Declare mystery"))!;
    const declared = applyTextEdits(TEXT, declare.edit!.changes![uri]);
    const next = c.diagnostics(uri, (p) => p.version === 2);
    await c.change(uri, 2, [{ text: declared }]);
    assert.ok(!(await next).diagnostics.some((x) => x.code === "unknown-drug"));
  });

  test("completion: verbs, drugs with class and HCPCS, codes with the derived first, settings, modifiers", async () => {
    const text = `encounter "A"\n  setting hopd\n  push ondansetron 4mg 5min\n  claim 96409, 96375-\n  \n  push \n  setting \n`;
    const uri = fresh();
    await c.open(uri, text);
    const items = async (line: number, character: number) => (await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionItem[];
    const start = await items(4, 2);
    assert.ok(start.some((i) => i.label === "infuse") && start.some((i) => i.label === "claim"));
    const drugs = await items(5, 7);
    const rituxan = drugs.find((i) => i.label === "Rituxan")!;
    assert.match(rituxan.detail!, /chemo · J9312/);
    const codes = await items(3, 14);
    const sorted = [...codes].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    const derived = sorted.slice(0, sorted.findIndex((i) => !i.detail!.startsWith("derived"))).map((i) => i.label);
    assert.ok(derived.includes("96374") && derived.includes("J2405"), derived.join());
    assert.match(codes.find((i) => i.label === "96374")!.detail!, /pushed into a vein/);
    assert.ok((await items(3, 21)).some((i) => i.label === "XS"));
    assert.deepEqual((await items(6, 10)).map((i) => i.label), ["office", "hopd", "home"]);
  });

  test("inlay hints show the codes each administration gives rise to; code lens applies the derived claim", async () => {
    const uri = fresh();
    await c.open(uri, TEXT);
    const hints = await c.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    assert.deepEqual(hints!.map((h) => h.label), ["→ 96374", "→ 96413 + 96415 ×3", "→ 96375", "→ 96413 + 96415 ×3"]);
    const lenses = await c.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.equal(lenses!.length, 3);
    assert.equal(lenses![2].command!.title, "Derived claim: 96413, 96415 x3, J9312 x70");
    await c.conn.sendRequest(ExecuteCommandRequest.type, { command: lenses![2].command!.command, arguments: lenses![2].command!.arguments });
    const edit = c.applied.at(-1)!.edit.changes![uri];
    assert.match(applyTextEdits(TEXT, edit), /claim 96413, 96415 x3, J9312 x70\n$/);
  });

  test("semantic tokens, symbols, folding", async () => {
    const uri = fresh();
    await c.open(uri, TEXT);
    const tokens = await c.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(tokens!.data.length > 0 && tokens!.data.length % 5 === 0);
    // The first token is the `encounter` keyword at 0:0.
    assert.deepEqual(tokens!.data.slice(0, 4), [0, 0, 9, 0]);
    const symbols = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ["A", "B", "C"]);
    assert.deepEqual(symbols[1].children!.map((s) => s.name), ["infuse rituximab", "push mystery", "claim"]);
    const folds = await c.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.deepEqual(folds!.map((f) => [f.startLine, f.endLine]), [[0, 3], [4, 8], [9, 11]]);
  });

  test("formatting gives canonical spacing and keeps every finding", async () => {
    const messy = `setting hopd\nencounter   "A"\npush   ondansetron 4mg   5min   # premed\n      claim 96409 ,96375\n96376\n`;
    const uri = fresh();
    const before = await c.open(uri, messy);
    const edits = await c.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = applyTextEdits(messy, edits!);
    assert.equal(formatted, `setting hopd\nencounter "A"\n  push ondansetron 4mg 5min # premed\n  claim 96409, 96375\n        96376\n`);
    const next = c.diagnostics(uri, (p) => p.version === 2);
    await c.change(uri, 2, [{ text: formatted }]);
    const essence = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range.start.line, d.message]);
    assert.deepEqual(essence((await next).diagnostics), essence(before.diagnostics));
  });

  test("go to definition and rename for a declared drug", async () => {
    const text = `drug mitomycin chemo hcpcs J9280 per 5mg\nencounter "A"\n  push mitomycin 10mg 5min\n  claim 96409\n`;
    const uri = fresh();
    await c.open(uri, text);
    const def = await c.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: posOf(text, "mitomycin 10mg", 2) });
    assert.deepEqual(def, [{ uri, range: { start: { line: 0, character: 5 }, end: { line: 0, character: 14 } } }]);
    const rename = await c.conn.sendRequest(RenameRequest.type, { textDocument: { uri }, position: posOf(text, "mitomycin 10mg", 2), newName: "mutamycin" });
    assert.equal(applyTextEdits(text, rename!.changes![uri]), text.replaceAll("mitomycin", "mutamycin"));
    await assert.rejects(c.conn.sendRequest(RenameRequest.type, { textDocument: { uri }, position: posOf(text, "push"), newName: "x" }));
  });

  test("custom requests: derived claim, explanation, preview", async () => {
    const uri = fresh();
    await c.open(uri, TEXT);
    const claims = (await c.conn.sendRequest(DerivedClaimRequest, { uri })) as DerivedClaimResult;
    assert.deepEqual(claims[2], { name: "C", line: 9, items: ["96413", "96415 x3", "J9312 x70"] });
    const one = (await c.conn.sendRequest(DerivedClaimRequest, { uri, position: { line: 2, character: 3 } })) as DerivedClaimResult;
    assert.deepEqual(one.map((x) => x.name), ["A"]);
    const explain = (await c.conn.sendRequest(ExplainRequest, { uri })) as { text: string };
    assert.match(explain.text, /== C \(line 10\)/);
    const preview = (await c.conn.sendRequest(PreviewRequest, { uri })) as { html: string };
    assert.match(preview.html, /<html/i);
  });

  test("edits sent as ranges give the same diagnostics as the final text opened afresh", async () => {
    const uri = fresh();
    const big = Array.from({ length: 30 }, (_, i) => TEXT.replace(/"([ABC])"/g, `"$1${i}"`)).join("");
    await c.open(uri, big);
    let text = big;
    const edits = [
      { line: 40, character: 10, text: "5" },
      { line: 40, character: 11, text: "\nencounter Z\n  push ondansetron 4mg 5min\n  claim 96409" },
      { line: 3, character: 2, text: "# " },
      { line: 70, character: 0, text: "  claim 96413\n" },
    ];
    let version = 1;
    for (const e of edits) {
      const range = { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character } };
      text = applyTextEdits(text, [{ range, newText: e.text }]);
      await c.change(uri, ++version, [{ range, text: e.text }]);
    }
    const last = await c.diagnostics(uri, (p) => p.version === version);
    const other = fresh();
    const expected = await c.open(other, text);
    assert.ok(expected.diagnostics.length > 30);
    assert.deepEqual(JSON.parse(JSON.stringify(last.diagnostics).replaceAll(uri, other)), expected.diagnostics);
  });

  test("closed and unknown documents get empty answers; close clears diagnostics", async () => {
    const uri = fresh();
    await c.open(uri, TEXT);
    const cleared = c.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await c.close(uri);
    await cleared;
    const pos = { textDocument: { uri }, position: { line: 2, character: 8 } };
    assert.equal(await c.conn.sendRequest(HoverRequest.type, pos), null);
    assert.deepEqual(await c.conn.sendRequest(CompletionRequest.type, pos), []);
    assert.deepEqual(await c.conn.sendRequest(InlayHintRequest.type, { ...pos, range: { start: pos.position, end: pos.position } }), []);
    assert.deepEqual(await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: "file:///nowhere.encounter" } }), []);
  });

  test("every handler survives binary garbage and a 100,000-character line", async () => {
    const garbage = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join("");
    const long = `encounter "L"\n  push ${"x".repeat(100_000)} 5min\n  claim ${"96409, ".repeat(10_000)}\n`;
    for (const text of [garbage, long, "\u0000\u0001\ufffd\ud800", 'encounter "\n;;;claim -x ×'] ) {
      const uri = fresh();
      await c.open(uri, text);
      const everywhere = [{ line: 0, character: 0 }, { line: 1, character: 50_000 }, { line: 2, character: 30 }, { line: 99, character: 99 }];
      for (const position of everywhere) {
        const doc = { textDocument: { uri } };
        await c.conn.sendRequest(HoverRequest.type, { ...doc, position });
        await c.conn.sendRequest(CompletionRequest.type, { ...doc, position });
        await c.conn.sendRequest(CodeActionRequest.type, { ...doc, range: { start: position, end: position }, context: { diagnostics: [] } });
        await c.conn.sendRequest(DefinitionRequest.type, { ...doc, position });
      }
      const doc = { textDocument: { uri } };
      await c.conn.sendRequest(SemanticTokensRequest.type, doc);
      await c.conn.sendRequest(DocumentSymbolRequest.type, doc);
      await c.conn.sendRequest(FoldingRangeRequest.type, doc);
      await c.conn.sendRequest(CodeLensRequest.type, doc);
      await c.conn.sendRequest(DocumentFormattingRequest.type, { ...doc, options: { tabSize: 2, insertSpaces: true } });
      await c.conn.sendRequest(InlayHintRequest.type, { ...doc, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
    }
    assert.equal(c.child.exitCode, null);
    assert.deepEqual(c.logs.filter((l) => /failed/.test(l)), []);
  });
});

describe("debounce, cancellation and settings", () => {
  test("a burst of edits is analysed once, for the newest version", async () => {
    const c = await TestClient.start({ settings: { validate: { delay: 100 } } });
    try {
      const uri = fresh();
      await c.open(uri, TEXT);
      const last = c.diagnostics(uri, (p) => p.version === 6);
      for (let v = 2; v <= 6; v++) await c.change(uri, v, [{ text: TEXT.replace("96409", `9640${v}`) }]);
      const p = await last;
      assert.ok(p.diagnostics.some((d) => d.code === "unknown-code" || d.code === "unsupported-code" || d.code === "non-chemo-as-chemo"));
      assert.deepEqual(c.published.filter((x) => x.uri === uri).map((x) => x.version), [1, 6]);
    } finally {
      await c.stop();
    }
  });

  test("settings: default setting, hints off, exercise mode hides derived codes", async () => {
    const c = await TestClient.start({ settings: { validate: { delay: 0 }, defaults: { setting: "office" }, inlayHints: { enabled: false }, exerciseMode: true } });
    try {
      const text = `push methylprednisolone 125mg 5min\npush methylprednisolone 125mg 5min at 12:00\nclaim 96374, 96376\n`;
      const uri = fresh();
      const p = await c.open(uri, text);
      assert.ok(p.diagnostics.some((d) => d.code === "facility-only"), "the office default applies");
      const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
      assert.deepEqual(await c.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range }), []);
      assert.deepEqual(await c.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), []);
      const h = value(await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 8 } }));
      assert.match(h, /96374/);
      assert.doesNotMatch(h, /supports it|does not support/);
    } finally {
      await c.stop();
    }
  });
});

describe("language server over node IPC", () => {
  test("publishes diagnostics and answers hovers", async () => {
    const c = await TestClient.start({ transport: "ipc", settings: { validate: { delay: 0 } } });
    try {
      const uri = fresh();
      const p = await c.open(uri, TEXT);
      assert.ok(p.diagnostics.some((d) => d.code === "non-chemo-as-chemo"));
      const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(TEXT, "96409", 1) });
      assert.match(value(h), /96409/);
    } finally {
      await c.stop();
    }
  });
});

describe("a client that does not read related information", () => {
  test("gets the same diagnostics without it, after an edit and with fixes too", async () => {
    const plain = await TestClient.start({
      settings: { validate: { delay: 0 } },
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    const full = await TestClient.start({ settings: { validate: { delay: 0 } } });
    const without = (ds: Diagnostic[]) => ds.map(({ relatedInformation: _, ...d }) => d);
    try {
      const uri = fresh();
      const [a, b] = await Promise.all([plain.open(uri, TEXT), full.open(uri, TEXT)]);
      assert.ok(b.diagnostics.some((d) => d.relatedInformation?.length), "the other client gets related information");
      assert.ok(a.diagnostics.every((d) => d.relatedInformation === undefined));
      assert.deepEqual(a.diagnostics, without(b.diagnostics));
      // A keystroke's list is spliced from kept text: it must leave related information out too.
      const edit = { range: { start: posOf(TEXT, "96376"), end: posOf(TEXT, "96376") }, text: "96375, " };
      const next = [plain, full].map((c) => c.diagnostics(uri, (p) => p.version === 2));
      await Promise.all([plain, full].map((c) => c.change(uri, 2, [edit])));
      const [a2, b2] = await Promise.all(next);
      assert.ok(a2.diagnostics.every((d) => d.relatedInformation === undefined));
      assert.deepEqual(a2.diagnostics, without(b2.diagnostics));
      const wrong = a2.diagnostics.find((d) => d.code === "non-chemo-as-chemo")!;
      const actions = (await plain.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: wrong.range, context: { diagnostics: [wrong] } })) as CodeAction[];
      assert.ok(actions.length && actions.every((x) => x.diagnostics?.every((d) => d.relatedInformation === undefined)), "the fixes' diagnostics are those published");
    } finally {
      await Promise.all([plain.stop(), full.stop()]);
    }
  });
});
