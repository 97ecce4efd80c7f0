// One statement at a time: the file is cut into statements at newlines and `;` before parsing,
// so a bad line never disturbs its neighbours (LANGUAGE.md §2). One parser instance per process.
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

/** Largest dose, duration or unit count read (an overflow guard: 400 digits would be Infinity). */
export const MAX_DOSE = 1e9;
export const MAX_MINUTES = 43200; // 30 days: longer than any pump an encounter documents
export const MAX_UNITS = 9_999_999;

/** A dose token's value and unit; litres become millilitres (1 L = 1000 mL). */
export function parseDose(image: string): { value: number; unit: DoseForm } {
  const m = /^(\d+(?:\.\d+)?)\s*(.+)$/.exec(image)!;
  const u = m[2].toLowerCase();
  if (u === "l") return { value: litresToMl(m[1]), unit: "mL" };
  const unit: DoseForm =
    u === "ml" ? "mL" : u === "meq" ? "mEq" : u === "unit" || u === "units" ? "units" : (u as DoseForm);
  return { value: Number(m[1]), unit };
}

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

class StatementParser extends EmbeddedActionsParser {
  /** Problems with values that parse but mean nothing (an unknown setting, 25:00...). */
  problems: { message: string; span: Span }[] = [];

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

  encounterHeader = this.RULE("encounterHeader", (): Statement => {
    const kw = this.CONSUME(T.Encounter);
    let name: Spanned<string> | undefined;
    const words: IToken[] = [];
    this.OPTION(() =>
      this.OR([
        { ALT: () => { const s = this.CONSUME(T.StringLit); name = this.ACTION(() => ({ value: s.image.slice(1, -1), span: span(s) })); } },
        {
          ALT: () =>
            this.AT_LEAST_ONE(() =>
              words.push(
                this.OR2([
                  { ALT: () => this.CONSUME(T.Identifier) },
                  { ALT: () => this.CONSUME(T.NumberLit) },
                  { ALT: () => this.CONSUME(T.DateLit) },
                  { ALT: () => this.CONSUME(T.Code) },
                ]),
              ),
            ),
        },
      ]),
    );
    const fields: Field[] = [];
    this.MANY(() => fields.push(this.SUBRULE(this.field)));
    return this.ACTION(() => {
      if (words.length) name = { value: words.map((w) => w.image).join(" "), span: span(words[0], words[words.length - 1]) };
      const end = fields.length ? fields[fields.length - 1].span.end : (name?.span.end ?? span(kw).end);
      return { kind: "encounter" as const, name, fields, keywordSpan: span(kw), span: { start: kw.startOffset, end } };
    });
  });

