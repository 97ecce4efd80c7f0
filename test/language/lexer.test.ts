// The hand-written lexer (server/src/language/lexer.ts) gives exactly what chevrotain's Lexer
// built from the same token definitions (tokens.ts) gives: every token's kind, text and offset,
// every comment, every unexpected-character error. The samples, the fixtures, mutated charts and
// random text made of the characters the patterns care about. Fixed seed; FUZZ_RUNS scales it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Lexer, type ILexingResult, type IToken } from "chevrotain";
import fc from "fast-check";
import { tokenize } from "../../server/src/language/lexer.js";
import { allTokens, Identifier, KEYWORD_BY_WORD } from "../../server/src/language/tokens.js";
import { encounterFile, RUNS, SEED } from "../fuzz/inputs.js";

const reference = new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true });

/** What chevrotain's lexer gives, keywords looked up as the language does. */
function referenceLex(text: string): ILexingResult {
  const result = reference.tokenize(text);
  for (const tok of result.tokens) {
    const kw = tok.tokenType === Identifier ? KEYWORD_BY_WORD.get(tok.image.toLowerCase()) : undefined;
    if (kw) {
      tok.tokenType = kw;
      tok.tokenTypeIdx = kw.tokenTypeIdx!;
    }
  }
  return result;
}

const shape = (r: ILexingResult) => {
  const tok = (t: IToken) => `${t.tokenType.name}@${t.startOffset}:${t.image}#${t.tokenTypeIdx}`;
  return { tokens: r.tokens.map(tok), comments: (r.groups.comments ?? []).map(tok), errors: r.errors.map((e) => `${e.offset}+${e.length} ${e.message}`) };
};
const same = (text: string) => assert.deepEqual(shape(tokenize(text)), shape(referenceLex(text)), JSON.stringify(text));

function encounterFiles(path: string, out: string[]): string[] {
  if (statSync(path).isDirectory()) for (const e of readdirSync(path).sort()) encounterFiles(join(path, e), out);
  else if (path.endsWith(".encounter")) out.push(path);
  return out;
}

test("the samples and fixtures lex as with chevrotain's lexer", () => {
  const files = ["samples", "test/fixtures", "test/grammar", "test/language/parse-snapshot"].flatMap((r) => encounterFiles(r, []));
  assert.ok(files.length > 50);
  for (const f of files) same(readFileSync(f, "utf8"));
});

test("every numeric form, unit and separator lexes as with chevrotain's lexer", () => {
  for (const text of [
    "2026-05-23 2026-05-2 2026-05-23x 12345-67-89 9:05 09:05 123:45 9:5 24:00a 1.8m2 1.8 M2 1.8m2x 70kg 70 KG 70.5kgs",
    "700mg 700 mg/m2 375mg/kg 5mcg 2g 250ml 250 mL 20meq 3units 1unit 0.3l 0.3 L 1.5.5mg 1.mg .5mg",
    "240min 1h30min 1.5h 2 hours 30 m 1 hr 15 mins 1h 30 1hrs 0001M 0002m 0002MM 96413 964130 9641 J9312 j9312x A12345 0591T 1234F",
    "x3 X 3 ×3 x3.5 x3: xylitol × 5-FU o'brien o’brien a-- a-'b 5_fu _x .5 'a ‐ – — ; , + \"quoted\" \"open",
    "# comment\r\nline\rline\n\u00a0\ufeff\f\v tab\tend \u212amg 5\u212a 5\u017f 😀 \ud800 ©",
    "PUSH Infuse HYDRATE inject pump refill flush draw oral visit claim drug hcpcs per at with site implanted port waste subq SC Im",
  ]) same(text);
});

const ALPHABET = [..."0123456789 \t\r\n.:-–—;,+x×XmMgGkKhHuUlLnNsS\"#_'’/2aAJjFT\u00a0\ufeff€😀\u212a"];

/** Pieces of numbers, units and codes, to be glued together. */
const PIECES = [
  "1", "12", "2026", "96413", "0", ".", ".5", " ", "\t", "-", ":", "'", "/", "_", "2", "m2", "M2", "kg", "KG", "mg", "mg/m2", "mg/kg", "mcg", "g", "ml", "meq", "units", "unit",
  "l", "L", "h", "hr", "hrs", "hour", "hours", "m", "min", "mins", "minute", "minutes", "s", "x", "X", "×", "F", "a", "t", "u", "z", "J",
];

test("numbers with units, codes and units glued at random lex as with chevrotain's lexer", () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((ps) => ps.join("")), (text) => same(text)), { seed: SEED, numRuns: RUNS ?? 5000 });
});

test("random text lexes as with chevrotain's lexer", () => {
  fc.assert(
    fc.property(fc.oneof(encounterFile, fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }).map((cs) => cs.join(""))), (text) => same(text)),
    { seed: SEED, numRuns: RUNS ?? 3000 },
  );
});
