// One statement at a time: the file is cut into statements at newlines and `;` before parsing,
// so a bad line never disturbs its neighbours (LANGUAGE.md §2).
//
// The statements are read by hand, one token of lookahead, following the grammar of grammar.ts
// rule by rule (issue 11: building chevrotain's parser costs every process about 30 ms at
// start-up, and its generic machinery runs for every line of every file). A line the reader
// cannot read goes to that grammar, which words the syntax error; the values read before the
// error still report their problems, after the syntax error, as chevrotain's actions did.
import type { IToken, TokenType } from "chevrotain";
import * as T from "./tokens.js";
import type {
  Additive, Administration, ClaimItem, Dose, DoseForm, DrugRef, Field, Route, Span, Spanned, Statement, Verb,
} from "./ast.js";
import { normalizeName } from "./names.js";
import { intern } from "./words.js";
import { adding, NONE } from "./empty-list.js";
import { syntaxErrors, type EntryRule } from "./grammar.js";
import type { DrugClass, SettingName } from "../data/types.js";

const FIELD_TOKENS = [T.Setting, T.Pos, T.Payer, T.Bsa, T.Weight, T.DateKw, T.Primary];
const SETTINGS: Record<string, SettingName> = { office: "office", hopd: "hopd", home: "home" };
const POS_SETTINGS: Record<number, SettingName> = { 11: "office", 12: "home", 19: "hopd", 22: "hopd" };
const CLASSES = new Set<DrugClass>(["chemo", "hormonal", "therapeutic", "fluid"]);
const ADMINISTRATION_VERBS = [T.Push, T.Infuse, T.Hydrate, T.Inject, T.Pump, T.Oral];
const ROUTES = new Set(T.RouteTokens);
/** The tokens a clause after the drug starts with. */
const CLAUSE_STARTS = new Set<TokenType>([T.Dose, T.Duration, T.Plus, T.Waste, T.Time, T.At, T.With, T.Site, T.Implanted, ...T.RouteTokens]);

/** A drug (or payer) name as written and its matching key, both shared words (words.ts). */
function nameRef(written: string, at: Span): DrugRef {
  const text = intern(written);
  const key = normalizeName(text); // most names are their own key: the same string, already shared
  return { text, key: key === text ? text : intern(key), span: at };
}

/** Each verb's word, whatever case it was written in. */
const VERB_WORDS = new Map<TokenType, Verb>([...T.KEYWORD_BY_WORD].filter(([, type]) => T.VerbTokens.includes(type)).map(([word, type]) => [type, word as Verb]));

/** Tokens carry only their start offset (the lexer tracks nothing more, for speed). */
export const tokenEnd = (tok: IToken) => tok.startOffset + tok.image.length;
const span = (first: IToken, last: IToken = first): Span => ({ start: first.startOffset, end: tokenEnd(last) });
const spanned = <V>(value: V, tok: IToken): Spanned<V> => ({ value, span: span(tok) });

/** Largest dose, duration or unit count read (an overflow guard: 400 digits would be Infinity). */
export const MAX_DOSE = 1e9;
export const MAX_MINUTES = 43200; // 30 days: longer than any pump an encounter documents
export const MAX_UNITS = 9_999_999;

/** A dose unit as written (lower-cased) → the unit of the tree; litres are converted apart. */
const DOSE_UNITS: Record<string, DoseForm> = {
  mg: "mg", mcg: "mcg", g: "g", ml: "mL", meq: "mEq", unit: "units", units: "units", "mg/m2": "mg/m2", "mg/kg": "mg/kg",
};

/** A dose token's value and unit; litres become millilitres (1 L = 1000 mL). */
export function parseDose(image: string): { value: number; unit: DoseForm } {
  // The token is digits, an optional fraction, optional blanks and the unit (tokens.ts: Dose).
  let i = 0;
  while (i < image.length && isNumberChar(image.charCodeAt(i))) i++;
  const digits = image.slice(0, i);
  while (image[i] === " " || image[i] === "\t") i++;
  const u = image.slice(i).toLowerCase();
  if (u === "l") return { value: litresToMl(digits), unit: "mL" };
  return { value: Number(digits), unit: DOSE_UNITS[u] };
}

const isNumberChar = (c: number) => (c >= 48 && c <= 57) || c === 46; // 0-9 and '.'

