// The colours (semantic tokens) of each open document: kept block by block between requests, so
// that after an edit only the edited block is lexed again (ColourBlocks), and kept as last sent,
// so that the answer can be the change from it (LSP's semantic tokens delta). The editor asks
// again after every edit; on 10,000 encounters the whole answer is 1.2 million numbers (2.5 MB of
// JSON), the change after a keystroke a few.
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from "vscode-languageserver";
import { ColourBlocks } from "../service/semantic-tokens.js";

interface Kept {
  blocks: ColourBlocks;
  sent?: { id: string; data: Int32Array };
}

/**
 * A whole answer's numbers, kept on it for a writer that can send them as they are (json-writer.ts):
 * 1.2 million numbers made into an array and then into JSON text took 85 ms and 35 MB of memory,
 * written straight from the kept numbers 8 ms and none. Not enumerable: to everyone else the
 * answer is a plain one, whose `data` is made when first read.
 */
export const NUMBERS = Symbol("semantic tokens as numbers");
export type ColoursAnswer = SemanticTokens & { readonly [NUMBERS]?: Int32Array };

export class Colours {
  private readonly docs = new Map<string, Kept>();
  /** Answer ids: a count, never repeated while the server runs (a clock time can repeat within a millisecond). */
  private count = 0;

  /** `keptNumbers`: the connection's writer sends whole answers from their numbers (stdio). */
  constructor(private readonly keptNumbers = false) {}

  /** The colours of `text`, the text of `uri`, a block per step. */
  steps(uri: string, text: string): Generator<void, Int32Array> {
    let kept = this.docs.get(uri);
    if (!kept) this.docs.set(uri, (kept = { blocks: new ColourBlocks() }));
    return kept.blocks.steps(text);
  }

  /**
   * The answer for the colours `data`: the change from `previousResultId` when that is the answer
   * last sent for `uri` (the one the editor holds), else the whole list.
   */
  answer(uri: string, data: Int32Array, previousResultId?: string): SemanticTokens | SemanticTokensDelta {
    const kept = this.docs.get(uri);
    if (!kept) return this.whole(data);
    const before = kept.sent;
    const resultId = String(++this.count);
    kept.sent = { id: resultId, data };
    return before && before.id === previousResultId ? { resultId, edits: change(before.data, data) } : this.whole(data, resultId);
  }

  private whole(data: Int32Array, resultId?: string): ColoursAnswer {
    const answer = resultId === undefined ? {} : { resultId };
    if (!this.keptNumbers) return { ...answer, data: Array.from(data) };
    let list: number[] | undefined;
    Object.defineProperty(answer, "data", { enumerable: true, get: () => (list ??= Array.from(data)) });
    return Object.defineProperty(answer as SemanticTokens, NUMBERS, { value: data });
  }

  forget(uri: string): void {
    this.docs.delete(uri);
  }
}

/** The edit that turns `before` into `after`: what lies between the numbers they begin and end with alike (none when equal). */
export function change(before: ArrayLike<number>, after: Int32Array): SemanticTokensEdit[] {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  if (start === before.length && start === after.length) return [];
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [{ start, deleteCount: before.length - start - end, data: Array.from(after.subarray(start, after.length - end)) }];
}
