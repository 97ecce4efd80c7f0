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

export function toDiagnostic(doc: Pick<TextDocument, "positionAt" | "uri">, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: SOURCE,
    message: f.denial ? `${f.message} Predicted denial: ${f.denial}.` : f.message,
  };
  if (f.related.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.span) }, message: r.message }));
  if (UNNECESSARY.has(f.rule)) d.tags = [DiagnosticTag.Unnecessary];
  else if (f.rule === "retired-code") d.tags = [DiagnosticTag.Deprecated];
  return d;
}

/**
 * The JSON text of a list from DiagnosticCache, in parts (a part per encounter: the JSON of its
 * diagnostics in ASCII bytes, comma-separated, without brackets), kept on the list for a writer
 * that can send text (json-writer.ts); a non-enumerable property, so the list is still a plain
 * array of diagnostics to everyone else.
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
/** The items' JSON text, without the brackets, as bytes. */
const jsonBytes = (ds: Diagnostic[]) => ENCODER.encode(asciiJson(ds).slice(1, -1));

/** A group's kept diagnostics, for the lines it was converted (or last moved) at. */
interface Kept {
  line: number;
  diagnostics: Diagnostic[];
  /** Their JSON text without the brackets (ASCII bytes), made when first sent and dropped when they move. */
  json?: Uint8Array;
}

/**
 * The diagnostics of a document, converted once per encounter: a keystroke converts the findings
 * of the encounter it changed; an encounter below that gained or lost lines has its diagnostics
 * moved by whole lines (its own text, and so every column in it, is unchanged), and the list is
 * the encounters' lists one after the other (the model says when that is the file's order).
 */
export class DiagnosticCache {
  private readonly byGroup = new WeakMap<Placed, Kept>();
  /** The groups of the last list made group by group, each one's kept diagnostics, and the document's line count then. */
  private last?: { groups: Placed[]; kept: (Kept | undefined)[]; lineCount: number };

  /** `keptJson`: the connection's writer sends lists from their kept JSON text (stdio). */
  constructor(private readonly keptJson = false) {}

  /**
   * Group by group, with `keptJson`, the list also carries its JSON text (JSON_TEXT): each
   * group's text is kept with its diagnostics, so publishing after a keystroke writes out the
   * unchanged encounters' text again instead of encoding 5,000 diagnostics anew.
   */
  diagnostics(doc: Pick<TextDocument, "positionAt" | "uri" | "lineCount">, model: DocumentModel): DiagnosticList {
    const ordered = model.orderedGroups();
    if (!ordered) return this.fileOrder(doc, model);
    const groups = ordered.groups;
    const kept = this.unchanged(doc, groups);
    const out = ordered.head.map((f) => toDiagnostic(doc, f));
    const texts: Uint8Array[] = this.keptJson && out.length ? [jsonBytes(out)] : [];
    for (let i = 0; i < groups.length; i++) {
      if (!groups[i].local.length) continue;
      const k = (kept[i] ??= this.ofGroup(doc, groups[i]));
      for (const d of k.diagnostics) out.push(d);
      if (this.keptJson) texts.push((k.json ??= jsonBytes(k.diagnostics)));
    }
    this.last = { groups: groups.slice(), kept, lineCount: doc.lineCount };
    return this.keptJson ? Object.defineProperty(out, JSON_TEXT, { value: texts }) : out;
  }

  /**
   * The kept diagnostics of the groups that are the same objects as in the last list, by their
   * index now (a keystroke changes one group of thousands; looking each one up and placing it
   * again was most of the list's cost). The groups above the change are where they were; those
   * below it run to the end of the text unchanged, so they moved by as many lines as the
   * document gained. The first of them is placed anew: whether it starts a line depends on the
   * text above it. Undefined entries are made by ofGroup.
   */
  private unchanged(doc: Pick<TextDocument, "positionAt" | "lineCount">, groups: readonly Placed[]): (Kept | undefined)[] {
    const kept = new Array<Kept | undefined>(groups.length);
    const last = this.last;
    if (!last) return kept;
    const n = groups.length;
    const m = last.groups.length;
    let above = 0;
    while (above < n && above < m && groups[above] === last.groups[above]) {
      kept[above] = last.kept[above];
      above++;
    }
    let below = 0;
    while (below < n - above && below < m - above && groups[n - 1 - below] === last.groups[m - 1 - below]) below++;
    const lines = doc.lineCount - last.lineCount;
    for (let i = n - below + 1; i < n; i++) {
      const k = last.kept[i - n + m];
      if (k) moveKept(k, lines);
      kept[i] = k;
    }
    return kept;
  }

  /**
   * The diagnostics of the groups that end by `shown` (the top of a document analysed so far);
   * undefined when the findings cannot be taken group by group (see DocumentModel.orderedGroups).
   */
  top(doc: Pick<TextDocument, "positionAt" | "uri">, model: DocumentModel, shown: number): Diagnostic[] | undefined {
    const ordered = model.orderedGroups();
    if (!ordered) return undefined;
    const out = ordered.head.map((f) => toDiagnostic(doc, f));
    for (const g of ordered.groups) {
      if (g.base + g.length > shown) break;
      if (g.local.length) for (const d of this.ofGroup(doc, g).diagnostics) out.push(d);
    }
    return out;
  }

  /**
   * In the file's order (directives apply, or findings reach outside their group): each finding
   * placed from a group finding takes that finding's kept diagnostic; the others are converted.
   */
  private fileOrder(doc: Pick<TextDocument, "positionAt" | "uri">, model: DocumentModel): Diagnostic[] {
    const kept = new Map<Finding, Diagnostic>();
    for (const g of model.groups) {
      if (!g.contained || !g.local.length) continue;
      const ds = this.ofGroup(doc, g).diagnostics;
      g.local.forEach((f, i) => kept.set(f, ds[i]));
    }
    return model.findings.map((f) => {
      const local = model.localOf(f);
      return (local && kept.get(local)) ?? toDiagnostic(doc, f);
    });
  }

  /**
   * A group's diagnostics: kept, moved by whole lines, or converted from its findings. (It places
   * kept diagnostics anew, so the last list's places are no longer known.)
   */
  private ofGroup(doc: Pick<TextDocument, "positionAt" | "uri">, g: Placed): Kept {
    this.last = undefined;
    const at = doc.positionAt(g.base);
    // A group that does not start a line (an encounter after a U+2028 separator) is not kept:
    // its columns on that line depend on the text before it.
    if (at.character !== 0) return convert(doc, g, at.line);
    const kept = this.byGroup.get(g);
    if (!kept) {
      const made = convert(doc, g, at.line);
      this.byGroup.set(g, made);
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

function convert(doc: Pick<TextDocument, "positionAt" | "uri">, g: Placed, line: number): Kept {
  const inGroup = { uri: doc.uri, positionAt: (offset: number) => doc.positionAt(offset + g.base) };
  return { line, diagnostics: g.local.map((f) => toDiagnostic(inGroup, f)) };
}

function shiftRange(r: Range, lines: number) {
  r.start.line += lines;
  r.end.line += lines;
}
