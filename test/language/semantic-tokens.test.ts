// The editor's highlighting (semanticTokens, read a statement at a time into reused tokens) is
// what the plain formulation gives: every token of `tokenize` and every comment, in text order,
// typed by typeOf, placed as the LSP text document places an offset. The server's colours, kept
// block by block across edits (ColourBlocks), are those tokens as LSP sends them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { IToken, TokenType } from "chevrotain";
import { TextDocument } from "vscode-languageserver-textdocument";
import { tokenize } from "../../server/src/language/lexer.js";
import * as T from "../../server/src/language/tokens.js";
import { runToEnd } from "../../server/src/language/steps.js";
import { ColourBlocks, semanticTokens, typeOf } from "../../server/src/service/semantic-tokens.js";
import { encounterFile, RUNS, SEED } from "../fuzz/inputs.js";
import { lspNumbers } from "./lsp-numbers.js";
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

const encoded = (text: string) => lspNumbers(plain(text));

test("colours kept block by block are the whole text's, for random files and through random edits", () => {
  // Edits that start and end blocks (a line beginning with `encounter`), split a CRLF, open a quote or a comment.
  const insert = fc.constantFrom("", "\n", "\r", "\r\n", "encounter", "\nencounter \"X\"\n", "#", '"', "  push ondansetron 4mg 5min\n", "claim 96409;", "x", "\u2028");
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), insert);
  // Long blocks are cut at lines: here after as few as 1 to 40 characters, so most lines start a block.
  fc.assert(fc.property(encounterFile, fc.array(edit, { maxLength: 8 }), fc.option(fc.integer({ min: 1, max: 40 })), (first, edits, blockChars) => {
    const blocks = new ColourBlocks(blockChars ?? undefined);
    let text = first + first; // the same blocks twice
    assert.deepEqual(Array.from(runToEnd(blocks.steps(text))), encoded(text));
    for (const [at, removed, added] of edits) {
      const s = at % (text.length + 1);
      text = text.slice(0, s) + added + text.slice(s + removed);
      assert.deepEqual(Array.from(runToEnd(blocks.steps(text))), encoded(text), JSON.stringify(text));
    }
  }), { seed: SEED, numRuns: RUNS ?? 300 });
});

test("an edit lexes only the block it is in again", () => {
  const encounter = (i: number) => `encounter "E${i}"\n  push ondansetron 4mg 5min\n  claim 96374\n`;
  const text = Array.from({ length: 50 }, (_, i) => encounter(i)).join("");
  const blocks = new ColourBlocks();
  const lexed = (t: string) => [...blocks.steps(t)].length;
  assert.equal(lexed(text), 50, "each block once");
  assert.equal(lexed(text.replace("4mg", "8mg")), 1, "the edited block only");
  assert.equal(lexed(text.replace(encounter(7), "")), 1, "a block removed: only the first, whose 4mg text was dropped at the last request");
  // One long encounter is cut at lines, so it is lexed a piece at a time (the server answers
  // between pieces) and an edit lexes one piece again.
  const long = `encounter "Long"\n${Array.from({ length: 1000 }, (_, i) => `  push ondansetron 4mg ${i + 1}min\n`).join("")}`;
  const pieces = new ColourBlocks(1024);
  const count = [...pieces.steps(long)].length;
  assert.ok(count >= long.length / 1100 && count <= long.length / 1024, `${count} pieces of 1 KB or a line more`);
  assert.equal([...pieces.steps(long.replace("4mg 500min", "4mg 501min"))].length, 1);
  // Lines ended by CR alone are cut too.
  const cr = long.replaceAll("\n", "\r");
  assert.equal([...new ColourBlocks(1024).steps(cr)].length, count);
  assert.deepEqual(Array.from(runToEnd(new ColourBlocks(1024).steps(cr))), encoded(cr));
});