/** Shift the decimal point three places in the text, so 0.3 L is exactly 300 mL (not 300.00000000000006). */
function litresToMl(digits: string): number {
  const [whole, frac = ""] = digits.split(".");
  const padded = frac.padEnd(3, "0");
  return Number(`${whole}${padded.slice(0, 3)}.${padded.slice(3) || "0"}`);
}

/** A Duration token that reads as a code (`0002M`, an MAAA code): four digits and an M. */
const isCodeLike = (tok: IToken) => tok.tokenType === T.Code || (tok.tokenType === T.Duration && /^\d{4}m$/i.test(tok.image));

/** In claim and visit lines, where no duration is ever written, `0002M` is a code. */
function retypeCodes(tokens: IToken[], count: number) {
  const t = tokens[0].tokenType;
  if (t !== T.Claim && t !== T.Visit && !isCodeLike(tokens[0])) return;
  for (let i = 0; i < count; i++) {
    const tok = tokens[i];
    if (tok.tokenType !== T.Code && isCodeLike(tok)) {
      tok.tokenType = T.Code;
      tok.tokenTypeIdx = T.Code.tokenTypeIdx!;
    }
  }
}

export function parseDuration(image: string): number {
  const hours = /^(\d+(?:\.\d+)?)\s*h/i.exec(image);
  if (hours) {
    const rest = /(\d+)\s*m[a-z]*$/i.exec(image.slice(hours[0].length));
    return Math.round(Number(hours[1]) * 60) + (rest ? Number(rest[1]) : 0);
  }
  return Number(/^\d+/.exec(image)![0]);
}

/** The hours and minutes of a Time token (`9:05`, `09:05`), read digit by digit. */
function clockMinutes(image: string): { h: number; m: number } {
  const colon = image.length - 3;
  const digit = (i: number) => image.charCodeAt(i) - 48;
  return { h: colon === 2 ? digit(0) * 10 + digit(1) : digit(0), m: digit(colon + 1) * 10 + digit(colon + 2) };
}

