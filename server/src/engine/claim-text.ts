// Text edits on claim lines: how an item is written, removed or replaced. Fixes edit claim
// lines (and declarations) only, never administration lines (LANGUAGE.md §1).
import type { Claim, ClaimItem, Span } from "../language/ast.js";
import { lineEndAfter, lineStartBefore } from "../language/line-index.js";
import type { TextEdit } from "./finding.js";

export interface ItemText {
  code: string;
  units: number;
  modifiers: string[];
}

export function formatItem(i: ItemText): string {
  return `${i.code}${i.modifiers.map((m) => `-${m}`).join("")}${i.units > 1 ? ` x${i.units}` : ""}`;
}

/** Merge equal code+modifier entries, keeping first-seen order. */
export function mergeItems(items: ItemText[]): ItemText[] {
  const out: ItemText[] = [];
  for (const i of items) {
    const same = out.find((o) => o.code === i.code && o.modifiers.join("-") === i.modifiers.join("-"));
    if (same) same.units += i.units;
    else out.push({ ...i, modifiers: [...i.modifiers] });
  }
  return out;
}

const isSpace = (c: string | undefined) => c === " " || c === "\t";

/** Replace one claim item with zero or more items, keeping the commas right. */
export function replaceItem(text: string, claim: Claim, item: ClaimItem, replacement: ItemText[]): TextEdit {
  if (replacement.length) return { start: item.span.start, end: item.span.end, newText: replacement.map(formatItem).join(", ") };
  return removeItem(text, claim, item);
}

function removeItem(text: string, claim: Claim, item: ClaimItem): TextEdit {
  let after = item.span.end;
  while (isSpace(text[after])) after++;
  if (text[after] === ",") {
    after++;
    while (isSpace(text[after])) after++;
    return { start: item.span.start, end: after, newText: "" };
  }
  let before = item.span.start;
  while (isSpace(text[before - 1])) before--;
  if (text[before - 1] === ",") return { start: before - 1, end: item.span.end, newText: "" };
  // Alone on a continuation line: remove the whole line.
  const lineStart = lineStartBefore(text, item.span.start);
  const onClaimLine = lineStart <= claim.keywordSpan.start;
  if (!onClaimLine && text.slice(lineStart, item.span.start).trim() === "") {
    const lineEnd = lineEndAfter(text, item.span.end);
    const lineBreak = text.startsWith("\r\n", lineEnd) ? 2 : 1;
    if (text.slice(item.span.end, lineEnd).replace(/#.*/, "").trim() === "") return { start: lineStart, end: Math.min(text.length, lineEnd + lineBreak), newText: "" };
  }
  // The only item after `claim`: leave `claim` alone ("nothing billed").
  let start = item.span.start;
  while (isSpace(text[start - 1])) start--;
  return { start, end: item.span.end, newText: "" };
}

/** Add items at the end of the claim. */
export function appendItems(claim: Claim, items: ItemText[]): TextEdit {
  const last = claim.items[claim.items.length - 1];
  const list = items.map(formatItem).join(", ");
  if (!list) return { start: claim.span.end, end: claim.span.end, newText: "" };
  return last ? { start: last.span.end, end: last.span.end, newText: `, ${list}` } : { start: claim.keywordSpan.end, end: claim.keywordSpan.end, newText: ` ${list}` };
}

/** Rewrite all of a claim's items, in the claim's own layout (one line, or one item per line). */
export function rewriteClaim(text: string, claim: Claim, items: ItemText[]): TextEdit {
  if (!claim.items.length) return appendItems(claim, items);
  const first = claim.items[0];
  const last = claim.items[claim.items.length - 1];
  const region: Span = { start: first.span.start, end: last.span.end };
  const multiline = text.slice(region.start, region.end).includes("\n");
  let sep = ", ";
  if (multiline) {
    const second = claim.items.find((i) => text.slice(first.span.end, i.span.start).includes("\n"))!;
    const lineStart = lineStartBefore(text, second.span.start);
    sep = `\n${text.slice(lineStart, second.span.start)}`;
  }
  return { start: region.start, end: region.end, newText: items.map(formatItem).join(sep) };
}

/** Remove a modifier and the dash before it. */
export function removeModifier(text: string, mod: Span): TextEdit {
  let start = mod.start;
  while (isSpace(text[start - 1])) start--;
  if (text[start - 1] === "-" || text[start - 1] === "\u2013" || text[start - 1] === "\u2014") start--;
  return { start, end: mod.end, newText: "" };
}
