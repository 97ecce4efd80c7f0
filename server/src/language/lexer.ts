// The lexer: the token vocabulary of tokens.ts, read by hand (issue 11). Building chevrotain's
// Lexer analyses every pattern (about 10 ms of every process's start-up), and it then tries each
// numeric pattern in turn at every digit. Here each word's first characters pick the few patterns
// that can match, and those are tried in the order of `allTokens`, so the first pattern that
// matches wins exactly as in chevrotain. `test/language/lexer.test.ts` compares the two lexers
// on the samples, the fixtures and random text.
import type { ILexingError, ILexingResult, IToken, TokenType } from "chevrotain";
import * as T from "./tokens.js";

/**
 * The Node bundles (esbuild.mjs) skip chevrotain's validations of the grammar at start-up; the
 * tests, built from source, run them. Anywhere else (a browser build has no `process`) they run.
 */
export const SKIP_GRAMMAR_CHECKS = typeof process !== "undefined" && process.env.ENCOUNTER_GRAMMAR_CHECKS === "off";

/** A token pattern as a sticky regular expression, matched at an offset. */
const sticky = (t: TokenType) => {
  const p = t.PATTERN as RegExp;
  return new RegExp(p.source, `${p.flags}y`);
};
const NUMERIC: [TokenType, RegExp][] = [T.DateLit, T.Time, T.Area, T.Mass, T.Dose, T.Duration, T.Code, T.NumberLit].map((t) => [t, sticky(t)]);
const [DATE, TIME, AREA, MASS, DOSE, DURATION, CODE, NUMBER] = NUMERIC.map(([, re]) => re);
const UNITS = sticky(T.Units);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWordChar = (c: number) => isDigit(c) || isLetter(c) || c === 95; // [A-Za-z0-9_]
const isBlank = (c: number) => c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff; // tokens.ts: WhiteSpace
const lower = (c: number) => c | 32; // ASCII letters only

/** Where the last match ends (set by `match`; one lexer runs at a time). */
let matchEnd = 0;

/** Whether the sticky pattern matches at `at`; sets `matchEnd`. */
function matches(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  if (!re.test(text)) return false;
  matchEnd = re.lastIndex;
  return true;
}

/** The end of an Identifier at `at` (its first character is a letter or digit): words joined by - ' ’. */
function identifierEnd(text: string, at: number): number {
  let i = at + 1;
  for (;;) {
    while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if ((c === 45 || c === 39 || c === 0x2019) && isWordChar(text.charCodeAt(i + 1))) i += 2;
    else return i;
  }
}

/**
 * The token that starts at a digit. Each pattern is tried only when the characters after the
 * digits allow it (a date needs `dddd-`, a time `d:` or `dd:`, a dose, weight, area or duration a
 * letter after the number), in the order of `allTokens`; a digit always starts at least an Identifier.
 */
function numeric(text: string, at: number): TokenType {
  let i = at;
  while (isDigit(text.charCodeAt(i))) i++;
  const digits = i - at;
  const after = text.charCodeAt(i);
  if (digits === 4 && after === 45 && matches(DATE, text, at)) return T.DateLit;
  if (digits <= 2 && after === 58 && matches(TIME, text, at)) return T.Time;
  // The first letter of a unit, after an optional fraction and blanks.
  let j = i;
  if (after === 46 && isDigit(text.charCodeAt(i + 1))) for (j = i + 1; isDigit(text.charCodeAt(j)); j++);
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  const unit = lower(text.charCodeAt(j));
  if (unit === 109 /* m */ && matches(AREA, text, at)) return T.Area;
  if (unit === 107 /* k */ && matches(MASS, text, at)) return T.Mass;
  if ((unit === 109 || unit === 103 /* g */ || unit === 117 /* u */ || unit === 108) /* l */ && matches(DOSE, text, at)) return T.Dose;
  if ((unit === 104 /* h */ || unit === 109) && matches(DURATION, text, at)) return T.Duration;
  if ((digits === 5 || (digits === 4 && isLetter(after))) && matches(CODE, text, at)) return T.Code;
  if (matches(NUMBER, text, at)) return T.NumberLit;
  matchEnd = identifierEnd(text, at);
  return T.Identifier;
}

