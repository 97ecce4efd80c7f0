// The token vocabulary of the encounter language (LANGUAGE.md §2-3).
// Order matters: the first pattern that matches wins (lexer.ts, as chevrotain's lexer), so
// specific numeric forms (date, time, dose, duration, code) come before plain numbers and names;
// keywords are names.
import { createToken, Lexer, type TokenType } from "chevrotain";

// Every pattern names the characters it can start with (start_chars_hint, or a one-character
// string): chevrotain's lexer, which the tests build from these tokens to check lexer.ts, then
// need not parse each regular expression.
const DIGIT_HINT = [..."0123456789"];
const LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"];
/** What may not follow a numeric token: it would make the word a name (e.g. `5FU`, `240minn`). */
const END = "(?![A-Za-z0-9_/'])";

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\f\v\u00a0\ufeff]+/,
  start_chars_hint: [" ", "\t", "\f", "\v", "\u00a0", "\ufeff"],
  group: Lexer.SKIPPED,
});
export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, start_chars_hint: ["#"], group: "comments" });
export const Newline = createToken({ name: "Newline", pattern: /\r\n|\r|\n/, start_chars_hint: ["\r", "\n"], line_breaks: true, label: "the end of the line" });
export const Semicolon = createToken({ name: "Semicolon", pattern: ";", label: "';'" });
export const Comma = createToken({ name: "Comma", pattern: ",", label: "','" });
export const Dash = createToken({ name: "Dash", pattern: /[-\u2013\u2014]/, start_chars_hint: ["-", "\u2013", "\u2014"], label: "'-'" });
/** `+ DRUG`: another drug in the same bag or syringe (LANGUAGE.md §3, revision 2). */
export const Plus = createToken({ name: "Plus", pattern: "+", label: "'+'" });
export const StringLit = createToken({ name: "StringLit", pattern: /"[^"\r\n]*"/, start_chars_hint: ['"'], label: "a quoted name" });
export const Unterminated = createToken({ name: "Unterminated", pattern: /"[^"\r\n]*/, start_chars_hint: ['"'], label: "a quoted name without its closing quote" });

export const DateLit = createToken({
  name: "DateLit",
  pattern: new RegExp(`\\d{4}-\\d{2}-\\d{2}${END}`),
  start_chars_hint: DIGIT_HINT,
  label: "a date such as 2026-05-23",
});
export const Time = createToken({
  name: "Time",
  pattern: new RegExp(`\\d{1,2}:\\d{2}${END}`),
  start_chars_hint: DIGIT_HINT,
  label: "a time such as 09:00",
});
export const Area = createToken({
  name: "Area",
  pattern: new RegExp(`\\d+(?:\\.\\d+)?[ \\t]*m2${END}`, "i"),
  start_chars_hint: DIGIT_HINT,
  label: "a body surface area such as 1.8m2",
});
export const Mass = createToken({
  name: "Mass",
  pattern: new RegExp(`\\d+(?:\\.\\d+)?[ \\t]*kg${END}`, "i"),
  start_chars_hint: DIGIT_HINT,
  label: "a weight such as 70kg",
});
export const Dose = createToken({
  name: "Dose",
  pattern: new RegExp(`\\d+(?:\\.\\d+)?[ \\t]*(?:mg/m2|mg/kg|mcg|mg|g|ml|meq|units|unit|l)${END}`, "i"),
  start_chars_hint: DIGIT_HINT,
  label: "a dose such as 700mg",
});
export const Duration = createToken({
  name: "Duration",
  pattern: new RegExp(
    `\\d+(?:\\.\\d+)?[ \\t]*(?:hours|hour|hrs|hr|h)(?:[ \\t]*\\d+[ \\t]*(?:minutes|minute|mins|min|m))?${END}` +
      `|\\d+[ \\t]*(?:minutes|minute|mins|min|m)${END}`,
    "i",
  ),
  start_chars_hint: DIGIT_HINT,
  label: "a duration such as 240min",
});
/**
 * CPT five digits, four digits + F/M/T/U/A (category II, MAAA, category III, PLA, vaccines) or
 * HCPCS letter + four digits. `0001M` lexes as a Duration (`m` = minutes, which comes first):
 * the parser takes such a token as a code where a code is expected (see isCodeLike).
 */
