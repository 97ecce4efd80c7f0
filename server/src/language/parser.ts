// One statement at a time: the file is cut into statements at newlines and `;` before parsing,
// so a bad line never disturbs its neighbours (LANGUAGE.md §2). One parser instance per process.
//
// The parser runs once per line of every file, so its rules allocate only the tree they build
// (issue 11): the alternatives of each OR are built once (the instance fields ending in `Alts`),
// the line's administration is a field (`admin`) rather than a rule argument, and the semantic
// code runs inline instead of in ACTION closures. Chevrotain runs every rule once while it
// records the grammar (performSelfAnalysis), with placeholder tokens and no sub-rule results:
// code that reads what a rule or token gives returns early then (`if (this.RECORDING_PHASE)`).
import { EmbeddedActionsParser, type IToken, type TokenType, type IParserErrorMessageProvider } from "chevrotain";
import * as T from "./tokens.js";
import type {
  Additive, Administration, ClaimItem, Dose, DoseForm, DrugRef, Field, Route, Span, Spanned, Statement, Verb,
} from "./ast.js";
import { normalizeName } from "./names.js";
import { SKIP_GRAMMAR_CHECKS } from "./lexer.js";
import type { DrugClass, SettingName } from "../data/types.js";

const FIELD_TOKENS = [T.Setting, T.Pos, T.Payer, T.Bsa, T.Weight, T.DateKw, T.Primary];
const SETTINGS: Record<string, SettingName> = { office: "office", hopd: "hopd", home: "home" };
const POS_SETTINGS: Record<number, SettingName> = { 11: "office", 12: "home", 19: "hopd", 22: "hopd" };
const CLASSES = new Set<DrugClass>(["chemo", "hormonal", "therapeutic", "fluid"]);

