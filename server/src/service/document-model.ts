// The incremental document model: the text is cut into segments at lines that start with
// `encounter`; each segment is parsed and analysed on its own, in coordinates relative to its
// start, and cached by its text. An edit inside one encounter re-derives that encounter only;
// the results are shifted to file offsets on output. The result equals analyzeText's (tested).
import { analyzeEncounter, type AnalyzeOptions, type EncounterResult } from "../engine/analyze.js";
import { BUILTIN_DRUGS, withDeclarations, type DrugTable } from "../engine/catalogue.js";
import { makeFinding, type Finding } from "../engine/finding.js";
import type { EncounterNode, Fields, FileNode, Span, Statement } from "../language/ast.js";
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
  /** Results by context key; `base` is the segment start they were computed at. */
  results: Map<string, { base: number; results: EncounterResult[] }>;
}

interface Segment {
  base: number;
  text: string;
  piece: Piece;
  firstIndex: number;
}

export class DocumentModel {
  private pieces = new Map<string, Piece>();
  private segments: Segment[] = [];
  private preamble: FileNode = emptyFile();
  private whole = false;
  private preText = "";
  text = "";
  views: EncounterView[] = [];
  findings: Finding[] = [];
  drugs: DrugTable = BUILTIN_DRUGS;

  constructor(private options: AnalyzeOptions = {}) {}

  /** Re-analyse after a change of text or options; unchanged encounters come from the cache. */
  update(text: string, options: AnalyzeOptions = this.options): this {
    if (options !== this.options) this.pieces.clear();
    this.options = options;
    this.text = text;
    const previous = this.pieces;
    this.pieces = new Map();
    const piece = (t: string): Piece => {
      let p = this.pieces.get(t) ?? previous.get(t);
      if (!p) {
        const parsed = parseStatements(t);
        p = { file: buildFile(parsed.statements, parsed.errors, { fileName: options.fileName }), results: new Map() };
      }
      this.pieces.set(t, p);
      return p;
    };

    const cuts = split(text);
    // A header line that does not parse as a header belongs to the encounter above it.
    const segs: { base: number; text: string }[] = [];
    for (let i = 0; i < cuts.length; i++) {
      const t = text.slice(cuts[i], cuts[i + 1] ?? text.length);
      const first = i > 0 ? piece(t).file : undefined;
      const startsEncounter = first && first.encounters.length > 0 && !first.encounters[0].implicit && first.encounters[0].headerSpan.start < firstNewline(t);
      if (i > 0 && !startsEncounter) segs[segs.length - 1].text += t;
      else segs.push({ base: cuts[i], text: t });
    }
    this.preText = segs[0].text;
    const parsed = parseStatements(this.preText);
    this.whole = segs.length === 1 || parsed.statements.some((st) => st.kind === "encounter");
    if (this.whole) {
      this.preamble = emptyFile();
      this.preText = "";
      this.segments = [{ base: 0, text, piece: piece(text), firstIndex: 0 }];
    } else {
      // A stand-in header after the preamble: its statements are then checked as a file with headers.
      const at = { start: this.preText.length, end: this.preText.length };
      const stand: Statement = { kind: "encounter", fields: [], keywordSpan: at, span: at };
      this.preamble = buildFile([...parsed.statements, stand], parsed.errors);
      let index = 0;
      this.segments = segs.slice(1).map((s) => {
        const seg = { ...s, piece: piece(s.text), firstIndex: index };
        index += seg.piece.file.encounters.length;
        return seg;
      });
    }
    this.analyse();
    return this;
  }

  private analyse() {
    const decls = [...this.preamble.drugs.map((d) => ({ d, t: this.preText })), ...this.segments.flatMap((s) => s.piece.file.drugs.map((d) => ({ d, t: s.text })))];
    const declKey = decls.map(({ d, t }) => t.slice(d.span.start, d.span.end)).join("\n");
    const contextKey = `${this.preText}\u0000${declKey}`;
    this.drugs = withDeclarations(this.options.drugs ?? BUILTIN_DRUGS, decls.map((x) => x.d));
    const syntax: Finding[] = [];
    const claims: Finding[] = [];
    this.views = [];
    for (const e of this.preamble.errors) if (e.encounter === undefined) syntax.push(makeFinding("syntax", e.span, e.message, null));
    for (const seg of this.segments) {
      const file = seg.piece.file;
      const key = !this.whole && file.encounters.some((e) => !headerNamed(seg.text, e)) ? `${contextKey}\u0000${seg.firstIndex}` : contextKey;
      let cached = seg.piece.results.get(key);
      if (!cached) {
        const defaults = this.whole ? file.defaults : shiftFields(this.preamble.defaults, -seg.base);
        const view: FileNode = { ...file, defaults };
        const results = file.encounters.map((enc) => analyzeEncounter(this.whole || headerNamed(seg.text, enc) ? enc : { ...enc, name: `Encounter ${seg.firstIndex + enc.index + 1}` }, view, seg.text, this.drugs, this.options));
        cached = { base: seg.base, results };
        seg.piece.results.set(key, cached);
      }
      const d = seg.base;
      const pre = cached.base;
      const place = (sp: Span): Span => (sp.start < 0 ? { start: sp.start + pre, end: sp.end + pre } : { start: sp.start + d, end: sp.end + d });
      for (const e of file.errors) {
        if (this.whole || e.encounter !== undefined) syntax.push(makeFinding("syntax", place(e.span), e.message, e.encounter === undefined ? null : e.encounter + seg.firstIndex));
      }
      cached.results.forEach((result, i) => {
        this.views.push({ index: seg.firstIndex + i, base: d, text: seg.text, result });
        for (const f of result.findings) claims.push(shiftFinding(f, place, seg.firstIndex + i));
      });
    }
    this.findings = [...syntax, ...claims].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
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

const emptyFile = (): FileNode => ({ encounters: [], defaults: {}, drugs: [], errors: [] });

const FIELD_WORDS = /^(setting|pos|payer|bsa|weight|date|primary)$/i;

/** Whether the header gives a name (else the name depends on the encounter's place in the file). */
function headerNamed(text: string, enc: EncounterNode): boolean {
  if (enc.implicit) return true;
  const m = /^encounter[ \t]+("|[A-Za-z0-9][\w-]*)/i.exec(text.slice(enc.headerSpan.start, enc.headerSpan.end));
  return !!m && !FIELD_WORDS.test(m[1]);
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
