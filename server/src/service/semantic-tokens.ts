// Semantic tokens from the lexer: keywords, verbs, drugs, codes, numbers, times, comments.
import type { ILexingError, IToken, TokenType } from "chevrotain";
import { scanStatement, StatementTokens } from "../language/lexer.js";
import { LineIndex } from "../language/line-index.js";
import { runToEnd } from "../language/steps.js";
import * as T from "../language/tokens.js";

export const TOKEN_TYPES = ["keyword", "function", "variable", "number", "string", "comment", "enumMember", "operator"] as const;

export interface SemanticToken {
  start: number;
  /** Its place as LSP counts it (0-based line; UTF-16 code units into the line). */
  line: number;
  character: number;
  length: number;
  type: number;
}

const VERBS = new Set(T.VerbTokens);
/** After these, `0002M` is a code (an MAAA code), not 2 minutes: claims and visits hold no durations. */
const CODE_CONTEXT = new Set<unknown>([T.Claim, T.Comma, T.Visit, T.Newline, T.Semicolon, undefined]);
const QUANTITIES = new Set([T.Dose, T.Duration, T.Time, T.NumberLit, T.Units, T.Area, T.Mass, T.DateLit]);

/**
 * The tokens of `text` in text order, a statement at a time into reused token objects (the whole
 * document is highlighted again after every edit: on 10,000 encounters, a copy of every token and
 * a sort of them all cost more than the lexing).
 */
export function semanticTokens(text: string): SemanticToken[] {
  return runToEnd(semanticTokenSteps(text));
}

/** semanticTokens a statement per step: for a server that answers between steps. */
export function* semanticTokenSteps(text: string): Generator<void, SemanticToken[]> {
  const out: SemanticToken[] = [];
  const lines = new LineIndex(text).walk();
  const statement = new StatementTokens();
  const comments: IToken[] = [];
  const errors: ILexingError[] = [];
  let prev: TokenType | undefined;
  const emit = (t: IToken, type: number) => {
    if (type < 0 || /[\r\n]/.test(t.image)) return;
    const at = lines(t.startOffset);
    out.push({ start: t.startOffset, line: at.line, character: at.character, length: t.image.length, type });
  };
  for (let at = 0; at < text.length; ) {
    at = scanStatement(text, at, statement, comments, errors);
    // The comments met while scanning the statement, each in its place among its tokens.
    let c = 0;
    for (let i = 0; i < statement.count; i++) {
      const t = statement.items[i];
      for (; c < comments.length && comments[c].startOffset < t.startOffset; c++) emit(comments[c], COMMENT);
      emit(t, typeOf(t, prev));
      prev = t.tokenType;
    }
    for (; c < comments.length; c++) emit(comments[c], COMMENT);
    comments.length = 0;
    yield;
  }
  return out;
}

const COMMENT = 5;

/** A token's type (an index into TOKEN_TYPES), -1 for none; `prev`: the token before it, comments aside. */
export function typeOf(t: IToken, prev: TokenType | undefined): number {
  const k = t.tokenType;
  if (k === T.Comment) return COMMENT;
  if (VERBS.has(k)) return 1;
  if (k === T.Code || (k === T.Duration && CODE_CONTEXT.has(prev) && /^\d{4}m$/i.test(t.image))) return 6;
  if (QUANTITIES.has(k)) return 3;
  if (k.name.startsWith("Kw_")) return 0;
  if (k === T.Identifier || k === T.StringLit) {
    // Names after a verb, `with`, `+`, `primary` or `drug` are drugs; others (setting values, payers) strings.
    if (prev && (VERBS.has(prev) || prev === T.With || prev === T.Plus || prev === T.Primary || prev === T.Drug)) return 2;
    return k === T.StringLit ? 4 : 0;
  }
  if (k === T.Dash || k === T.Comma || k === T.Semicolon || k === T.Plus) return 7;
  return -1;
}
