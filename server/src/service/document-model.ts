// The incremental document model: the text is cut into segments at lines that start with
// `encounter`; each segment is parsed and analysed on its own, in coordinates relative to its
// start, and kept while its text is unchanged. An edit inside one encounter re-derives that
// encounter only (told the edited range, only the touched segments are cut again); the others'
// findings are moved to their new offsets. The result equals analyzeText's (tested).
import { analyzeEncounter, applySeverities, type AnalyzeOptions, type EncounterResult } from "../engine/analyze.js";
import { BUILTIN_DRUGS, withDeclarations, type DrugTable } from "../engine/catalogue.js";
import { applyDirectives } from "../engine/directives.js";
import { makeFinding, type Finding } from "../engine/finding.js";
import { RULE_IDS } from "../engine/rules.js";
import type { Directive, EncounterNode, Fields, FileNode, Span, Statement } from "../language/ast.js";
import { LineIndex } from "../language/line-index.js";
import { buildFile, parseStatements } from "../language/parse.js";

const HEADER_LINE = /^[ \t]*encounter(?![A-Za-z0-9_-])/gim;

/** One encounter's analysis, placed in the file. Spans inside `result` are relative to `base`. */
export interface EncounterView {
  index: number;
  base: number;
  /** The segment text the result's spans point into. */
  text: string;
  result: EncounterResult;
}

interface Piece {
  file: FileNode;
  /** Its first line is an encounter header (else it belongs to the segment above). */
  startsEncounter: boolean;
  /** Every header names its encounter (else names depend on the place in the file). */
  named: boolean;
  /** The source text of its drug declarations. */
  declText: string[];
  /**
   * Results by context key, the latest only: typing in the preamble changes the key of every
   * segment, and keeping the older analyses would add a whole file's worth per keystroke.
   * `base` is the segment start they were computed at.
   */
  results: Map<string, Analysed>;
}

interface Analysed {
  base: number;
  results: EncounterResult[];
  placed?: Placed;
}

/**
 * A segment's findings and views in file coordinates, for one position of the segment. The same
 * object is kept (and moved in place) while the segment's text and context are unchanged, so an
 * editor layer can keep what it derived from the findings (see `groups`).
 */
export interface Placed {
  base: number;
  /** Length of the segment's text: findings within [base, base + length] move with it. */
  length: number;
  firstIndex: number;
  syntax: Finding[];
  claims: Finding[];
  views: EncounterView[];
}

/** The previous text's [start, end) was replaced (the new text's length gives the rest). */
export interface Edit {
  start: number;
  end: number;
}

/**
 * Two edits in a row as one, in the coordinates of the text before the first.
 * `between` is the length of the text after the first edit.
 */
export function composeEdits(first: Edit, second: Edit, before: number, between: number): Edit {
  const inserted = between - (before - (first.end - first.start));
  const toOld = (x: number, inside: number) => (x < first.start ? x : x > first.start + inserted ? x - inserted + (first.end - first.start) : inside);
  return { start: Math.min(first.start, toOld(second.start, first.start)), end: Math.max(first.end, toOld(second.end, first.end)) };
}

interface Segment {
  base: number;
  text: string;
  piece: Piece;
  firstIndex: number;
}

export class DocumentModel {
  private segments: Segment[] = [];
  private preamble: FileNode = emptyFile();
  private whole = false;
  private preText = "";
  text = "";
  views: EncounterView[] = [];
  findings: Finding[] = [];
  /** Each segment's placed findings, in file order (the preamble's own syntax findings are not in any). */
  groups: Placed[] = [];
  drugs: DrugTable = BUILTIN_DRUGS;

  constructor(private options: AnalyzeOptions = {}) {}

  /**
   * Re-analyse after a change of text or options; unchanged encounters come from the cache.
   * `edit`, when known, is the part of the previous text that was replaced: only the segments it
   * touches are cut again, the others move (a keystroke in a large file stays cheap).
   */
  update(text: string, options: AnalyzeOptions = this.options, edit?: Edit): this {
    const steps = this.updateSteps(text, options, edit);
    while (!steps.next().done);
    return this;
  }

