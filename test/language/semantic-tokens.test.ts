// The editor's highlighting (semanticTokens, read a statement at a time into reused tokens) is
// what the plain formulation gives: every token of `tokenize` and every comment, in text order,
// typed by typeOf, placed as the LSP text document places an offset.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { IToken, TokenType } from "chevrotain";
import { TextDocument } from "vscode-languageserver-textdocument";
import { tokenize } from "../../server/src/language/lexer.js";
import * as T from "../../server/src/language/tokens.js";
import { semanticTokens, typeOf } from "../../server/src/service/semantic-tokens.js";
import { encounterFile, RUNS, SEED } from "../fuzz/inputs.js";
import { encounterFiles } from "./parse-snapshot.js";

function plain(text: string) {
  const lexed = tokenize(text);
  const all: IToken[] = [...lexed.tokens, ...((lexed.groups.comments as IToken[] | undefined) ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  const doc = TextDocument.create("file:///t.encounter", "encounter", 1, text);
  const out = [];
  let prev: TokenType | undefined;
  for (const t of all) {
    const type = typeOf(t, prev);
    if (type >= 0 && !/[\r\n]/.test(t.image)) out.push({ start: t.startOffset, ...doc.positionAt(t.startOffset), length: t.image.length, type });
    if (t.tokenType !== T.Comment) prev = t.tokenType;
  }
  return out;
}

test("the samples and fixtures are highlighted as the plain formulation says", () => {
  for (const file of encounterFiles()) {
    const text = readFileSync(file, "utf8");
    assert.deepEqual(semanticTokens(text), plain(text), file);
  }
});

test("comments anywhere, CR and CRLF line ends, codes after claims", () => {
  const text = "# top\r\nencounter A # trailing\r  push ondansetron 4mg 5min;# after a semicolon\n  claim 0002M, 96374 # codes\n# last, no newline";
  assert.deepEqual(semanticTokens(text), plain(text));
  assert.ok(semanticTokens(text).some((t) => t.type === 5 && t.line === 4), "the last comment, on line 5");
});

test("mutated random files are highlighted as the plain formulation says", () => {
  fc.assert(fc.property(encounterFile, (text) => {
    assert.deepEqual(semanticTokens(text), plain(text));
  }), { seed: SEED, numRuns: RUNS ?? 300 });
});
