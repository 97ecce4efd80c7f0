// Offsets ↔ LSP positions, and findings → diagnostics (kept per encounter between keystrokes).
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../engine/finding.js";
import type { Span } from "../language/ast.js";
import type { DocumentModel, Placed } from "../service/document-model.js";

export const SOURCE = "encounter-lint";

export const toRange = (doc: Pick<TextDocument, "positionAt">, s: Span): Range => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;
/** Lines the fix removes are "unnecessary" (drawn faded); a retired code is "deprecated". */
const UNNECESSARY = new Set(["unsupported-code", "not-reportable", "facility-only", "modifier-not-needed"]);

/** `related`: the client reads related information (LSP: `publishDiagnostics.relatedInformation`); without it none is sent. */
export function toDiagnostic(doc: Pick<TextDocument, "positionAt" | "uri">, f: Finding, related = true): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: SOURCE,
    message: f.denial ? `${f.message} Predicted denial: ${f.denial}.` : f.message,
  };
  if (related && f.related.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.span) }, message: r.message }));
  if (UNNECESSARY.has(f.rule)) d.tags = [DiagnosticTag.Unnecessary];
  else if (f.rule === "retired-code") d.tags = [DiagnosticTag.Deprecated];
  return d;
}

/**
 * The JSON text of a list from DiagnosticCache: the items without the brackets, in ASCII bytes,
 * as runs of bytes to be written one after the other. It is kept on the list for a writer that
 * can send text (json-writer.ts); a non-enumerable property, so the list is still a plain array
 * of diagnostics to everyone else.
 */
export const JSON_TEXT = Symbol("diagnostics as JSON text");
export type DiagnosticList = Diagnostic[] & { readonly [JSON_TEXT]?: readonly Uint8Array[] };

/**
 * JSON text in ASCII only (every other character as a \u escape, which JSON reads back as the
 * same character): encoding and decoding ASCII is a fast path on both sides of the connection,
 * and one "×" or "→" in a message would otherwise make a whole published list two-byte text.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const ENCODER = new TextEncoder();
/** The items' JSON text, without the brackets, and a comma after them, as bytes. */
const jsonBytes = (ds: Diagnostic[]) => ENCODER.encode(`${asciiJson(ds).slice(1, -1)},`);

/** A group's kept diagnostics, for the lines it was converted (or last moved) at. */
interface Kept {
  line: number;
  diagnostics: Diagnostic[];
  /** Their JSON text and a comma (ASCII bytes), made when first sent and dropped when they move. */
  json?: Uint8Array;
}

/**
 * The last list made group by group, so the next one takes over what did not change. Per group
 * (index i), where its diagnostics start in `out` (after the head's) and where its bytes start
 * in `bytes`; entry n is the end. The bytes are each group's JSON and a comma, in runs of bytes
 * that are never written to again (a list still being sent holds views of them).
 */
interface LastList {
  groups: Placed[];
  /** Each group's `shown` list the kept diagnostics are of (what directives leave can change while the group stays). */
  shown: Finding[][];
  kept: (Kept | undefined)[];
  lineCount: number;
  head: number;
  out: Diagnostic[];
  starts: Uint32Array;
  bytes: Uint8Array[];
  byteStarts: Uint32Array;
}

/** More runs of bytes than this in a list, and they are copied into one (an edit adds two or three). */
const MAX_RUNS = 64;

/**
 * The list's runs of bytes copied into one; each group's text becomes a view of it (an edit far
 * from the others, as with several cursors, takes the groups between from their own text).
 */
function compact(list: LastList) {
  const bytes = Buffer.concat(list.bytes, list.byteStarts[list.groups.length]);
  list.bytes = [bytes];
  list.kept.forEach((k, i) => {
    if (k) k.json = bytes.subarray(list.byteStarts[i], list.byteStarts[i + 1]);
  });
}

/**
 * The diagnostics of a document, converted once per encounter: a keystroke converts the findings
 * of the encounter it changed; an encounter below that gained or lost lines has its diagnostics
 * moved by whole lines (its own text, and so every column in it, is unchanged), and the list is
 * the encounters' lists one after the other (the model says when that is the file's order).
 */