export const Code = createToken({
  name: "Code",
  pattern: /(?:[A-Za-z]\d{4}|\d{5}|\d{4}[FfMmTtUuAa])(?![A-Za-z0-9_])/,
  start_chars_hint: [...LETTERS, ...DIGIT_HINT],
  label: "a code such as 96413",
});
export const Units = createToken({
  name: "Units",
  pattern: /[x\u00d7][ \t]*\d+(?![A-Za-z0-9_.:])/i,
  start_chars_hint: ["x", "X", "\u00d7"],
  label: "units such as x3",
});
export const NumberLit = createToken({
  name: "NumberLit",
  pattern: /\d+(?:\.\d+)?(?![A-Za-z0-9_]|[-'][A-Za-z])/,
  start_chars_hint: DIGIT_HINT,
  label: "a number",
});
export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z0-9][A-Za-z0-9_]*(?:[-'\u2019][A-Za-z0-9_]+)*/,
  start_chars_hint: [...LETTERS, ...DIGIT_HINT],
  label: "a name",
});

/**
 * Keywords are not lexed by pattern: every word lexes as an Identifier and `lexer.ts` then looks
 * the word up among these, whatever its case (instead of trying thirty case-insensitive patterns
 * per word).
 */
export const KEYWORD_BY_WORD = new Map<string, TokenType>();

function keyword(word: string, label = `'${word}'`): TokenType {
  const t = createToken({ name: `Kw_${word}`, pattern: Lexer.NA, label });
  KEYWORD_BY_WORD.set(word, t);
  return t;
}

export const Encounter = keyword("encounter");
export const Setting = keyword("setting");
export const Pos = keyword("pos");
export const Payer = keyword("payer");
export const Bsa = keyword("bsa");
export const Weight = keyword("weight");
export const DateKw = keyword("date");
export const Primary = keyword("primary");
export const Push = keyword("push");
export const Infuse = keyword("infuse");
export const Hydrate = keyword("hydrate");
export const Inject = keyword("inject");
export const Pump = keyword("pump");
export const Refill = keyword("refill");
export const Flush = keyword("flush");
export const Oral = keyword("oral");
export const Claim = keyword("claim");
export const Drug = keyword("drug");
export const Hcpcs = keyword("hcpcs");
export const Per = keyword("per");
export const At = keyword("at");
export const With = keyword("with");
export const Site = keyword("site");
export const Implanted = keyword("implanted");
export const Port = keyword("port");
export const Draw = keyword("draw");
export const Visit = keyword("visit");
export const Waste = keyword("waste");

/** Route words; each maps to the route it names. */
export const ROUTE_WORDS: Record<string, "sc" | "im" | "intralesional" | "intrathecal"> = {
  subcutaneous: "sc",
  intramuscular: "im",
  intralesional: "intralesional",
  intrathecal: "intrathecal",
  subq: "sc",
  sc: "sc",
  sq: "sc",
  im: "im",
};
export const RouteTokens = Object.keys(ROUTE_WORDS).map((w) => keyword(w, "a route (sc, im, intralesional, intrathecal)"));

export const VerbTokens = [Push, Infuse, Hydrate, Inject, Pump, Refill, Flush, Draw, Oral];

const KEYWORDS = [
  Encounter, Setting, Pos, Payer, Bsa, Weight, DateKw, Primary,
  ...VerbTokens, Visit, Claim, Drug, Hcpcs, Per, At, With, Site, Implanted, Port, Waste, ...RouteTokens,
];

export const allTokens: TokenType[] = [
  WhiteSpace, Comment, Newline, Semicolon, Comma, Plus, StringLit, Unterminated,
  DateLit, Time, Area, Mass, Dose, Duration, Code, Units, NumberLit,
  ...KEYWORDS, Identifier, Dash,
];
