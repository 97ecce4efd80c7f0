// The lexer: the token vocabulary of tokens.ts, read by hand (issue 11). Building chevrotain's
// Lexer analyses every pattern (about 10 ms of every process's start-up), and it then tries each
// numeric pattern in turn at every digit, with regular expressions that are compiled on first
// use. Here a word's first character picks what it can be, and the patterns of tokens.ts are
// written out in their order, so the first pattern that matches wins exactly as in chevrotain.
// tokens.ts stays the definition: `test/language/lexer.test.ts` compares this lexer with
// chevrotain's lexer built from it, on the samples, the fixtures and random text.
import type { ILexingError, ILexingResult, IToken, TokenType } from "chevrotain";
import * as T from "./tokens.js";

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWordChar = (c: number) => isDigit(c) || isLetter(c) || c === 95; // [A-Za-z0-9_]
const isBlank = (c: number) => c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff; // tokens.ts: WhiteSpace
const lower = (c: number) => c | 32; // ASCII letters only

/** Where the last match ends (set by `match`; one lexer runs at a time). */
let matchEnd = 0;

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

/** Not a letter, digit, `_`, `/` or `'`: where a numeric token may end (tokens.ts: END). */
const endsWord = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return !(isWordChar(c) || c === 47 || c === 39);
};

/** Whether `word` (lower-case) is written at `at`, letters in either case. */
function isWordAt(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(at + k);
    const w = word.charCodeAt(k);
    if (c !== w && !(w >= 97 && w <= 122 && c === w - 32)) return false;
  }
  return true;
}

const skipBlanks = (text: string, i: number) => {
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i;
};
const skipDigits = (text: string, i: number) => {
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
};

// The unit words of tokens.ts, in the order of its alternatives.
const DOSE_UNITS = ["mg/m2", "mg/kg", "mcg", "mg", "g", "ml", "meq", "units", "unit", "l"];
const HOUR_WORDS = ["hours", "hour", "hrs", "hr", "h"];
const MINUTE_WORDS = ["minutes", "minute", "mins", "min", "m"];

/**
 * The end of the first of `words` written at `at` where a numeric token may end, or -1: a
 * regular expression's alternatives `(?:a|b|c)(?![A-Za-z0-9_/'])`, tried in order.
 */
function unitWordEnd(text: string, at: number, words: readonly string[]): number {
  for (const w of words) if (isWordAt(text, at, w) && endsWord(text, at + w.length)) return at + w.length;
  return -1;
}

/** A Duration's end, its unit at `unit`: hours with optional minutes (`1h30min`), else whole minutes (`240min`). */
function durationEnd(text: string, digitsEnd: number, unit: number): number {
  for (const w of HOUR_WORDS) {
    if (!isWordAt(text, unit, w)) continue;
    const h = unit + w.length;
    const digits = skipBlanks(text, h);
    const after = skipDigits(text, digits);
    const withMinutes = after > digits ? unitWordEnd(text, skipBlanks(text, after), MINUTE_WORDS) : -1;
    if (withMinutes >= 0) return withMinutes;
    if (endsWord(text, h)) return h;
  }
  return unitWordEnd(text, skipBlanks(text, digitsEnd), MINUTE_WORDS);
}

/** F, M, T, U or A: the letter of a four-digit code form (category II, MAAA, category III, PLA, vaccine). */
const isCodeLetter = (c: number) => isLetter(c) && "fmtua".includes(String.fromCharCode(lower(c)));

/** After a number: not a letter, digit or `_`, nor - or ' and a letter (tokens.ts: NumberLit). */
const numberEndsAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return !isWordChar(c) && !((c === 45 || c === 39) && isLetter(text.charCodeAt(i + 1)));
};

/**
 * The token that starts at a digit: the numeric patterns of tokens.ts in their order (the first
 * that matches wins), written out by hand; a digit always starts at least an Identifier.
 */
function numeric(text: string, at: number): TokenType {
  const i = skipDigits(text, at);
  const digits = i - at;
  const after = text.charCodeAt(i);
  // DateLit: dddd-dd-dd; Time: d:dd or dd:dd.
  if (digits === 4 && after === 45 && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === 45
    && isDigit(text.charCodeAt(i + 4)) && isDigit(text.charCodeAt(i + 5)) && endsWord(text, i + 6)) return (matchEnd = i + 6), T.DateLit;
  if (digits <= 2 && after === 58 && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && endsWord(text, i + 3)) return (matchEnd = i + 3), T.Time;
  // Area, Mass, Dose, Duration: the number, blanks, a unit. (The regular expressions would also
  // try the number without its fraction, but no unit follows a '.'.)
  const fraction = after === 46 && isDigit(text.charCodeAt(i + 1)) ? skipDigits(text, i + 1) : i;
  // Every unit starts with a letter (minutes after a fraction would be sought after the whole
  // number, where the '.' is): without one, none of them is tried.
  const unit = skipBlanks(text, fraction);
  if (isLetter(text.charCodeAt(unit))) {
    if (isWordAt(text, unit, "m2") && endsWord(text, unit + 2)) return (matchEnd = unit + 2), T.Area;
    if (isWordAt(text, unit, "kg") && endsWord(text, unit + 2)) return (matchEnd = unit + 2), T.Mass;
    if ((matchEnd = unitWordEnd(text, unit, DOSE_UNITS)) >= 0) return T.Dose;
    if ((matchEnd = durationEnd(text, i, unit)) >= 0) return T.Duration;
  }
  // Code: five digits, or four and a code letter; then no letter, digit or `_`.
  if ((digits === 5 || (digits === 4 && isCodeLetter(after))) && !isWordChar(text.charCodeAt(at + 5))) return (matchEnd = at + 5), T.Code;
  // NumberLit, else without its fraction (`1.5a` is the number 1, then `.5a`, as the pattern backtracks).
  if (numberEndsAt(text, fraction)) return (matchEnd = fraction), T.NumberLit;
  if (fraction > i) return (matchEnd = i), T.NumberLit;
  matchEnd = identifierEnd(text, at);
  return T.Identifier;
}