export class DiagnosticCache {
  /** Kept by the group's `shown` list: the same list, the same findings (a group's list changes when directives above it do). */
  private byShown = new WeakMap<Finding[], Kept>();
  private last?: LastList;

  /**
   * `keptJson`: the connection's writer sends lists from their kept JSON text (stdio). `related`:
   * the client reads related information (toDiagnostic).
   */
  constructor(
    private readonly keptJson = false,
    private readonly related = true,
  ) {}

  /**
   * Group by group. A keystroke changes one group of thousands, and the list (with `keptJson`,
   * its JSON text too, JSON_TEXT) is the last one with that group's part spliced in: the groups
   * above it and below it are taken over as runs, without visiting each (visiting 10,000 groups
   * scattered in memory, and writing 5,000 separate texts, was most of a keystroke's cost).
   * The groups below the change run to the end of the text unchanged, so they moved by as many
   * lines as the document gained; when that is not none, each is moved and its text made again.
   * (Every group starts a line: DocumentModel cuts segments at line starts only.)
   */
  diagnostics(doc: Pick<TextDocument, "positionAt" | "uri" | "lineCount">, model: DocumentModel): DiagnosticList {
    const ordered = model.orderedGroups();
    if (!ordered) return this.fileOrder(doc, model);
    const groups = ordered.groups;
    const last = this.last;
    const n = groups.length;
    const m = last?.groups.length ?? 0;
    const same = (i: number, j: number) => groups[i] === last!.groups[j] && groups[i].shown === last!.shown[j];
    let above = 0;
    while (above < n && above < m && same(above, above)) above++;
    let below = 0;
    while (below < n - above && below < m - above && same(n - 1 - below, m - 1 - below)) below++;
    const lines = last ? doc.lineCount - last.lineCount : 0;
    /** Groups at the end taken over as they were. */
    const tail = lines === 0 ? below : 0;

    const out = ordered.head.map((f) => toDiagnostic(doc, f, this.related));
    const list: LastList = { groups: groups.slice(), shown: groups.map((g) => g.shown), kept: new Array(n), lineCount: doc.lineCount, head: out.length, out, starts: new Uint32Array(n + 1), bytes: [], byteStarts: new Uint32Array(n + 1) };
    if (last && above) takeOver(last, 0, above, list, 0);
    let count = list.starts[above];
    let size = list.byteStarts[above];
    for (let i = above; i < n - tail; i++) {
      list.starts[i] = count;
      list.byteStarts[i] = size;
      const g = groups[i];
      if (!g.local.length) continue;
      const before = i >= n - below ? last!.kept[i - n + m] : undefined;
      if (before) moveKept(before, lines);
      const k = (list.kept[i] = before ?? this.ofGroup(doc, g));
      if (!k.diagnostics.length) continue; // each of its findings silenced
      for (const d of k.diagnostics) out.push(d);
      count += k.diagnostics.length;
      if (!this.keptJson) continue;
      const json = (k.json ??= jsonBytes(k.diagnostics));
      list.bytes.push(json);
      size += json.length;
    }
    list.starts[n - tail] = count;
    list.byteStarts[n - tail] = size;
    if (tail) takeOver(last!, m - tail, m, list, n - tail);
    this.last = list;
    if (!this.keptJson) return out;
    if (list.bytes.length > MAX_RUNS) compact(list);
    // The head's text, then the groups', without the last comma.
    const texts = list.head ? [jsonBytes(out.slice(0, list.head)), ...list.bytes] : [...list.bytes];
    const lastRun = texts.pop();
    if (lastRun && lastRun.length > 1) texts.push(lastRun.subarray(0, lastRun.length - 1));
    return Object.defineProperty(out, JSON_TEXT, { value: texts });
  }