  field = this.RULE("field", (): Field =>
    this.OR([
      {
        ALT: () => {
          const kw = this.CONSUME(T.Setting);
          const v = this.CONSUME(T.Identifier);
          return this.ACTION(() => {
            const setting = SETTINGS[v.image.toLowerCase()];
            if (!setting) this.problem(`unknown setting '${v.image}': write office (POS 11), hopd (hospital outpatient, POS 19/22) or home (POS 12)`, span(v));
            return { kind: "field" as const, name: "setting" as const, value: setting ?? "office", valueSpan: span(v), span: span(kw, v) };
          });
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.Pos);
          const v = this.CONSUME(T.NumberLit);
          return this.ACTION(() => {
            const pos = Number(v.image);
            const setting = POS_SETTINGS[pos];
            if (!setting) this.problem(`place of service ${v.image} is not one encounter-lint codes: use 11 (office), 12 (home), 19 (off-campus hospital outpatient) or 22 (on-campus hospital outpatient)`, span(v));
            return { kind: "field" as const, name: "pos" as const, value: pos, setting: setting ?? "office", valueSpan: span(v), span: span(kw, v) };
          });
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.Payer);
          const v = this.SUBRULE(this.drugRef);
          return this.ACTION(() => ({ kind: "field" as const, name: "payer" as const, value: v.text, valueSpan: v.span, span: { start: kw.startOffset, end: v.span.end } }));
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.Bsa);
          const v = this.OR2([{ ALT: () => this.CONSUME(T.Area) }, { ALT: () => this.CONSUME2(T.NumberLit) }]);
          return this.ACTION(() => {
            const value = parseFloat(v.image);
            if (!(value > 0.2 && value < 4)) this.problem(`a body surface area of ${value} m2 is not plausible (expected about 0.3 to 3.5)`, span(v));
            return { kind: "field" as const, name: "bsa" as const, value, valueSpan: span(v), span: span(kw, v) };
          });
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.Weight);
          const v = this.CONSUME(T.Mass);
          return this.ACTION(() => {
            const value = parseFloat(v.image);
            if (!(value > 0 && value < 500)) this.problem(`a weight of ${value} kg is not plausible`, span(v));
            return { kind: "field" as const, name: "weight" as const, value, valueSpan: span(v), span: span(kw, v) };
          });
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.DateKw);
          const v = this.CONSUME(T.DateLit);
          return this.ACTION(() => {
            // 0000-00-00 and 2026-02-30 are no days at all; before 1900 is no date of service.
            const d = new Date(`${v.image}T00:00:00Z`);
            if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v.image || d.getUTCFullYear() < 1900)
              this.problem(`'${v.image}' is not a calendar date: expected the date of service as YYYY-MM-DD, e.g. 2026-05-23`, span(v));
            return { kind: "field" as const, name: "date" as const, value: v.image, valueSpan: span(v), span: span(kw, v) };
          });
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.Primary);
          const first = this.LA(1);
          const v = this.SUBRULE2(this.drugRef);
          return this.ACTION(() => {
            // The unquoted word `hydration` names hydration as the reason; a quoted name is a drug.
            const hydration = first.tokenType === T.Identifier && v.text.toLowerCase() === "hydration";
            return { kind: "field" as const, name: "primary" as const, value: v, hydration, valueSpan: v.span, span: { start: kw.startOffset, end: v.span.end } };
          });
        },
      },
    ]),
  );

  private drugRef = this.RULE("drugRef", (): DrugRef =>
    this.OR([
      {
        ALT: () => {
          const s = this.CONSUME(T.StringLit);
          return this.ACTION(() => {
            const text = s.image.slice(1, -1);
            return { text, key: normalizeName(text), span: span(s) };
          });
        },
      },
      {
        ALT: () => {
          const words: IToken[] = [];
          this.AT_LEAST_ONE(() => words.push(this.CONSUME(T.Identifier)));
          return this.ACTION(() => {
            const text = words.map((w) => w.image).join(" ");
            return { text, key: normalizeName(text), span: span(words[0], words[words.length - 1]) };
          });
        },
      },
    ]),
  );

  administration = this.RULE("administration", (): Administration => {
    const verb = this.OR([
      { ALT: () => this.CONSUME(T.Push) },
      { ALT: () => this.CONSUME(T.Infuse) },
      { ALT: () => this.CONSUME(T.Hydrate) },
      { ALT: () => this.CONSUME(T.Inject) },
      { ALT: () => this.CONSUME(T.Pump) },
      { ALT: () => this.CONSUME(T.Oral) },
    ]);
    const admin = this.ACTION(() => this.newAdministration(verb.image.toLowerCase() as Verb, verb));
    this.OPTION(() => {
      const d = this.SUBRULE(this.drugRef);
      this.ACTION(() => (admin.drug = d));
    });
    this.MANY(() => this.SUBRULE(this.clause, { ARGS: [admin] }));
    return admin;
  });

  refill = this.RULE("refill", (): Administration => {
    const verb = this.CONSUME(T.Refill);
    const admin = this.ACTION(() => this.newAdministration("refill", verb));
    this.OPTION(() => {
      this.CONSUME(T.Implanted);
      this.ACTION(() => (admin.implanted = true));
    });
    this.CONSUME(T.Pump);
    this.OPTION2(() => {
      const d = this.SUBRULE(this.drugRef);
      this.ACTION(() => (admin.drug = d));
    });
    this.MANY(() => this.SUBRULE(this.clause, { ARGS: [admin] }));
    return admin;
  });

  /** `flush port` and `draw port` (blood drawn from an implanted venous access device). */
  port = this.RULE("port", (): Administration => {
    const verb = this.OR([{ ALT: () => this.CONSUME(T.Flush) }, { ALT: () => this.CONSUME(T.Draw) }]);
    const admin = this.ACTION(() => this.newAdministration(verb.image.toLowerCase() as Verb, verb));
    this.CONSUME(T.Port);
    this.MANY(() => this.SUBRULE(this.clause, { ARGS: [admin] }));
    return admin;
  });

  private newAdministration(verb: Verb, tok: IToken): Administration {
    return { kind: "administration", verb, verbSpan: span(tok), implanted: false, span: span(tok) };
  }

  private clause = this.RULE("clause", (admin: Administration) => {
    const once = <K extends keyof Administration>(key: K, value: Administration[K], at: Span, what: string) => {
      if (admin[key] !== undefined && key !== "implanted") this.problem(`${what} is given twice on this line`, at);
      admin[key] = value;
      admin.span = { start: admin.span.start, end: Math.max(admin.span.end, at.end) };
    };
    this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(T.Dose);
          this.ACTION(() => once("dose", this.dose(t), span(t), "a dose"));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.Duration);
          this.ACTION(() => once("duration", spanned(this.duration(t), t), span(t), "a duration"));
        },
      },
      {
        // `+ DRUG [DOSE] [waste DOSE]`: a waste written right after the drug is that drug's.
        ALT: () => {
          const plus = this.CONSUME(T.Plus);
          const drug = this.SUBRULE2(this.drugRef);
          let dose: IToken | undefined;
          let waste: IToken | undefined;
          this.OPTION2(() => (dose = this.CONSUME2(T.Dose)));
          this.OPTION3(() => {
            this.CONSUME(T.Waste);
            waste = this.CONSUME3(T.Dose);
          });
          this.ACTION(() => {
            const last = waste ?? dose;
            const additive: Additive = { drug, span: { start: plus.startOffset, end: last ? tokenEnd(last) : drug.span.end } };
            if (dose) additive.dose = this.dose(dose);
            if (waste) additive.waste = this.wasteDose(waste);
            (admin.additives ??= []).push(additive);
            admin.span = { start: admin.span.start, end: Math.max(admin.span.end, additive.span.end) };
          });
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME2(T.Waste);
          const t = this.CONSUME4(T.Dose);
          this.ACTION(() => once("waste", this.wasteDose(t), span(kw, t), "a waste amount"));
        },
      },
      {
        ALT: () => {
          const from = this.CONSUME(T.Time);
          let to: IToken | undefined;
          this.OPTION(() => {
            this.CONSUME(T.Dash);
            to = this.CONSUME2(T.Time);
          });
          this.ACTION(() => {
            const start = this.minutes(from);
            if (!to) return once("at", { value: start, span: span(from) }, span(from), "a start time");
            let end = this.minutes(to);
            if (end < start) end += 1440; // an end before the start is on the next day
            once("range", { start, end, span: span(from, to) }, span(from, to), "a time range");
          });
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.At);
          const t = this.CONSUME3(T.Time);
          this.ACTION(() => once("at", { value: this.minutes(t), span: span(t) }, span(kw, t), "a start time"));
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.With);
          const d = this.SUBRULE(this.drugRef);
          this.ACTION(() => once("with", d, { start: kw.startOffset, end: d.span.end }, "'with'"));
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(T.Site);
          const n = this.CONSUME(T.NumberLit);
          this.ACTION(() => {
            const value = Number(n.image);
            if (!Number.isInteger(value) || value < 1) this.problem(`site ${n.image}: a site is a whole number (1, 2, ...)`, span(n));
            once("site", { value, span: span(kw, n) }, span(kw, n), "a site");
          });
        },
      },
      {
        ALT: () => {
          const t = this.OR2(T.RouteTokens.map((tok) => ({ ALT: () => this.CONSUME(tok) })));
          this.ACTION(() => once("route", { value: T.ROUTE_WORDS[t.image.toLowerCase()] as Route, span: span(t) }, span(t), "a route"));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.Implanted);
          this.ACTION(() => once("implanted", true, span(t), "'implanted'"));
        },
      },
    ]);
  });

  private dose(tok: IToken): Dose {
    const d = { ...parseDose(tok.image), span: span(tok) };
    if (!Number.isFinite(d.value) || d.value > MAX_DOSE) this.problem(`'${shown(tok.image)}' is too large to be a dose: expected an amount up to ${MAX_DOSE.toLocaleString("en-US")}`, span(tok));
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
    const [h, m] = tok.image.split(":").map(Number);
    if (h > 24 || m > 59 || (h === 24 && m > 0)) this.problem(`'${tok.image}' is not a time of day (00:00 to 23:59)`, span(tok));
    return h * 60 + m;
  }

  visit = this.RULE("visit", (): Statement => {
    const kw = this.CONSUME(T.Visit);
    const code = this.SUBRULE(this.code);
    return this.ACTION(() => ({ kind: "visit" as const, code, keywordSpan: span(kw), span: { start: kw.startOffset, end: code.span.end } }));
  });

  /** A code, upper-cased. */
  private code = this.RULE("code", (): Spanned<string> => {
    const t = this.CONSUME(T.Code);
    return this.ACTION(() => ({ value: t.image.toUpperCase(), span: span(t) }));
  });

  claim = this.RULE("claim", (): Statement => {
    const kw = this.CONSUME(T.Claim);
    let items: ClaimItem[] = [];
    this.OPTION(() => (items = this.SUBRULE(this.items)));
    return this.ACTION(() => ({
      kind: "claim" as const,
      keywordSpan: span(kw),
      items,
      span: { start: kw.startOffset, end: items.length ? items[items.length - 1].span.end : span(kw).end },
    }));
  });

  continuation = this.RULE("continuation", (): Statement => {
    const items = this.SUBRULE(this.items);
    return this.ACTION(() => ({
      kind: "claim-continuation" as const,
      items,
      span: { start: items[0].span.start, end: items[items.length - 1].span.end },
    }));
  });

  private items = this.RULE("items", (): ClaimItem[] => {
    const items: ClaimItem[] = [this.SUBRULE(this.item)];
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.OPTION(() => items.push(this.SUBRULE2(this.item)));
    });
    return items;
  });

  private item = this.RULE("item", (): ClaimItem => {
    const code = this.SUBRULE(this.code);
    const modifiers: Spanned<string>[] = [];
    let units: IToken | undefined;
    this.MANY(() => {
      this.CONSUME(T.Dash);
      const m = this.OR([
        { ALT: () => this.CONSUME(T.NumberLit) },
        { ALT: () => this.CONSUME(T.Identifier) },
        { ALT: () => this.CONSUME(T.At) },
      ]);
      this.ACTION(() => {
        if (!/^[A-Za-z0-9]{2}$/.test(m.image)) this.problem(`modifier '${m.image}' should be two letters or digits (59, XS, XU, JW...)`, span(m));
        modifiers.push({ value: m.image.toUpperCase(), span: span(m) });
      });
    });
    this.OPTION(() => (units = this.CONSUME(T.Units)));
    return this.ACTION(() => {
      const n = units ? Number(/\d+/.exec(units.image)![0]) : 1;
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
  });

  drugDecl = this.RULE("drugDecl", (): Statement => {
    const kw = this.CONSUME(T.Drug);
    const name = this.OR([
      {
        ALT: () => {
          const s = this.CONSUME(T.StringLit);
          return this.ACTION(() => ({ text: s.image.slice(1, -1), key: normalizeName(s.image.slice(1, -1)), span: span(s) }));
        },
      },
      { ALT: () => { const s = this.CONSUME(T.Identifier); return this.ACTION(() => ({ text: s.image, key: normalizeName(s.image), span: span(s) })); } },
    ]);
    const cls = this.CONSUME2(T.Identifier);
    let hcpcs: IToken | undefined;
    let per: IToken | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Hcpcs);
      hcpcs = this.CONSUME(T.Code);
      this.OPTION2(() => {
        this.CONSUME(T.Per);
        per = this.CONSUME(T.Dose);
      });
    });
    return this.ACTION(() => {
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
  });
}

let instance: StatementParser | undefined;

export interface StatementResult {
  statement?: Statement;
  errors: { message: string; token?: IToken; span?: Span }[];
}

/** Parse the tokens of one statement (no separators). */
export function parseStatement(tokens: IToken[]): StatementResult {
  const parser = (instance ??= new StatementParser());
  retypeCodes(tokens);
  const rule = parser.entryFor(tokens[0]);
  if (!rule) return { errors: [{ message: "does not start a statement", token: tokens[0] }] };
  parser.problems = [];
  parser.input = tokens;
  const statement = rule.call(parser);
  const errors = parser.errors.map((e) => ({ message: e.message, token: e.token }));
  // A value that means nothing (25:61, 2026-02-30, an overflowing number) drops the whole line:
  // a line with a syntax error contributes nothing downstream.
  const problems = [...errors, ...parser.problems];
  return { statement: problems.length ? undefined : statement, errors: problems };
}