/** Tokens carry only their start offset (the lexer tracks nothing more, for speed). */
export const tokenEnd = (tok: IToken) => tok.startOffset + tok.image.length;
const span = (first: IToken, last: IToken = first): Span => ({ start: first.startOffset, end: tokenEnd(last) });
const spanned = <V>(value: V, tok: IToken): Spanned<V> => ({ value, span: span(tok) });
/** What a rule returns while chevrotain records the grammar: nothing reads it. */
const RECORDED = undefined as never;

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
function retypeCodes(tokens: IToken[]) {
  const t = tokens[0].tokenType;
  if (t !== T.Claim && t !== T.Visit && !isCodeLike(tokens[0])) return;
  for (const tok of tokens) {
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

function describe(tokens: TokenType[]): string {
  const labels = [...new Set(tokens.map((t) => t.LABEL ?? t.name))];
  if (labels.length <= 1) return labels[0] ?? "nothing";
  return `${labels.slice(0, -1).join(", ")} or ${labels[labels.length - 1]}`;
}
/** A token as quoted in a message: a 400-digit number is cut short. */
const shown = (image: string) => (image.length > 24 ? `${image.slice(0, 20)}…` : image);
const found = (tok: IToken) => (tok.tokenType.name === "EOF" ? "the end of the line" : `'${tok.image}'`);

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => `expected ${describe([expected])} but found ${found(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => `${found(firstRedundant)} is not understood here`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) =>
    `expected ${describe(expectedPathsPerAlt.flat().map((p) => p[0]))} but found ${found(actual[0])}`,
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) =>
    `expected ${describe(expectedIterationPaths.map((p) => p[0]))} but found ${found(actual[0])}`,
};

interface Problem {
  message: string;
  span: Span;
}

class StatementParser extends EmbeddedActionsParser {
  /** Problems with values that parse but mean nothing (an unknown setting, 25:00...). */
  problems: Problem[] = [];
  /** The administration whose clauses are being read (one statement is parsed at a time). */
  private admin!: Administration;
  /** The words of the name being read (an unquoted drug or encounter name). */
  private words: IToken[] = [];

  constructor() {
    super(T.allTokens, { recoveryEnabled: false, maxLookahead: 2, errorMessageProvider: messages, skipValidations: SKIP_GRAMMAR_CHECKS });
    this.performSelfAnalysis();
  }

  private problem(message: string, at: Span) {
    this.problems.push({ message, span: at });
  }

  /**
   * The rule for a statement, chosen by its first token: no lookahead over eight alternatives for
   * every line. Undefined when the token cannot start a statement.
   */
  entryFor(first: IToken): (() => Statement) | undefined {
    const t = first.tokenType;
    if (t === T.Encounter) return this.encounterHeader;
    if (t === T.Refill) return this.refill;
    if (t === T.Flush || t === T.Draw) return this.port;
    if (t === T.Visit) return this.visit;
    if (t === T.Claim) return this.claim;
    if (t === T.Code) return this.continuation;
    if (t === T.Drug) return this.drugDecl;
    if (T.VerbTokens.includes(t)) return this.administration;
    if (FIELD_TOKENS.includes(t)) return this.field;
    return undefined;
  }

  /** Collects one word of a name into `words` (AT_LEAST_ONE bodies). */
  private readonly nameWordAlts = [
    { ALT: () => this.CONSUME(T.Identifier) },
    { ALT: () => this.CONSUME(T.NumberLit) },
    { ALT: () => this.CONSUME(T.DateLit) },
    { ALT: () => this.CONSUME(T.Code) },
  ];
  private readonly headerNameWord = () => {
    this.words.push(this.OR2(this.nameWordAlts));
  };
  private readonly headerNameAlts = [
    {
      ALT: (): Spanned<string> => {
        const s = this.CONSUME(T.StringLit);
        return { value: s.image.slice(1, -1), span: span(s) };
      },
    },
    {
      ALT: (): Spanned<string> => {
        const words: IToken[] = (this.words = []);
        this.AT_LEAST_ONE(this.headerNameWord);
        if (this.RECORDING_PHASE) return RECORDED;
        return { value: words.map((w) => w.image).join(" "), span: span(words[0], words[words.length - 1]) };
      },
    },
  ];
  private readonly headerName = () => this.OR(this.headerNameAlts);

  encounterHeader = this.RULE("encounterHeader", (): Statement => {
    const kw = this.CONSUME(T.Encounter);
    const name: Spanned<string> | undefined = this.OPTION(this.headerName);
    const fields: Field[] = [];
    this.MANY(() => fields.push(this.SUBRULE(this.field)));
    if (this.RECORDING_PHASE) return RECORDED;
    const end = fields.length ? fields[fields.length - 1].span.end : (name?.span.end ?? tokenEnd(kw));
    return { kind: "encounter" as const, name, fields, keywordSpan: span(kw), span: { start: kw.startOffset, end } };
  });

  private readonly fieldAlts = [
    {
      ALT: (): Field => {
        const kw = this.CONSUME(T.Setting);
        const v = this.CONSUME(T.Identifier);
        const setting = SETTINGS[v.image.toLowerCase()];
        if (!setting) this.problem(`unknown setting '${v.image}': write office (POS 11), hopd (hospital outpatient, POS 19/22) or home (POS 12)`, span(v));
        return { kind: "field" as const, name: "setting" as const, value: setting ?? "office", valueSpan: span(v), span: span(kw, v) };
      },
    },
    {
      ALT: (): Field => {
        const kw = this.CONSUME(T.Pos);
        const v = this.CONSUME(T.NumberLit);
        const pos = Number(v.image);
        const setting = POS_SETTINGS[pos];
        if (!setting) this.problem(`place of service ${v.image} is not one encounter-lint codes: use 11 (office), 12 (home), 19 (off-campus hospital outpatient) or 22 (on-campus hospital outpatient)`, span(v));
        return { kind: "field" as const, name: "pos" as const, value: pos, setting: setting ?? "office", valueSpan: span(v), span: span(kw, v) };
      },
    },
    {
      ALT: (): Field => {
        const kw = this.CONSUME(T.Payer);
        const v = this.SUBRULE(this.drugRef);
        if (this.RECORDING_PHASE) return RECORDED;
        return { kind: "field" as const, name: "payer" as const, value: v.text, valueSpan: v.span, span: { start: kw.startOffset, end: v.span.end } };
      },
    },
    {
      ALT: (): Field => {
        const kw = this.CONSUME(T.Bsa);
        const v = this.OR2(this.bsaValueAlts);
        if (this.RECORDING_PHASE) return RECORDED;
        const value = parseFloat(v.image);
        if (!(value > 0.2 && value < 4)) this.problem(`a body surface area of ${value} m2 is not plausible (expected about 0.3 to 3.5)`, span(v));
        return { kind: "field" as const, name: "bsa" as const, value, valueSpan: span(v), span: span(kw, v) };
      },
    },
    {
      ALT: (): Field => {
        const kw = this.CONSUME(T.Weight);
        const v = this.CONSUME(T.Mass);
        const value = parseFloat(v.image);
        if (!(value > 0 && value < 500)) this.problem(`a weight of ${value} kg is not plausible`, span(v));
        return { kind: "field" as const, name: "weight" as const, value, valueSpan: span(v), span: span(kw, v) };
      },
    },
    {
      ALT: (): Field => {
        const kw = this.CONSUME(T.DateKw);
        const v = this.CONSUME(T.DateLit);
        // 0000-00-00 and 2026-02-30 are no days at all; before 1900 is no date of service.
        if (!this.RECORDING_PHASE && !isDateOfService(v.image))
          this.problem(`'${v.image}' is not a calendar date: expected the date of service as YYYY-MM-DD, e.g. 2026-05-23`, span(v));
        return { kind: "field" as const, name: "date" as const, value: v.image, valueSpan: span(v), span: span(kw, v) };
      },
    },
    {
      ALT: (): Field => {
        const kw = this.CONSUME(T.Primary);
        const first = this.LA(1);
        const v = this.SUBRULE2(this.drugRef);
        if (this.RECORDING_PHASE) return RECORDED;
        // The unquoted word `hydration` names hydration as the reason; a quoted name is a drug.
        const hydration = first.tokenType === T.Identifier && v.text.toLowerCase() === "hydration";
        return { kind: "field" as const, name: "primary" as const, value: v, hydration, valueSpan: v.span, span: { start: kw.startOffset, end: v.span.end } };
      },
    },
  ];
  private readonly bsaValueAlts = [{ ALT: () => this.CONSUME(T.Area) }, { ALT: () => this.CONSUME2(T.NumberLit) }];

  field = this.RULE("field", (): Field => this.OR(this.fieldAlts));

  private readonly drugWord = () => {
    this.words.push(this.CONSUME(T.Identifier));
  };
  private readonly drugRefAlts = [
    {
      ALT: (): DrugRef => {
        const s = this.CONSUME(T.StringLit);
        const text = s.image.slice(1, -1);
        return { text, key: normalizeName(text), span: span(s) };
      },
    },
    {
      ALT: (): DrugRef => {
        const words: IToken[] = (this.words = []);
        this.AT_LEAST_ONE(this.drugWord);
        if (this.RECORDING_PHASE) return RECORDED;
        const text = words.length === 1 ? words[0].image : words.map((w) => w.image).join(" ");
        return { text, key: normalizeName(text), span: span(words[0], words[words.length - 1]) };
      },
    },
  ];

  private drugRef = this.RULE("drugRef", (): DrugRef => this.OR(this.drugRefAlts));

  private readonly verbAlts = [
    { ALT: () => this.CONSUME(T.Push) },
    { ALT: () => this.CONSUME(T.Infuse) },
    { ALT: () => this.CONSUME(T.Hydrate) },
    { ALT: () => this.CONSUME(T.Inject) },
    { ALT: () => this.CONSUME(T.Pump) },
    { ALT: () => this.CONSUME(T.Oral) },
  ];
  /** The drug right after the verb (OPTION bodies, one per rule: chevrotain tells them by index). */
  private readonly verbDrug = () => this.setDrug(this.SUBRULE(this.drugRef));
  private readonly refillDrug = () => this.setDrug(this.SUBRULE(this.drugRef));
  private readonly clauses = () => this.SUBRULE(this.clause);

  administration = this.RULE("administration", (): Administration => {
    const verb = this.OR(this.verbAlts);
    const admin = this.begin(verb);
    this.OPTION(this.verbDrug);
    this.MANY(this.clauses);
    return admin;
  });

  private readonly implanted = () => {
    this.CONSUME(T.Implanted);
    if (!this.RECORDING_PHASE) this.admin.implanted = true;
  };

  refill = this.RULE("refill", (): Administration => {
    const verb = this.CONSUME(T.Refill);
    const admin = this.begin(verb);
    this.OPTION(this.implanted);
    this.CONSUME(T.Pump);
    this.OPTION2(this.refillDrug);
    this.MANY(this.clauses);
    return admin;
  });

  private readonly portVerbAlts = [{ ALT: () => this.CONSUME(T.Flush) }, { ALT: () => this.CONSUME(T.Draw) }];

  /** `flush port` and `draw port` (blood drawn from an implanted venous access device). */
  port = this.RULE("port", (): Administration => {
    const verb = this.OR(this.portVerbAlts);
    const admin = this.begin(verb);
    this.CONSUME(T.Port);
    this.MANY(this.clauses);
    return admin;
  });

  /** The administration a verb starts: the clauses that follow fill it in. */
  private begin(tok: IToken): Administration {
    if (this.RECORDING_PHASE) return RECORDED;
    const verb = tok.image.toLowerCase() as Verb;
    this.admin = { kind: "administration", verb, verbSpan: span(tok), implanted: false, span: span(tok) };
    return this.admin;
  }

  private setDrug(drug: DrugRef) {
    if (!this.RECORDING_PHASE) this.admin.drug = drug;
  }

  /** A clause's value on the line's administration; the same clause twice is a problem. */
  private once<K extends keyof Administration>(key: K, value: Administration[K], start: number, end: number, what: string) {
    const admin = this.admin;
    if (admin[key] !== undefined && key !== "implanted") this.problem(`${what} is given twice on this line`, { start, end });
    admin[key] = value;
    if (end > admin.span.end) admin.span.end = end;
  }

  private readonly additiveDose = () => this.CONSUME2(T.Dose);
  private readonly additiveWaste = () => {
    this.CONSUME(T.Waste);
    return this.CONSUME3(T.Dose);
  };
  private readonly rangeEnd = () => {
    this.CONSUME(T.Dash);
    return this.CONSUME2(T.Time);
  };
  private readonly routeAlts = T.RouteTokens.map((tok) => ({ ALT: () => this.CONSUME(tok) }));

  private readonly clauseAlts = [
    {
      ALT: () => {
        const t = this.CONSUME(T.Dose);
        if (!this.RECORDING_PHASE) this.once("dose", this.dose(t), t.startOffset, tokenEnd(t), "a dose");
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(T.Duration);
        if (!this.RECORDING_PHASE) this.once("duration", spanned(this.duration(t), t), t.startOffset, tokenEnd(t), "a duration");
      },
    },
    {
      // `+ DRUG [DOSE] [waste DOSE]`: a waste written right after the drug is that drug's.
      ALT: () => {
        const plus = this.CONSUME(T.Plus);
        const drug = this.SUBRULE2(this.drugRef);
        const dose: IToken | undefined = this.OPTION2(this.additiveDose);
        const waste: IToken | undefined = this.OPTION3(this.additiveWaste);
        if (this.RECORDING_PHASE) return;
        const last = waste ?? dose;
        const additive: Additive = { drug, span: { start: plus.startOffset, end: last ? tokenEnd(last) : drug.span.end } };
        if (dose) additive.dose = this.dose(dose);
        if (waste) additive.waste = this.wasteDose(waste);
        (this.admin.additives ??= []).push(additive);
        if (additive.span.end > this.admin.span.end) this.admin.span.end = additive.span.end;
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME2(T.Waste);
        const t = this.CONSUME4(T.Dose);
        if (!this.RECORDING_PHASE) this.once("waste", this.wasteDose(t), kw.startOffset, tokenEnd(t), "a waste amount");
      },
    },
    {
      ALT: () => {
        const from = this.CONSUME(T.Time);
        const to: IToken | undefined = this.OPTION(this.rangeEnd);
        if (this.RECORDING_PHASE) return;
        const start = this.minutes(from);
        if (!to) return this.once("at", { value: start, span: span(from) }, from.startOffset, tokenEnd(from), "a start time");
        let end = this.minutes(to);
        if (end < start) end += 1440; // an end before the start is on the next day
        this.once("range", { start, end, span: span(from, to) }, from.startOffset, tokenEnd(to), "a time range");
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.At);
        const t = this.CONSUME3(T.Time);
        if (!this.RECORDING_PHASE) this.once("at", { value: this.minutes(t), span: span(t) }, kw.startOffset, tokenEnd(t), "a start time");
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.With);
        const d = this.SUBRULE(this.drugRef);
        if (!this.RECORDING_PHASE) this.once("with", d, kw.startOffset, d.span.end, "'with'");
      },
    },
    {
      ALT: () => {
        const kw = this.CONSUME(T.Site);
        const n = this.CONSUME(T.NumberLit);
        const value = Number(n.image);
        if (this.RECORDING_PHASE) return;
        if (!Number.isInteger(value) || value < 1) this.problem(`site ${n.image}: a site is a whole number (1, 2, ...)`, span(n));
        this.once("site", { value, span: span(kw, n) }, kw.startOffset, tokenEnd(n), "a site");
      },
    },
    {
      ALT: () => {
        const t = this.OR2(this.routeAlts);
        if (!this.RECORDING_PHASE) this.once("route", { value: T.ROUTE_WORDS[t.image.toLowerCase()] as Route, span: span(t) }, t.startOffset, tokenEnd(t), "a route");
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(T.Implanted);
        if (!this.RECORDING_PHASE) this.once("implanted", true, t.startOffset, tokenEnd(t), "'implanted'");
      },
    },
  ];

  /** One clause after the drug, added to `admin`. */
  private clause = this.RULE("clause", () => this.OR(this.clauseAlts));

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

  visit = this.RULE("visit", (): Statement => {
    const kw = this.CONSUME(T.Visit);
    const code = this.SUBRULE(this.code);
    if (this.RECORDING_PHASE) return RECORDED;
    return { kind: "visit" as const, code, keywordSpan: span(kw), span: { start: kw.startOffset, end: code.span.end } };
  });

  /** A code, upper-cased. */
  private code = this.RULE("code", (): Spanned<string> => {
    const t = this.CONSUME(T.Code);
    return { value: t.image.toUpperCase(), span: span(t) };
  });

  private readonly claimItems = () => this.SUBRULE(this.items);

  claim = this.RULE("claim", (): Statement => {
    const kw = this.CONSUME(T.Claim);
    const items: ClaimItem[] = this.OPTION(this.claimItems) ?? [];
    if (this.RECORDING_PHASE) return RECORDED;
    return {
      kind: "claim" as const,
      keywordSpan: span(kw),
      items,
      span: { start: kw.startOffset, end: items.length ? items[items.length - 1].span.end : tokenEnd(kw) },
    };
  });

  continuation = this.RULE("continuation", (): Statement => {
    const items = this.SUBRULE(this.items);
    if (this.RECORDING_PHASE) return RECORDED;
    return {
      kind: "claim-continuation" as const,
      items,
      span: { start: items[0].span.start, end: items[items.length - 1].span.end },
    };
  });

  /** The items of the claim being read (a claim line is one statement). */
  private claimList: ClaimItem[] = [];
  private readonly nextItem = () => this.claimList.push(this.SUBRULE2(this.item));
  private readonly commaItem = () => {
    this.CONSUME(T.Comma);
    this.OPTION(this.nextItem);
  };

  private items = this.RULE("items", (): ClaimItem[] => {
    const items: ClaimItem[] = (this.claimList = [this.SUBRULE(this.item)]);
    this.MANY(this.commaItem);
    return items;
  });

  /** The modifiers of the claim item being read. */
  private modifiers: Spanned<string>[] = [];
  private readonly modifierAlts = [
    { ALT: () => this.CONSUME(T.NumberLit) },
    { ALT: () => this.CONSUME(T.Identifier) },
    { ALT: () => this.CONSUME(T.At) },
  ];
  private readonly modifier = () => {
    this.CONSUME(T.Dash);
    const m = this.OR(this.modifierAlts);
    if (this.RECORDING_PHASE) return;
    if (!/^[A-Za-z0-9]{2}$/.test(m.image)) this.problem(`modifier '${m.image}' should be two letters or digits (59, XS, XU, JW...)`, span(m));
    this.modifiers.push({ value: m.image.toUpperCase(), span: span(m) });
  };
  private readonly units = () => this.CONSUME(T.Units);

  private item = this.RULE("item", (): ClaimItem => {
    const code = this.SUBRULE(this.code);
    const modifiers: Spanned<string>[] = (this.modifiers = []);
    this.MANY(this.modifier);
    const units: IToken | undefined = this.OPTION(this.units);
    if (this.RECORDING_PHASE) return RECORDED;
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
      span: { start: code.span.start, end },
    };
  });

  private readonly declNameAlts = [
    {
      ALT: (): DrugRef => {
        const s = this.CONSUME(T.StringLit);
        return { text: s.image.slice(1, -1), key: normalizeName(s.image.slice(1, -1)), span: span(s) };
      },
    },
    {
      ALT: (): DrugRef => {
        const s = this.CONSUME(T.Identifier);
        return { text: s.image, key: normalizeName(s.image), span: span(s) };
      },
    },
  ];
  /** `hcpcs CODE [per DOSE]` of a drug declaration: [code, per]. */
  private readonly declPer = () => {
    this.CONSUME(T.Per);
    return this.CONSUME(T.Dose);
  };
  private readonly declHcpcs = (): [IToken, IToken | undefined] => {
    this.CONSUME(T.Hcpcs);
    const hcpcs = this.CONSUME(T.Code);
    return [hcpcs, this.OPTION2(this.declPer)];
  };

  drugDecl = this.RULE("drugDecl", (): Statement => {
    const kw = this.CONSUME(T.Drug);
    const name = this.OR(this.declNameAlts);
    const cls = this.CONSUME2(T.Identifier);
    const declared = this.OPTION(this.declHcpcs);
    if (this.RECORDING_PHASE) return RECORDED;
    const [hcpcs, per] = declared ?? [];
    const c = cls.image.toLowerCase() as DrugClass;
    if (!CLASSES.has(c)) this.problem(`unknown drug class '${cls.image}': write chemo, hormonal, therapeutic or fluid`, span(cls));
    const last = per ?? hcpcs ?? cls;
    return {
      kind: "drug-decl" as const,
      name,
      drugClass: { value: CLASSES.has(c) ? c : "therapeutic", span: span(cls) },
      hcpcs: hcpcs ? { value: hcpcs.image.toUpperCase(), span: span(hcpcs) } : undefined,
      per: per ? this.dose(per) : undefined,
      span: span(kw, last),
    };
  });
}

let instance: StatementParser | undefined;

export interface StatementError {
  message: string;
  token?: IToken;
  span?: Span;
}

export interface StatementResult {
  statement?: Statement;
  errors: StatementError[];
}

const NO_ERRORS: StatementError[] = [];

/** Parse the tokens of one statement (no separators). */
export function parseStatement(tokens: IToken[]): StatementResult {
  const parser = (instance ??= new StatementParser());
  retypeCodes(tokens);
  const rule = parser.entryFor(tokens[0]);
  if (!rule) return { errors: [{ message: "does not start a statement", token: tokens[0] }] };
  if (parser.problems.length) parser.problems = [];
  parser.input = tokens;
  const statement = rule.call(parser);
  // `errors` is a getter that copies chevrotain's list: read it once, and only when there is one.
  const syntax = parser.errors;
  if (!syntax.length && !parser.problems.length) return { statement, errors: NO_ERRORS };
  // A value that means nothing (25:61, 2026-02-30, an overflowing number) drops the whole line:
  // a line with a syntax error contributes nothing downstream.
  const errors: StatementError[] = syntax.map((e) => ({ message: e.message, token: e.token }));
  return { errors: errors.concat(parser.problems) };
}
