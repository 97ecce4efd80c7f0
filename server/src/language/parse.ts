// parse(text) → FileNode. Never throws: every problem becomes a SyntaxProblem with a span.
import type { IToken } from "chevrotain";
import { tokenize } from "./lexer.js";
import { parseStatement, tokenEnd } from "./parser.js";
import * as T from "./tokens.js";
import type { Directive, EncounterNode, Fields, FileNode, Span, Statement, SyntaxProblem } from "./ast.js";
import { parseDirective } from "./directives.js";

const STATEMENT_HINT: Record<string, string> = {
  administration:
    "after the drug write a dose (700mg), a duration (240min), times (09:00-13:00 or at 09:00), with DRUG, site N, a route (sc, im, intralesional, intrathecal), + DRUG for a second drug in the same bag, or waste DOSE",
  claim: "claim items are codes separated by commas, each with optional modifiers and units: claim 96413, 96415 x3, 96375-59",
  encounter: 'write encounter "Name", optionally followed by fields such as setting hopd',
  drug: "write drug NAME CLASS [hcpcs CODE [per DOSE]], e.g. drug mitomycin chemo hcpcs J9280 per 5mg",
  setting: "write setting office, setting hopd or setting home",
  pos: "write pos 11, 12, 19 or 22",
  payer: "write payer NAME, e.g. payer medicare",
  bsa: "write bsa 1.8m2",
  weight: "write weight 70kg",
  date: "write date YYYY-MM-DD, e.g. date 2026-05-23",
  primary: "write primary DRUG, naming the drug that is the main reason for the visit",
  refill: "write refill pump or refill implanted pump",
  flush: "write flush port",
  draw: "write draw port",
  visit: "write visit and the E/M code, e.g. visit 99213",
};

const STARTERS = [
  "encounter", "setting", "pos", "payer", "bsa", "weight", "date", "primary",
  "push", "infuse", "hydrate", "inject", "pump", "refill", "flush", "draw", "oral", "visit", "claim", "drug",
];

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

function hintFor(first: IToken): string {
  const kind = first.tokenType.name.replace(/^Kw_/, "");
  if (T.VerbTokens.includes(first.tokenType) && kind !== "refill" && kind !== "flush" && kind !== "draw") return STATEMENT_HINT.administration;
  if (kind === "Code") return STATEMENT_HINT.claim;
  if (STATEMENT_HINT[kind]) return STATEMENT_HINT[kind];
  const word = first.image.toLowerCase();
  const guess = STARTERS.find((s) => editDistance(word, s) <= (s.length > 4 ? 2 : 1));
  return guess
    ? `did you mean '${guess}'?`
    : "a line starts with encounter, a field (setting, pos, payer, bsa, weight, date, primary), a verb (push, infuse, hydrate, inject, pump, refill, flush, draw, oral), visit, claim, a code continuing a claim, or drug";
}

export interface ParsedStatements {
  statements: Statement[];
  errors: SyntaxProblem[];
  /** Inline directive comments, with offsets from `base`; `line` counts from the start of `text`. */
  directives: Directive[];
}

/** Lex and parse `text`, whose first character is at offset `base` of the file. */
export function parseStatements(text: string, base = 0): ParsedStatements {
  const lexed = tokenize(text);
  const errors: SyntaxProblem[] = lexed.errors.map((e) => ({
    message: `unexpected character '${text.substr(e.offset, e.length).slice(0, 20)}': not part of the encounter language`,
    span: { start: base + e.offset, end: base + e.offset + Math.max(1, e.length) },
  }));
  const statements: Statement[] = [];
  const directives: Directive[] = [];
  let line = 0;
  let lastNewline = 0;
  for (const c of (lexed.groups.comments as IToken[] | undefined) ?? []) {
    // Comments come in order; count the lines before each directive-looking one only.
    if (!/^#\s*encounter-lint-/i.test(c.image)) continue;
    for (; lastNewline < c.startOffset; lastNewline++) {
      const ch = text.charCodeAt(lastNewline);
      if (ch === 10 || (ch === 13 && text.charCodeAt(lastNewline + 1) !== 10)) line++;
    }
    const d = parseDirective(c.image, base + c.startOffset, line);
    if (d) directives.push(d);
  }
  // One array holds each statement's tokens in turn (the parser reads it before the next one).
  const group: IToken[] = [];
  let unterminated: IToken | undefined;
  const flush = () => {
    if (unterminated) errors.push({ message: "this quoted name has no closing quote", span: { start: unterminated.startOffset, end: tokenEnd(unterminated) } });
    else if (group.length) parseGroup(group, statements, errors);
    group.length = 0;
    unterminated = undefined;
  };
  const tokens = lexed.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]; // an indexed loop, as in tokenize
    if (base) tok.startOffset += base;
    if (tok.tokenType === T.Newline || tok.tokenType === T.Semicolon) flush();
    else {
      if (tok.tokenType === T.Unterminated) unterminated ??= tok;
      group.push(tok);
    }
  }
  flush();
  return { statements, errors, directives };
}