  /**
   * The diagnostics of the groups that end by `shown` (the top of a document analysed so far);
   * undefined when the findings cannot be taken group by group (see DocumentModel.orderedGroups).
   */
  top(doc: Pick<TextDocument, "positionAt" | "uri">, model: DocumentModel, shown: number): Diagnostic[] | undefined {
    const ordered = model.orderedGroups();
    if (!ordered) return undefined;
    const out = ordered.head.map((f) => toDiagnostic(doc, f, this.related));
    for (const g of ordered.groups) {
      if (g.base + g.length > shown) break;
      if (g.local.length) for (const d of this.ofGroup(doc, g).diagnostics) out.push(d);
    }
    return out;
  }

  /**
   * In the file's order (directives apply, or findings reach outside their group): each finding
   * placed from a group finding takes that finding's kept diagnostic; the others are converted.
   * (What a group's kept diagnostics leave out, a directive silences here too, or it is converted.)
   */
  private fileOrder(doc: Pick<TextDocument, "positionAt" | "uri">, model: DocumentModel): Diagnostic[] {
    const kept = new Map<Finding, Diagnostic>();
    for (const g of model.groups) {
      if (!g.contained || !g.local.length) continue;
      const ds = this.ofGroup(doc, g).diagnostics;
      g.shown.forEach((f, i) => kept.set(f, ds[i]));
    }
    return model.findings.map((f) => {
      const local = model.localOf(f);
      return (local && kept.get(local)) ?? toDiagnostic(doc, f, this.related);
    });
  }

  /**
   * A group's diagnostics: kept, moved by whole lines, or converted from its findings. (It places
   * kept diagnostics anew, so the last list's places are no longer known.)
   */
  private ofGroup(doc: Pick<TextDocument, "positionAt" | "uri">, g: Placed): Kept {
    this.last = undefined;
    const at = doc.positionAt(g.base);
    const kept = this.byShown.get(g.shown);
    if (!kept) {
      const made = convert(doc, g, at.line, this.related);
      this.byShown.set(g.shown, made);
      return made;
    }
    moveKept(kept, at.line - kept.line);
    return kept;
  }
}

/** Kept diagnostics moved down by `lines` (up if negative); their JSON text is made again when sent. */
function moveKept(kept: Kept, lines: number) {
  if (!lines) return;
  for (const d of kept.diagnostics) {
    shiftRange(d.range, lines);
    for (const r of d.relatedInformation ?? []) shiftRange(r.location.range, lines);
  }
  kept.line += lines;
  kept.json = undefined;
}

/**
 * Groups [from, to) of the last list, taken over into `list` as its groups from `at` on (`list`
 * holds the groups before them): their kept diagnostics, their diagnostics, their bytes as runs.
 */
function takeOver(last: LastList, from: number, to: number, list: LastList, at: number) {
  const count = list.starts[at] - last.starts[from];
  const size = list.byteStarts[at] - last.byteStarts[from];
  for (let j = from; j < to; j++) list.kept[j + at - from] = last.kept[j];
  for (let j = from; j <= to; j++) {
    list.starts[j + at - from] = last.starts[j] + count;
    list.byteStarts[j + at - from] = last.byteStarts[j] + size;
  }
  const out = list.out;
  for (let d = last.head + last.starts[from], end = last.head + last.starts[to]; d < end; d++) out.push(last.out[d]);
  // The runs of bytes that cover [start, end) of the last list's bytes, cut where needed.
  const start = last.byteStarts[from];
  const end = last.byteStarts[to];
  let offset = 0;
  for (const run of last.bytes) {
    const next = offset + run.length;
    if (next > start && offset < end) list.bytes.push(offset >= start && next <= end ? run : run.subarray(Math.max(start, offset) - offset, Math.min(end, next) - offset));
    offset = next;
    if (offset >= end) break;
  }
}

function convert(doc: Pick<TextDocument, "positionAt" | "uri">, g: Placed, line: number, related: boolean): Kept {
  const inGroup = { uri: doc.uri, positionAt: (offset: number) => doc.positionAt(offset + g.base) };
  return { line, diagnostics: g.shown.map((f) => toDiagnostic(inGroup, f, related)) };
}

function shiftRange(r: Range, lines: number) {
  r.start.line += lines;
  r.end.line += lines;
}