  /**
   * update() one encounter at a time: each step parses or analyses one segment, so a caller can
   * yield between steps (the language server answers other requests meanwhile). Abandoning the
   * steps part-way is safe: what was done is kept as cache, and the next update starts over.
   */
  *updateSteps(text: string, options: AnalyzeOptions = this.options, edit?: Edit): Generator<void, void> {
    if (edit && options === this.options && (yield* this.local(text, edit))) {
      yield* this.analyse();
      return;
    }
    const old = options === this.options ? this.segments : [];
    this.options = options;
    this.text = text;
    // An edit changes a few segments in place: walk the old list alongside the new one and take
    // an old segment whose text is unchanged (compared in place: no slicing, no hashing).
    // Each old piece is taken at most once (its placed output is moved in place).
    let k = 0;
    let used = -1;
    const piece = (start: number, end: number): { text: string; piece: Piece } => {
      const fits = (j: number) => j > used && old[j] !== undefined && old[j].text.length === end - start && text.startsWith(old[j].text, start);
      const j = fits(k) ? k : fits(k + 1) ? k + 1 : fits(k - 1) ? k - 1 : -1;
      if (j >= 0) used = j;
      k = j < 0 ? k + 1 : j + 1;
      if (j >= 0) return old[j];
      const t = text.slice(start, end);
      return { text: t, piece: makePiece(t, options) };
    };

    const cuts = split(text);
    // A header line that does not parse as a header belongs to the encounter above it.
    const segs: { base: number; text: string }[] = [];
    const pieces: (Piece | undefined)[] = [];
    for (let i = 0; i < cuts.length; i++) {
      const end = cuts[i + 1] ?? text.length;
      if (i === 0) {
        segs.push({ base: 0, text: text.slice(0, end) });
        pieces.push(undefined);
        continue;
      }
      const got = piece(cuts[i], end);
      yield;
      if (!got.piece.startsEncounter) {
        segs[segs.length - 1].text += got.text;
        pieces[segs.length - 1] = undefined;
      } else {
        segs.push({ base: cuts[i], text: got.text });
        pieces.push(got.piece);
      }
    }
    this.preText = segs[0].text;
    const parsed = parseStatements(this.preText);
    this.whole = segs.length === 1 || parsed.statements.some((st) => st.kind === "encounter");
    if (this.whole) {
      this.preamble = emptyFile();
      this.preText = "";
      k = 0;
      used = -1;
      this.segments = [{ base: 0, text, piece: piece(0, text.length).piece, firstIndex: 0 }];
    } else {
      // A stand-in header after the preamble: its statements are then checked as a file with headers.
      const at = { start: this.preText.length, end: this.preText.length };
      const stand: Statement = { kind: "encounter", fields: [], keywordSpan: at, span: at };
      this.preamble = buildFile([...parsed.statements, stand], parsed.errors, {}, parsed.directives);
      let index = 0;
      this.segments = [];
      for (let i = 1; i < segs.length; i++) {
        if (!pieces[i]) yield;
        const seg: Segment = { base: segs[i].base, text: segs[i].text, piece: pieces[i] ?? makePiece(segs[i].text, this.options), firstIndex: index };
        index += seg.piece.file.encounters.length;
        this.segments.push(seg);
      }
    }
    yield* this.analyse();
  }

