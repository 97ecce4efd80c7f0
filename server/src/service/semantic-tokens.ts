// Semantic tokens from the lexer: keywords, verbs, drugs, codes, numbers, times, comments.
import type { IToken } from "chevrotain";
import { tokenize } from "../language/lexer.js";
import * as T from "../language/tokens.js";

export const TOKEN_TYPES = ["keyword", "function", "variable", "number", "string", "comment", "enumMember", "operator"] as const;

export interface SemanticToken {
  start: number;
  length: number;
  type: number;
}

const VERBS = new Set(T.VerbTokens);
/** After these, `0002M` is a code (an MAAA code), not 2 minutes: claims and visits hold no durations. */
const CODE_CONTEXT = new Set<unknown>([T.Claim, T.Comma, T.Visit, T.Newline, T.Semicolon, undefined]);
const QUANTITIES = new Set([T.Dose, T.Duration, T.Time, T.NumberLit, T.Units, T.Area, T.Mass, T.DateLit]);

export function semanticTokens(text: string): SemanticToken[] {
  const lexed = tokenize(text);
  const all: IToken[] = [...lexed.tokens, ...((lexed.groups.comments as IToken[] | undefined) ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  const out: SemanticToken[] = [];
  let prev: IToken | undefined;
  for (const t of all) {
    const type = typeOf(t, prev);
    if (type >= 0 && !/[\r\n]/.test(t.image)) out.push({ start: t.startOffset, length: t.image.length, type });
    if (t.tokenType !== T.Comment) prev = t;
  }
  return out;
}

function typeOf(t: IToken, prev: IToken | undefined): number {
  const k = t.tokenType;
  if (k === T.Comment) return 5;
  if (VERBS.has(k)) return 1;
  if (k === T.Code || (k === T.Duration && CODE_CONTEXT.has(prev?.tokenType) && /^\d{4}m$/i.test(t.image))) return 6;
  if (QUANTITIES.has(k)) return 3;
  if (k.name.startsWith("Kw_")) return 0;
  if (k === T.Identifier || k === T.StringLit) {
    // Names after a verb, `with`, `+`, `primary` or `drug` are drugs; others (setting values, payers) strings.
    const p = prev?.tokenType;
    if (p && (VERBS.has(p) || p === T.With || p === T.Plus || p === T.Primary || p === T.Drug)) return 2;
    return k === T.StringLit ? 4 : 0;
  }
  if (k === T.Dash || k === T.Comma || k === T.Semicolon || k === T.Plus) return 7;
  return -1;
}