function parseGroup(tokens: IToken[], statements: Statement[], errors: SyntaxProblem[]) {
  const result = parseStatement(tokens);
  for (const e of result.errors) {
    const real = e.token && !Number.isNaN(e.token.startOffset) && e.token.tokenType.name !== "EOF";
    const lineEnd = tokenEnd(tokens[tokens.length - 1]);
    const at: Span = e.span ?? (real ? { start: e.token!.startOffset, end: tokenEnd(e.token!) } : { start: lineEnd, end: lineEnd });
    let message = e.message;
    if (e.token === tokens[0]) message = `'${tokens[0].image}' does not start a statement: ${hintFor(tokens[0])}`;
    else if (e.token) message = `${e.message}: ${hintFor(tokens[0])}`;
    errors.push({ message, span: at });
  }
  if (result.statement) statements.push(result.statement);
}

export interface ParseOptions {
  /** Name of the implicit encounter of a file without headers (the file's base name). */
  fileName?: string;
}

export function parse(text: string, options: ParseOptions = {}): FileNode {
  const { statements, errors, directives } = parseStatements(text);
  return buildFile(statements, errors, options, directives);
}

const emptySpan = { start: 0, end: 0 };

/** Assemble statements into encounters (LANGUAGE.md §2: headers, defaults, implicit encounter). */
export function buildFile(statements: Statement[], syntaxErrors: SyntaxProblem[], options: ParseOptions = {}, directives: Directive[] = []): FileNode {
  const errors = [...syntaxErrors];
  const file: FileNode = { encounters: [], defaults: {}, drugs: [], errors, directives };
  const hasHeaders = statements.some((s) => s.kind === "encounter");
  let current: EncounterNode | undefined;
  let previous: Statement | undefined;

  const open = (name: string, headerSpan: Span, implicit: boolean): EncounterNode => {
    const enc: EncounterNode = {
      index: file.encounters.length,
      name,
      headerSpan,
      implicit,
      fields: {},
      administrations: [],
      visits: [],
      span: { ...headerSpan },
      syntaxErrors: [],
    };
    file.encounters.push(enc);
    return enc;
  };
  const setField = (fields: Fields, field: Extract<Statement, { kind: "field" }>) => {
    const key = field.name === "pos" ? "setting" : field.name;
    const prior = (fields as Record<string, { span: Span } | undefined>)[key] ?? (key === "setting" ? fields.pos : undefined);
    if (prior) errors.push({ message: `${field.name === "pos" || field.name === "setting" ? "the setting" : field.name} is already given in this encounter`, span: field.span });
    (fields as Record<string, unknown>)[field.name] = field;
  };

  for (const s of statements) {
    if (s.kind === "drug-decl") {
      file.drugs.push(s);
    } else if (s.kind === "encounter") {
      current = open(s.name?.value ?? `Encounter ${file.encounters.length + 1}`, s.span, false);
      for (const f of s.fields) setField(current.fields, f);
    } else if (!hasHeaders && !current) {
      current = open(options.fileName ?? "Encounter", s.span, true);
    }
    if (s.kind === "field") {
      setField(current ? current.fields : file.defaults, s);
    } else if (s.kind === "administration" || s.kind === "visit" || s.kind === "claim" || s.kind === "claim-continuation") {
      if (!current) {
        const what = s.kind === "administration" || s.kind === "visit" ? s.kind : "claim";
        errors.push({ message: `this ${what} comes before the first 'encounter' header: move it below a header`, span: s.span });
      } else if (s.kind === "administration") {
        current.administrations.push(s);
      } else if (s.kind === "visit") {
        current.visits.push(s);
      } else if (s.kind === "claim") {
        if (current.claim) {
          errors.push({ message: "this encounter already has a claim: put every claim item under one 'claim'", span: s.keywordSpan });
          current.claim.items.push(...s.items);
          current.claim.span.end = Math.max(current.claim.span.end, s.span.end);
        } else {
          current.claim = { keywordSpan: s.keywordSpan, items: [...s.items], span: { ...s.span } };
        }
      } else if (current.claim && (previous?.kind === "claim" || previous?.kind === "claim-continuation")) {
        current.claim.items.push(...s.items);
        current.claim.span.end = s.span.end;
      } else {
        errors.push({ message: "a line that starts with a code continues a claim, but there is no 'claim' line just above it", span: s.span });
      }
    }
    if (current && s.kind !== "drug-decl") current.span.end = Math.max(current.span.end, s.span.end);
    previous = s;
  }

  // A syntax error belongs to the encounter whose header precedes it: that encounter's claim
  // is not compared while the error stands (a dropped line would make the comparison wrong).
  const encs = file.encounters;
  errors.sort((a, b) => a.span.start - b.span.start);
  let k = -1;
  for (const e of errors) {
    while (k + 1 < encs.length && (encs[k + 1].headerSpan.start <= e.span.start || encs[k + 1].implicit)) k++;
    const owner = encs[k];
    if (!owner) continue;
    e.encounter = owner.index;
    owner.syntaxErrors.push(e.span);
    owner.span.end = Math.max(owner.span.end, e.span.end);
  }
  if (!hasHeaders && encs.length === 0 && errors.length) {
    const enc = open(options.fileName ?? "Encounter", emptySpan, true);
    for (const e of errors) {
      e.encounter = enc.index;
      enc.syntaxErrors.push(e.span);
    }
  }
  return file;
}