  /** The edit confined to encounter segments: re-cut those it touches. False: do it all. */
  private *local(text: string, edit: Edit): Generator<void, boolean> {
    const old = this.segments;
    const delta = text.length - this.text.length;
    if (this.whole || !old.length || edit.start < old[0].base + 1 || edit.end > this.text.length || edit.start > edit.end) return false;
    const containing = (o: number) => {
      let lo = 0;
      let hi = old.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (old[mid].base <= o) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    // One segment more on the left: an edit at the start of a header line can merge it upwards.
    const a = Math.max(0, containing(edit.start) - 1);
    const b = containing(edit.end);
    const from = old[a].base;
    const to = (old[b + 1]?.base ?? this.text.length) + delta;
    const region = text.slice(from, to);
    const cuts = split(region);
    if (cuts[1] !== 0) return false; // the region no longer starts with a header
    const fresh: Segment[] = [];
    for (let i = 1; i < cuts.length; i++) {
      const t = region.slice(cuts[i], cuts[i + 1] ?? region.length);
      const piece = makePiece(t, this.options);
      yield;
      if (!piece.startsEncounter && fresh.length) {
        const last = fresh[fresh.length - 1];
        last.text += t;
        last.piece = makePiece(last.text, this.options);
      } else if (!piece.startsEncounter) return false; // the region no longer starts with a header
      else fresh.push({ base: from + cuts[i], text: t, piece, firstIndex: 0 });
    }
    const after = old.slice(b + 1);
    for (const seg of after) seg.base += delta;
    this.segments = [...old.slice(0, a), ...fresh, ...after];
    let index = 0;
    for (const seg of this.segments) {
      seg.firstIndex = index;
      index += seg.piece.file.encounters.length;
    }
    this.text = text;
    return true;
  }

  private *analyse(): Generator<void, void> {
    const decls = [...this.preamble.drugs];
    const declText: string[] = [];
    for (const seg of this.segments) {
      if (!seg.piece.declText.length) continue;
      decls.push(...seg.piece.file.drugs);
      declText.push(...seg.piece.declText);
    }
    const contextKey = `${this.preText}\u0000${declText.join("\n")}`;
    this.drugs = withDeclarations(this.options.drugs ?? BUILTIN_DRUGS, decls);
    const syntax: Finding[] = [];
    const claims: Finding[] = [];
    this.views = [];
    this.groups = [];
    for (const e of this.preamble.errors) if (e.encounter === undefined) syntax.push(makeFinding("syntax", e.span, e.message, null));
    for (const seg of this.segments) {
      const file = seg.piece.file;
      const key = !this.whole && !seg.piece.named ? `${contextKey}\u0000${seg.firstIndex}` : contextKey;
      let cached = seg.piece.results.get(key);
      if (!cached) {
        const defaults = this.whole ? file.defaults : shiftFields(this.preamble.defaults, -seg.base);
        const view: FileNode = { ...file, defaults };
        const results = file.encounters.map((enc) => analyzeEncounter(this.whole || headerNamed(seg.text, enc) ? enc : { ...enc, name: `Encounter ${seg.firstIndex + enc.index + 1}` }, view, seg.text, this.drugs, this.options));
        cached = { base: seg.base, results };
        seg.piece.results.clear();
        seg.piece.results.set(key, cached);
        yield;
      }
      // Placed output is kept while the segment stays where it is (everything above an edit).
      if (!cached.placed) cached.placed = place(seg, cached.base, cached.results, this.whole);
      else move(cached.placed, seg);
      this.groups.push(cached.placed);
      for (const f of cached.placed.syntax) syntax.push(f);
      for (const f of cached.placed.claims) claims.push(f);
      for (const v of cached.placed.views) this.views.push(v);
    }
    // Rule severities as analyzeFile applies them (syntax lines too): before the directives, and on what they add.
    const severities = this.options.severities;
    const merged = applySeverities([...syntax, ...claims], severities);
    const directives = this.directives();
    this.findings = applySeverities(directives.length ? applyDirectives(directives, this.text, merged, { knownRules: RULE_IDS, reportUnused: this.options.reportUnusedDisableDirectives }) : merged, severities)
      .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }

  /** Every directive of the document in file coordinates (the same ones analyzeText applies). */
  private directives(): Directive[] {
    const out = [...this.preamble.directives];
    for (const seg of this.segments) {
      for (const d of seg.piece.file.directives) out.push({ ...d, span: shiftSpan(d.span, seg.base), rules: d.rules.map((r) => ({ ...r, span: shiftSpan(r.span, seg.base) })) });
    }
    if (out.length && this.segments.length > 1) {
      const lines = new LineIndex(this.text);
      for (const d of out) d.line = lines.position(d.span.start).line;
    }
    return out;
  }

  /** The encounter whose segment holds `offset` (the nearest one above it), if any. */
  viewAt(offset: number): EncounterView | undefined {
    let found = this.whole ? this.views[0] : undefined;
    for (const v of this.views) {
      if (v.base + v.result.node.headerSpan.start <= offset) found = v;
      else break;
    }
    return found;
  }

  /** Preamble fields and declarations (file coordinates). */
  get fileDefaults(): Fields {
    return this.preamble.defaults;
  }
}

function split(text: string): number[] {
  const cuts = [0];
  HEADER_LINE.lastIndex = 0;
  for (let m = HEADER_LINE.exec(text); m; m = HEADER_LINE.exec(text)) cuts.push(m.index);
  return cuts;
}

const firstNewline = (t: string) => {
  const i = t.search(/[\r\n]/);
  return i < 0 ? t.length : i;
};

const emptyFile = (): FileNode => ({ encounters: [], defaults: {}, drugs: [], errors: [], directives: [] });

const FIELD_WORDS = /^(setting|pos|payer|bsa|weight|date|primary)$/i;

/** Whether the header gives a name (else the name depends on the encounter's place in the file). */
function headerNamed(text: string, enc: EncounterNode): boolean {
  if (enc.implicit) return true;
  const m = /^encounter[ \t]+("|[A-Za-z0-9][\w-]*)/i.exec(text.slice(enc.headerSpan.start, enc.headerSpan.end));
  return !!m && !FIELD_WORDS.test(m[1]);
}

function place(seg: Segment, analysedAt: number, results: EncounterResult[], whole: boolean): Placed {
  const d = seg.base;
  // Negative spans point into the preamble (file defaults), at the base the analysis was made at.
  const at = (sp: Span): Span => (sp.start < 0 ? { start: sp.start + analysedAt, end: sp.end + analysedAt } : { start: sp.start + d, end: sp.end + d });
  const placed: Placed = { base: d, length: seg.text.length, firstIndex: seg.firstIndex, syntax: [], claims: [], views: [] };
  for (const e of seg.piece.file.errors) {
    if (whole || e.encounter !== undefined) placed.syntax.push(makeFinding("syntax", at(e.span), e.message, e.encounter === undefined ? null : e.encounter + seg.firstIndex));
  }
  results.forEach((result, i) => {
    placed.views.push({ index: seg.firstIndex + i, base: d, text: seg.text, result });
    for (const f of result.findings) placed.claims.push(shiftFinding(f, at, seg.firstIndex + i));
  });
  return placed;
}

/** Moves a placed segment to its new start, in place: an edit above shifts everything below it. */
function move(p: Placed, seg: Segment) {
  const d = seg.base - p.base;
  const di = seg.firstIndex - p.firstIndex;
  if (!d && !di) return;
  // Spans before the segment point into the preamble and stay where they are.
  const shift = (s: { start: number; end: number }) => {
    if (s.start >= p.base) {
      s.start += d;
      s.end += d;
    }
  };
  for (const f of p.syntax) shift(f.span);
  for (const f of p.claims) {
    shift(f.span);
    for (const r of f.related) shift(r.span);
    for (const e of f.fix?.edits ?? []) shift(e);
    if (f.encounter !== null) f.encounter += di;
  }
  for (const f of p.syntax) if (f.encounter !== null) f.encounter += di;
  for (const v of p.views) {
    v.base = seg.base;
    v.index += di;
  }
  p.base = seg.base;
  p.firstIndex = seg.firstIndex;
}

function makePiece(text: string, options: AnalyzeOptions): Piece {
  const parsed = parseStatements(text);
  const file = buildFile(parsed.statements, parsed.errors, { fileName: options.fileName }, parsed.directives);
  const first = file.encounters[0];
  return {
    file,
    startsEncounter: !!first && !first.implicit && first.headerSpan.start < firstNewline(text),
    named: file.encounters.every((e) => headerNamed(text, e)),
    declText: file.drugs.map((d) => text.slice(d.span.start, d.span.end)),
    results: new Map(),
  };
}

function shiftSpan(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

/** A copy of the preamble's fields with every span moved by `d` (objects of exactly {start, end}). */
function shiftFields(fields: Fields, d: number): Fields {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== "object") return v;
    const keys = Object.keys(v);
    if (keys.length === 2 && "start" in v && "end" in v) return shiftSpan(v as Span, d);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return walk(fields) as Fields;
}

function shiftFinding(f: Finding, place: (s: Span) => Span, encounter: number): Finding {
  return {
    ...f,
    encounter,
    span: place(f.span),
    related: f.related.map((r) => ({ ...r, span: place(r.span) })),
    fix: f.fix && { title: f.fix.title, edits: f.fix.edits.map((e) => ({ ...place(e), newText: e.newText })) },
  };
}