/** The token type that starts at `at` (its end in `matchEnd`), or undefined where none does. */
function match(text: string, at: number): TokenType | undefined {
  const c = text.charCodeAt(at);
  if (isDigit(c)) return numeric(text, at);
  if (isLetter(c)) {
    if (isDigit(text.charCodeAt(at + 1)) && matches(CODE, text, at)) return T.Code;
    if (lower(c) === 120 /* x */ && matches(UNITS, text, at)) return T.Units;
    matchEnd = identifierEnd(text, at);
    return T.Identifier;
  }
  if (isBlank(c)) {
    let i = at + 1;
    while (isBlank(text.charCodeAt(i))) i++;
    matchEnd = i;
    return T.WhiteSpace;
  }
  if (c === 10 || c === 13) {
    matchEnd = c === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
    return T.Newline;
  }
  if (c === 35 /* # */ || c === 34 /* " */) {
    let i = at + 1;
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13 && (c === 35 || text.charCodeAt(i) !== 34)) i++;
    if (c === 35) return (matchEnd = i), T.Comment;
    if (text.charCodeAt(i) === 34) return (matchEnd = i + 1), T.StringLit;
    return (matchEnd = i), T.Unterminated;
  }
  matchEnd = at + 1;
  if (c === 59) return T.Semicolon;
  if (c === 44) return T.Comma;
  if (c === 43) return T.Plus;
  if (c === 45 || c === 0x2013 || c === 0x2014) return T.Dash;
  if (c === 0xd7 && matches(UNITS, text, at)) return T.Units;
  return undefined;
}

/**
 * The keywords by length and first letter: a word is compared with the few keywords of its
 * length and first letter, letter by letter whatever the case, instead of being lower-cased and
 * hashed (most words are drug names and values, not keywords).
 */
const KEYWORDS_BY_SHAPE = new Map<number, [string, TokenType][]>();
const shapeOf = (length: number, first: number) => length * 128 + lower(first);
for (const [word, type] of T.KEYWORD_BY_WORD) {
  const shape = shapeOf(word.length, word.charCodeAt(0));
  KEYWORDS_BY_SHAPE.set(shape, [...(KEYWORDS_BY_SHAPE.get(shape) ?? []), [word, type]]);
}

/** The keyword text[start, end) spells, whatever its case (keywords are ASCII letters only). */
function keywordAt(text: string, start: number, end: number): TokenType | undefined {
  const candidates = KEYWORDS_BY_SHAPE.get(shapeOf(end - start, text.charCodeAt(start)));
  if (!candidates) return undefined;
  next: for (const [word, type] of candidates) {
    for (let i = 1; i < word.length; i++) if (lower(text.charCodeAt(start + i)) !== word.charCodeAt(i)) continue next;
    return type;
  }
  return undefined;
}

/** A token as chevrotain's offset-only lexer makes it (the parser reads these). */
const token = (image: string, startOffset: number, tokenType: TokenType): IToken =>
  ({ image, startOffset, tokenTypeIdx: tokenType.tokenTypeIdx!, tokenType }) as IToken;

export function tokenize(text: string): ILexingResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ILexingError[] = [];
  let at = 0;
  while (at < text.length) {
    const type = match(text, at);
    if (type === undefined) {
      // As chevrotain does: skip to the next character where some token starts, one error.
      const start = at;
      while (++at < text.length && match(text, at) === undefined);
      const length = at - start;
      errors.push({ offset: start, length, line: undefined, column: undefined, message: `unexpected character: ->${text.charAt(start)}<- at offset: ${start}, skipped ${length} characters.` });
      continue;
    }
    const end = matchEnd;
    if (type === T.Identifier) {
      // Keywords are words (tokens.ts: KEYWORD_BY_WORD).
      tokens.push(token(text.slice(at, end), at, keywordAt(text, at, end) ?? T.Identifier));
    } else if (type === T.Comment) comments.push(token(text.slice(at, end), at, type));
    else if (type !== T.WhiteSpace) tokens.push(token(text.slice(at, end), at, type));
    at = end;
  }
  return { tokens, groups: { comments }, errors };
}