/** `x3`, `× 2`: units of a claim item, not followed by a letter, digit, `_`, `.` or `:`. */
function unitsEnd(text: string, at: number): number {
  const digits = skipBlanks(text, at + 1);
  const end = skipDigits(text, digits);
  const n = text.charCodeAt(end);
  return end > digits && !isWordChar(n) && n !== 46 && n !== 58 ? end : -1;
}

/** Code: a letter and four digits, then no letter, digit or `_`. */
const isLetterCode = (text: string, at: number) =>
  isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3)) && isDigit(text.charCodeAt(at + 4)) && !isWordChar(text.charCodeAt(at + 5));

/** The token type that starts at `at` (its end in `matchEnd`), or undefined where none does. */
function match(text: string, at: number): TokenType | undefined {
  const c = text.charCodeAt(at);
  if (isDigit(c)) return numeric(text, at);
  if (isLetter(c)) {
    if (isLetterCode(text, at)) return (matchEnd = at + 5), T.Code;
    if (lower(c) === 120 /* x */ && (matchEnd = unitsEnd(text, at)) >= 0) return T.Units;
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
  if (c === 0xd7 && (matchEnd = unitsEnd(text, at)) >= 0) return T.Units;
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

/** Skip from `start`, where no token starts, to the next character where one does: one error, as chevrotain gives it. */
function skipUnexpected(text: string, start: number, errors: ILexingError[]): number {
  let at = start;
  while (++at < text.length && match(text, at) === undefined);
  const length = at - start;
  errors.push({ offset: start, length, line: undefined, column: undefined, message: `unexpected character: ->${text.charAt(start)}<- at offset: ${start}, skipped ${length} characters.` });
  return at;
}

/**
 * One statement's tokens: the first `count` of `items`. The objects are reused from statement to
 * statement (the parser keeps only values and offsets), so a file of 700,000 tokens makes a few
 * dozen token objects instead of 700,000 (issue 11: allocation and garbage collection); a count,
 * not the array's length, because shortening an array gives up its storage.
 */
export class StatementTokens {
  readonly items: IToken[] = [];
  count = 0;

  /** After a file: a line of thousands of tokens (a pasted blob) leaves no thousands of objects behind. */
  trim() {
    if (this.items.length > 256) this.items.length = 256;
  }
}

/**
 * The tokens from `at` up to and including the statement's separator (a newline or `;`, absent
 * at the end of the text) into `into`; comments and unexpected characters go to `comments` and
 * `errors` as `tokenize` gives them. Returns where the next statement starts.
 */
export function scanStatement(text: string, at: number, into: StatementTokens, comments: IToken[], errors: ILexingError[]): number {
  const items = into.items;
  let n = 0;
  while (at < text.length) {
    const type = match(text, at);
    if (type === undefined) {
      at = skipUnexpected(text, at, errors);
      continue;
    }
    const end = matchEnd;
    if (type === T.Comment) comments.push(token(text.slice(at, end), at, type));
    else if (type !== T.WhiteSpace) {
      const tok = (items[n++] ??= token("", 0, type));
      tok.image = text.slice(at, end);
      tok.startOffset = at;
      // Keywords are words (tokens.ts: KEYWORD_BY_WORD).
      tok.tokenType = type === T.Identifier ? (keywordAt(text, at, end) ?? type) : type;
      tok.tokenTypeIdx = tok.tokenType.tokenTypeIdx!;
      if (type === T.Newline || type === T.Semicolon) {
        into.count = n;
        return end;
      }
    }
    at = end;
  }
  into.count = n;
  return at;
}

/** Every token of `text` as chevrotain's lexer gives them (the editor's highlighting and the tests read these). */
export function tokenize(text: string): ILexingResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ILexingError[] = [];
  const statement = new StatementTokens();
  for (let at = 0; at < text.length; ) {
    at = scanStatement(text, at, statement, comments, errors);
    for (let i = 0; i < statement.count; i++) {
      const tok = statement.items[i];
      tokens.push(token(tok.image, tok.startOffset, tok.tokenType));
    }
  }
  return { tokens, groups: { comments }, errors };
}
