// parse(text) → FileNode. Never throws: every problem becomes a SyntaxProblem with a span.
import type { ILexingError, IToken } from "chevrotain";
import { scanStatement, StatementTokens } from "./lexer.js";
import { parseStatement, tokenEnd } from "./parser.js";
import * as T from "./tokens.js";
import type { Directive, EncounterNode, Fields, FileNode, Span, Statement, SyntaxProblem } from "./ast.js";
import { parseDirective } from "./directives.js";
import { adding, NONE } from "./empty-list.js";

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

/** The tokens of the statement being parsed: one set of token objects per process (parsing never nests). */
const scratch = new StatementTokens();

/** Pieces of about this many characters, each cut after a newline, are one step of parseSteps. */
const PIECE_CHARS = 64 * 1024;
const DIRECTIVE_COMMENT = /#\s*encounter-lint-/i;

/**
 * parse() one piece of the text per step, for a caller that must stay responsive (the editor's
 * preview of a large document). A statement ends at its line's end, so a piece cut after a
 * newline parses as it does within the whole text (buildFile puts the syntax errors in text
 * order); directives count lines from the text's start, so a text with any is one step.
 */
export function* parseSteps(text: string, options: ParseOptions = {}, pieceChars = PIECE_CHARS): Generator<void, FileNode> {
  if (DIRECTIVE_COMMENT.test(text)) return parse(text, options);
  const statements: Statement[] = [];
  const errors: SyntaxProblem[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start + pieceChars - 1);
    const end = newline < 0 ? text.length : newline + 1;
    const piece = parseStatements(text.slice(start, end), start);
    for (const st of piece.statements) statements.push(st);
    for (const e of piece.errors) errors.push(e);
    start = end;
    yield;
  }
  return buildFile(statements, errors, options, []);
}

/** Lex and parse `text`, whose first character is at offset `base` of the file. */
export function parseStatements(text: string, base = 0): ParsedStatements {
  const statementErrors: SyntaxProblem[] = [];
  const statements: Statement[] = [];
  const comments: IToken[] = [];
  const lexErrors: ILexingError[] = [];
  // One statement is lexed and parsed at a time (its token objects are reused by the next).
  const group = scratch;
  for (let at = 0; at < text.length; ) {
    at = scanStatement(text, at, group, comments, lexErrors);
    const tokens = group.items;
    let count = group.count;
    const last = count ? tokens[count - 1].tokenType : undefined;
    if (last === T.Newline || last === T.Semicolon) count--;
    if (!count) continue;
    let unterminated: IToken | undefined;
    for (let i = 0; i < count; i++) {
      const tok = tokens[i];
      if (base) tok.startOffset += base;
      if (tok.tokenType === T.Unterminated) unterminated ??= tok;
    }
    if (unterminated) statementErrors.push({ message: "this quoted name has no closing quote", span: { start: unterminated.startOffset, end: tokenEnd(unterminated) } });
    else parseGroup(tokens, count, statements, statementErrors);
  }
  group.trim();
  const errors: SyntaxProblem[] = lexErrors.map((e) => ({
    message: `unexpected character '${text.substr(e.offset, e.length).slice(0, 20)}': not part of the encounter language`,
    span: { start: base + e.offset, end: base + e.offset + Math.max(1, e.length) },
  }));
  return { statements, errors: errors.concat(statementErrors), directives: directivesOf(text, base, comments) };
}

/** The directive comments among `comments` (in text order). */
function directivesOf(text: string, base: number, comments: IToken[]): Directive[] {
  const directives: Directive[] = [];
  let line = 0;
  let lastNewline = 0;
  for (const c of comments) {
    // Count the lines before each directive-looking comment only.
    if (!/^#\s*encounter-lint-/i.test(c.image)) continue;
    for (; lastNewline < c.startOffset; lastNewline++) {
      const ch = text.charCodeAt(lastNewline);
      if (ch === 10 || (ch === 13 && text.charCodeAt(lastNewline + 1) !== 10)) line++;
    }
    const d = parseDirective(c.image, base + c.startOffset, line);
    if (d) directives.push(d);
  }
  return directives;
}

function parseGroup(tokens: IToken[], count: number, statements: Statement[], errors: SyntaxProblem[]) {
  const result = parseStatement(tokens, count);
  if (result.line) {
    const line = result.line;
    for (const e of result.errors) {
      const real = e.token && !Number.isNaN(e.token.startOffset) && e.token.tokenType.name !== "EOF";
      const lineEnd = tokenEnd(line[line.length - 1]);
      const at: Span = e.span ?? (real ? { start: e.token!.startOffset, end: tokenEnd(e.token!) } : { start: lineEnd, end: lineEnd });
      let message = e.message;
      if (e.token === line[0]) message = `'${line[0].image}' does not start a statement: ${hintFor(line[0])}`;
      else if (e.token) message = `${e.message}: ${hintFor(line[0])}`;
      errors.push({ message, span: at });
    }
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
      visits: NONE,
      span: { ...headerSpan },
      syntaxErrors: NONE,
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
        current.visits = adding(current.visits, s);
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
    owner.syntaxErrors = adding(owner.syntaxErrors, e.span);
    owner.span.end = Math.max(owner.span.end, e.span.end);
  }
  if (!hasHeaders && encs.length === 0 && errors.length) {
    const enc = open(options.fileName ?? "Encounter", emptySpan, true);
    for (const e of errors) {
      e.encounter = enc.index;
      enc.syntaxErrors = adding(enc.syntaxErrors, e.span);
    }
  }
  return file;
}