/** A DateLit (YYYY-MM-DD) that names a day of the calendar, 1900 or later. */
function isDateOfService(image: string): boolean {
  const year = Number(image.slice(0, 4));
  const month = Number(image.slice(5, 7));
  const day = Number(image.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/** A token as quoted in a message: a 400-digit number is cut short. */
const shown = (image: string) => (image.length > 24 ? `${image.slice(0, 20)}…` : image);

interface Problem {
  message: string;
  span: Span;
}

/** The rule for a statement, chosen by its first token; undefined when it cannot start one. */
export function entryFor(first: IToken): EntryRule | undefined {
  const t = first.tokenType;
  if (t === T.Encounter) return "encounterHeader";
  if (t === T.Refill) return "refill";
  if (t === T.Flush || t === T.Draw) return "port";
  if (t === T.Visit) return "visit";
  if (t === T.Claim) return "claim";
  if (t === T.Code) return "continuation";
  if (t === T.Drug) return "drugDecl";
  if (T.VerbTokens.includes(t)) return "administration";
  if (FIELD_TOKENS.includes(t)) return "field";
  return undefined;
}

/** Thrown where the line departs from the grammar; grammar.ts then says how. */
const SYNTAX_ERROR = new Error("syntax error");

/** Reads one statement's tokens; one reader per process, its fields reset per line. */
class StatementReader {
  /** The line's tokens are the first `count` of `tokens` (see lexer.ts: StatementTokens). */
  private tokens: IToken[] = [];
  private count = 0;
  private pos = 0;
  /** Problems with values that parse but mean nothing (an unknown setting, 25:00...). */
  problems: Problem[] = [];
  /** The administration whose clauses are being read. */
  private admin!: Administration;

  /** The statement the tokens make by `rule`, or undefined where they depart from the grammar. */
  read(tokens: IToken[], count: number, rule: EntryRule): Statement | undefined {
    this.tokens = tokens;
    this.count = count;
    this.pos = 0;
    if (this.problems.length) this.problems = [];
    try {
      const statement = this.statement(rule);
      return this.pos === count ? statement : undefined;
    } catch (e) {
      if (e !== SYNTAX_ERROR) throw e;
      return undefined;
    }
  }

  /** The type of the next token (undefined at the end of the line). */
  private next(): TokenType | undefined {
    return this.pos < this.count ? this.tokens[this.pos].tokenType : undefined;
  }

  private consume(type: TokenType): IToken {
    if (this.next() !== type) throw SYNTAX_ERROR;
    const tok = this.tokens[this.pos];
    this.pos++;
    return tok;
  }

  /** The next token (the caller knows there is one). */
  private take(): IToken {
    return this.tokens[this.pos++];
  }

  private problem(message: string, at: Span) {
    this.problems.push({ message, span: at });
  }

  private statement(rule: EntryRule): Statement {
    switch (rule) {
      case "encounterHeader": return this.encounterHeader();
      case "field": return this.field();
      case "administration": return this.administration();
      case "refill": return this.refill();
      case "port": return this.port();
      case "visit": return this.visit();
      case "claim": return this.claim();
      case "continuation": return this.continuation();
      case "drugDecl": return this.drugDecl();
    }
  }

  private encounterHeader(): Statement {
    const kw = this.consume(T.Encounter);
    let name: Spanned<string> | undefined;
    const t = this.next();
    if (t === T.StringLit) {
      const s = this.take();
      name = { value: s.image.slice(1, -1), span: span(s) };
    } else if (t === T.Identifier || t === T.NumberLit || t === T.DateLit || t === T.Code) {
      const first = this.pos;
      while (this.isNameWord(this.next())) this.pos++;
      const words = this.tokens.slice(first, this.pos);
      name = { value: words.map((w) => w.image).join(" "), span: span(words[0], words[words.length - 1]) };
    }
    const fields: Field[] = [];
    while (FIELD_TOKENS.includes(this.next()!)) fields.push(this.field());
    const end = fields.length ? fields[fields.length - 1].span.end : (name?.span.end ?? tokenEnd(kw));
    return { kind: "encounter" as const, name, fields, keywordSpan: span(kw), span: { start: kw.startOffset, end } };
  }

  private isNameWord(t: TokenType | undefined) {
    return t === T.Identifier || t === T.NumberLit || t === T.DateLit || t === T.Code;
  }

  /** `setting`, `pos`, `payer`, `bsa`, `weight`, `date` or `primary` and its value. */
  private field(): Field {
    const kw = this.take();
    const t = kw.tokenType;
    if (t === T.Setting) {
      const v = this.consume(T.Identifier);
      const setting = SETTINGS[v.image.toLowerCase()];
      if (!setting) this.problem(`unknown setting '${v.image}': write office (POS 11), hopd (hospital outpatient, POS 19/22) or home (POS 12)`, span(v));
      return { kind: "field" as const, name: "setting" as const, value: setting ?? "office", valueSpan: span(v), span: span(kw, v) };
    }
    if (t === T.Pos) {
      const v = this.consume(T.NumberLit);
      const pos = Number(v.image);
      const setting = POS_SETTINGS[pos];
      if (!setting) this.problem(`place of service ${v.image} is not one encounter-lint codes: use 11 (office), 12 (home), 19 (off-campus hospital outpatient) or 22 (on-campus hospital outpatient)`, span(v));
      return { kind: "field" as const, name: "pos" as const, value: pos, setting: setting ?? "office", valueSpan: span(v), span: span(kw, v) };
    }
    if (t === T.Payer) {
      const v = this.drugRef();
      return { kind: "field" as const, name: "payer" as const, value: v.text, valueSpan: v.span, span: { start: kw.startOffset, end: v.span.end } };
    }
    if (t === T.Bsa) {
      const v = this.next() === T.Area ? this.take() : this.consume(T.NumberLit);
      const value = parseFloat(v.image);
      if (!(value > 0.2 && value < 4)) this.problem(`a body surface area of ${value} m2 is not plausible (expected about 0.3 to 3.5)`, span(v));
      return { kind: "field" as const, name: "bsa" as const, value, valueSpan: span(v), span: span(kw, v) };
    }
    if (t === T.Weight) {
      const v = this.consume(T.Mass);
      const value = parseFloat(v.image);
      if (!(value > 0 && value < 500)) this.problem(`a weight of ${value} kg is not plausible`, span(v));
      return { kind: "field" as const, name: "weight" as const, value, valueSpan: span(v), span: span(kw, v) };
    }
    if (t === T.DateKw) {
      const v = this.consume(T.DateLit);
      // 0000-00-00 and 2026-02-30 are no days at all; before 1900 is no date of service.
      if (!isDateOfService(v.image)) this.problem(`'${v.image}' is not a calendar date: expected the date of service as YYYY-MM-DD, e.g. 2026-05-23`, span(v));
      return { kind: "field" as const, name: "date" as const, value: intern(v.image), valueSpan: span(v), span: span(kw, v) };
    }
    if (t !== T.Primary) throw SYNTAX_ERROR;
    const first = this.next();
    const v = this.drugRef();
    // The unquoted word `hydration` names hydration as the reason; a quoted name is a drug.
    const hydration = first === T.Identifier && v.text.toLowerCase() === "hydration";
    return { kind: "field" as const, name: "primary" as const, value: v, hydration, valueSpan: v.span, span: { start: kw.startOffset, end: v.span.end } };
  }

  /** A quoted name, or one or more words. */
  private drugRef(): DrugRef {
    if (this.next() === T.StringLit) {
      const s = this.take();
      const text = s.image.slice(1, -1);
      return nameRef(text, span(s));
    }
    const first = this.consume(T.Identifier);
    let last = first;
    let text = first.image;
    while (this.next() === T.Identifier) {
      last = this.take();
      text += ` ${last.image}`;
    }
    return nameRef(text, span(first, last));
  }

  private hasDrug() {
    const t = this.next();
    return t === T.StringLit || t === T.Identifier;
  }

  private administration(): Administration {
    const verb = this.take();
    if (!ADMINISTRATION_VERBS.includes(verb.tokenType)) throw SYNTAX_ERROR;
    const admin = this.begin(verb);
    if (this.hasDrug()) admin.drug = this.drugRef();
    this.clauses();
    return admin;
  }

  private refill(): Administration {
    const admin = this.begin(this.take());
    if (this.next() === T.Implanted) {
      this.pos++;
      admin.implanted = true;
    }
    this.consume(T.Pump);
    if (this.hasDrug()) admin.drug = this.drugRef();
    this.clauses();
    return admin;
  }

  /** `flush port` and `draw port` (blood drawn from an implanted venous access device). */
  private port(): Administration {
    const admin = this.begin(this.take());
    this.consume(T.Port);
    this.clauses();
    return admin;
  }

  /** The administration a verb starts: the clauses that follow fill it in. */
  private begin(tok: IToken): Administration {
    this.admin = { kind: "administration", verb: VERB_WORDS.get(tok.tokenType)!, verbSpan: span(tok), implanted: false, span: span(tok) };
    return this.admin;
  }

  /** A clause's value on the line's administration; the same clause twice is a problem. */
  private once<K extends keyof Administration>(key: K, value: Administration[K], start: number, end: number, what: string) {
    const admin = this.admin;
    if (admin[key] !== undefined && key !== "implanted") this.problem(`${what} is given twice on this line`, { start, end });
    admin[key] = value;
    if (end > admin.span.end) admin.span.end = end;
  }

  /** The clauses after the drug, each added to `admin`. */
  private clauses() {
    while (CLAUSE_STARTS.has(this.next()!)) this.clause();
  }

  // One branch per clause; they are short, and reading them side by side shows the grammar.
  private clause() {
    const t = this.take();
    const type = t.tokenType;
    if (type === T.Dose) return this.once("dose", this.dose(t), t.startOffset, tokenEnd(t), "a dose");
    if (type === T.Duration) return this.once("duration", spanned(this.duration(t), t), t.startOffset, tokenEnd(t), "a duration");
    if (type === T.Plus) return this.additive(t);
    if (type === T.Waste) {
      const d = this.consume(T.Dose);
      return this.once("waste", this.wasteDose(d), t.startOffset, tokenEnd(d), "a waste amount");
    }
    if (type === T.Time) {
      let to: IToken | undefined;
      if (this.next() === T.Dash) {
        this.pos++;
        to = this.consume(T.Time);
      }
      const start = this.minutes(t);
      if (!to) return this.once("at", { value: start, span: span(t) }, t.startOffset, tokenEnd(t), "a start time");
      let end = this.minutes(to);
      if (end < start) end += 1440; // an end before the start is on the next day
      return this.once("range", { start, end, span: span(t, to) }, t.startOffset, tokenEnd(to), "a time range");
    }
    if (type === T.At) {
      const time = this.consume(T.Time);
      return this.once("at", { value: this.minutes(time), span: span(time) }, t.startOffset, tokenEnd(time), "a start time");
    }
    if (type === T.With) {
      const d = this.drugRef();
      return this.once("with", d, t.startOffset, d.span.end, "'with'");
    }
    if (type === T.Site) {
      const n = this.consume(T.NumberLit);
      const value = Number(n.image);
      if (!Number.isInteger(value) || value < 1) this.problem(`site ${n.image}: a site is a whole number (1, 2, ...)`, span(n));
      return this.once("site", { value, span: span(t, n) }, t.startOffset, tokenEnd(n), "a site");
    }
    if (ROUTES.has(type)) return this.once("route", { value: T.ROUTE_WORDS[t.image.toLowerCase()] as Route, span: span(t) }, t.startOffset, tokenEnd(t), "a route");
    return this.once("implanted", true, t.startOffset, tokenEnd(t), "'implanted'");
  }

  /** `+ DRUG [DOSE] [waste DOSE]`: a waste written right after the drug is that drug's. */
  private additive(plus: IToken) {
    const drug = this.drugRef();
    const dose = this.next() === T.Dose ? this.take() : undefined;
    let waste: IToken | undefined;
    if (this.next() === T.Waste) {
      this.pos++;
      waste = this.consume(T.Dose);
    }
    const last = waste ?? dose;
    const additive: Additive = { drug, span: { start: plus.startOffset, end: last ? tokenEnd(last) : drug.span.end } };
    if (dose) additive.dose = this.dose(dose);
    if (waste) additive.waste = this.wasteDose(waste);
    (this.admin.additives ??= []).push(additive);
    if (additive.span.end > this.admin.span.end) this.admin.span.end = additive.span.end;
  }

  private dose(tok: IToken): Dose {
    const { value, unit } = parseDose(tok.image);
    const d: Dose = { value, unit, span: span(tok) };
    if (!Number.isFinite(value) || value > MAX_DOSE) this.problem(`'${shown(tok.image)}' is too large to be a dose: expected an amount up to ${MAX_DOSE.toLocaleString("en-US")}`, span(tok));
    return d;
  }

  private wasteDose(tok: IToken): Dose {
    const d = this.dose(tok);
    if (d.unit === "mg/m2" || d.unit === "mg/kg") this.problem(`waste ${tok.image}: the discarded amount is an amount of drug (mg, mcg, g, mL, units), not a dose per m2 or kg`, span(tok));
    return d;
  }

  private duration(tok: IToken): number {
    const m = parseDuration(tok.image);
    if (!Number.isFinite(m) || m > MAX_MINUTES) this.problem(`'${shown(tok.image)}' is too long to be a duration: expected at most ${MAX_MINUTES.toLocaleString("en-US")} min (30 days)`, span(tok));
    return m;
  }

  private minutes(tok: IToken): number {
    const { h, m } = clockMinutes(tok.image);
    if (h > 24 || m > 59 || (h === 24 && m > 0)) this.problem(`'${tok.image}' is not a time of day (00:00 to 23:59)`, span(tok));
    return h * 60 + m;
  }

  private visit(): Statement {
    const kw = this.take();
    const code = this.code();
    return { kind: "visit" as const, code, keywordSpan: span(kw), span: { start: kw.startOffset, end: code.span.end } };
  }

  /** A code, upper-cased. */
  private code(): Spanned<string> {
    const t = this.consume(T.Code);
    return { value: intern(t.image.toUpperCase()), span: span(t) };
  }

  private claim(): Statement {
    const kw = this.take();
    const items: ClaimItem[] = this.next() === T.Code ? this.items() : [];
    return {
      kind: "claim" as const,
      keywordSpan: span(kw),
      items,
      span: { start: kw.startOffset, end: items.length ? items[items.length - 1].span.end : tokenEnd(kw) },
    };
  }

  private continuation(): Statement {
    const items = this.items();
    return {
      kind: "claim-continuation" as const,
      items,
      span: { start: items[0].span.start, end: items[items.length - 1].span.end },
    };
  }

  /** Items separated by commas; a comma may end the list. */
  private items(): ClaimItem[] {
    const items = [this.item()];
    while (this.next() === T.Comma) {
      this.pos++;
      if (this.next() === T.Code) items.push(this.item());
    }
    return items;
  }

  private item(): ClaimItem {
    const code = this.code();
    let modifiers: Spanned<string>[] = NONE; // most items have none (empty-list.ts)
    while (this.next() === T.Dash) {
      this.pos++;
      const t = this.next();
      if (t !== T.NumberLit && t !== T.Identifier && t !== T.At) throw SYNTAX_ERROR;
      const m = this.take();
      if (!/^[A-Za-z0-9]{2}$/.test(m.image)) this.problem(`modifier '${m.image}' should be two letters or digits (59, XS, XU, JW...)`, span(m));
      modifiers = adding(modifiers, { value: intern(m.image.toUpperCase()), span: span(m) });
    }
    const units = this.next() === T.Units ? this.take() : undefined;
    // The digits after `x` (Number reads past the blanks between them).
    const n = units ? Number(units.image.slice(1)) : 1;
    if (units && n < 1) this.problem(`units must be 1 or more`, span(units));
    if (units && !(n <= MAX_UNITS)) this.problem(`'${shown(units.image)}' is too many units: expected a whole number up to ${MAX_UNITS.toLocaleString("en-US")}`, span(units));
    const end = units ? tokenEnd(units) : modifiers.length ? modifiers[modifiers.length - 1].span.end : code.span.end;
    return {
      code: code.value,
      codeSpan: code.span,
      modifiers,
      units: n,
      unitsSpan: units ? span(units) : undefined,
      // A bare code's item spans just its code: one object for both (spans are never changed in place).
      span: end === code.span.end ? code.span : { start: code.span.start, end },
    };
  }

  private drugDecl(): Statement {
    const kw = this.take();
    const t = this.next();
    if (t !== T.StringLit && t !== T.Identifier) throw SYNTAX_ERROR;
    const s = this.take();
    const text = t === T.StringLit ? s.image.slice(1, -1) : s.image;
    const name = nameRef(text, span(s));
    const cls = this.consume(T.Identifier);
    let hcpcs: IToken | undefined;
    let per: IToken | undefined;
    if (this.next() === T.Hcpcs) {
      this.pos++;
      hcpcs = this.consume(T.Code);
      if (this.next() === T.Per) {
        this.pos++;
        per = this.consume(T.Dose);
      }
    }
    const c = cls.image.toLowerCase() as DrugClass;
    if (!CLASSES.has(c)) this.problem(`unknown drug class '${cls.image}': write chemo, hormonal, therapeutic or fluid`, span(cls));
    const last = per ?? hcpcs ?? cls;
    return {
      kind: "drug-decl" as const,
      name,
      drugClass: { value: CLASSES.has(c) ? c : "therapeutic", span: span(cls) },
      hcpcs: hcpcs ? { value: intern(hcpcs.image.toUpperCase()), span: span(hcpcs) } : undefined,
      per: per ? this.dose(per) : undefined,
      span: span(kw, last),
    };
  }
}

let instance: StatementReader | undefined;

export interface StatementError {
  message: string;
  token?: IToken;
  span?: Span;
}

export interface StatementResult {
  statement?: Statement;
  errors: StatementError[];
  /** The line's tokens, when there are errors (for their messages; valid until the next line is lexed). */
  line?: IToken[];
}

const NO_ERRORS: StatementError[] = [];

/** Parse one statement: the first `count` of `tokens` (no separators). */
export function parseStatement(tokens: IToken[], count = tokens.length): StatementResult {
  retypeCodes(tokens, count);
  const rule = entryFor(tokens[0]);
  const reader = (instance ??= new StatementReader());
  const statement = rule && reader.read(tokens, count, rule);
  if (statement && !reader.problems.length) return { statement, errors: NO_ERRORS };
  const line = tokens.slice(0, count);
  if (!rule) return { errors: [{ message: "does not start a statement", token: line[0] }], line };
  // A value that means nothing (25:61, 2026-02-30, an overflowing number) drops the whole line:
  // a line with a syntax error contributes nothing downstream.
  const syntax: StatementError[] = statement ? [] : syntaxErrors(line, rule);
  return { errors: syntax.concat(reader.problems), line };
}

/** Whether the hand-written reader reads the whole line (the grammar test compares this with grammar.ts). */
export function readsWhole(tokens: IToken[]): boolean {
  retypeCodes(tokens, tokens.length);
  const rule = entryFor(tokens[0]);
  return rule !== undefined && (instance ??= new StatementReader()).read(tokens, tokens.length, rule) !== undefined;
}
