// Semantic tokens from the lexer: keywords, verbs, drugs, codes, numbers, times, comments.
import type { ILexingError, IToken, TokenType } from "chevrotain";
import { scanStatement, StatementTokens } from "../language/lexer.js";
import { LineIndex, lineStarts, nextLineStart } from "../language/line-index.js";
import { detached } from "./chunked-text.js";
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
 * The tokens of `text` in text order, a statement at a time into reused token objects (on 10,000
 * encounters, a copy of every token and a sort of them all cost more than the lexing).
 */
export function semanticTokens(text: string): SemanticToken[] {
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
  }
  return out;
}

/** A block's colours: its tokens as LSP sends them, the first placed from the block's start. */
interface Block {
  /** The block's text (a copy: a slice would keep the whole text it was cut from). */
  text: string;
  data: Int32Array;
  /** Line breaks in the block. */
  lines: number;
  /** The line of its last token, from the block's start (unused without tokens). */
  lastLine: number;
}

/**
 * Where a block begins: a line that starts with `encounter`. Blocks only size the cache: any line
 * start would give the same colours, so this is not the model's header rule (indented headers,
 * whole words; document-model.ts), only a cheap search that cuts most files at their encounters.
 */
const BLOCK_START = "\nencounter";
/** Characters after which a longer block ends at the next line: a block is lexed in one step (about 10 ms for 64 KB). */
const BLOCK_CHARS = 64 * 1024;

/**
 * The colours of a text as LSP sends them (five numbers a token, each placed from the token
 * before), kept block by block between requests: a block runs from a line that starts with
 * `encounter` to the next such line (a long encounter is cut at lines). Every line is lexed
 * afresh (a token never spans lines, and the token before a line's first one is the line break,
 * which types it as the start of the text does), so a block's colours are those of its text
 * alone. After an edit only the edited block is lexed again; the others are copied, their first
 * token placed anew.
 */
export class ColourBlocks {
  private blocks = new Map<string, Block>();

  /** `blockChars`: BLOCK_CHARS (tests cut blocks far shorter). */
  constructor(private readonly blockChars = BLOCK_CHARS) {}

  /** One step per block lexed; the result is the whole text's colours. Blocks not in `text` are dropped. */
  *steps(text: string): Generator<void, Int32Array> {
    const kept = new Map<string, Block>();
    const order: Block[] = [];
    let size = 0;
    for (let start = 0; start < text.length; ) {
      const next = text.indexOf(BLOCK_START, start);
      let end = next < 0 ? text.length : next + 1;
      if (end - start > this.blockChars) {
        const line = nextLineStart(text, start + this.blockChars - 1);
        if (line >= 0) end = Math.min(end, line);
      }
      const slice = text.slice(start, end);
      let block = this.blocks.get(slice) ?? kept.get(slice);
      if (!block) {
        block = lexBlock(detached(slice));
        yield;
      }
      kept.set(block.text, block);
      order.push(block);
      size += block.data.length;
      start = end;
    }
    this.blocks = kept;
    // Each block's numbers copied as they are, but for its first token's line: a block starts a
    // line, so that token is never on the line of the token before (the text's first token is
    // placed from 0:0), and only its line is placed anew.
    const out = new Int32Array(size);
    let at = 0;
    let line = 0;
    let prevLine = 0;
    for (const block of order) {
      const d = block.data;
      if (d.length) {
        out.set(d, at);
        out[at] = line + d[0] - prevLine;
        at += d.length;
        prevLine = line + block.lastLine;
      }
      line += block.lines;
    }
    return out;
  }
}

function lexBlock(text: string): Block {
  const tokens = semanticTokens(text);
  const data = new Int32Array(tokens.length * 5);
  let line = 0;
  let character = 0;
  let k = 0;
  for (const t of tokens) {
    data[k++] = t.line - line;
    data[k++] = t.line === line ? t.character - character : t.character;
    data[k++] = t.length;
    data[k++] = t.type;
    k++; // no modifiers
    line = t.line;
    character = t.character;
  }
  return { text, data, lines: lineStarts(text).length - 1, lastLine: line };
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
