// The incremental document model: the text is cut into segments at lines that start with
// `encounter`; each segment is parsed and analysed on its own, in coordinates relative to its
// start, and kept while its text is unchanged. An edit inside one encounter re-derives that
// encounter only (told the edited range, only the touched segments are cut again); the others
// keep their analysis in their own coordinates and only move. The result equals analyzeText's
// (tested).
import { analyzeEncounter, applySeverities, byPlace, type AnalyzeOptions, type EncounterResult } from "../engine/analyze.js";
import { BUILTIN_DRUGS, withDeclarations, type DrugTable } from "../engine/catalogue.js";
import { formatItem } from "../engine/claim-text.js";
import { derive } from "../engine/derive.js";
import type { Derivation } from "../engine/derive/types.js";
import { applyDirectives, NOTHING_CARRIED, sameCarried, silenceInPiece, splitDirectives, type Carried } from "../engine/directives.js";
import { makeFinding, type Finding, type Fix } from "../engine/finding.js";
import { RULE_IDS } from "../engine/rules.js";
import type { Directive, EncounterNode, Fields, FileNode, Span, Statement } from "../language/ast.js";
import { LineIndex } from "../language/line-index.js";
import { buildFile, parseStatements } from "../language/parse.js";
import { runToEnd } from "../language/steps.js";
// Segments keep their own copy of their text (`detached`): they outlive the document version they
// were cut from, and a slice would keep that whole version alive.
import { detached, type TextSource } from "./chunked-text.js";

/** A line that starts with `encounter`: a line as the language reads it, after \n or \r (a U+2028 ends no line: a comment runs on past it). */
const HEADER_LINE = /(?<![^\r\n])[ \t]*encounter(?![A-Za-z0-9_-])/gi;

/**
 * One encounter's analysis, placed in the file. Spans inside `result` are relative to `base`.
 * `result.derivation` is derived again when asked (see `compact`); what the features over the
 * whole document read of it is in `summary`.
 */
export interface EncounterView {
  readonly index: number;
  readonly base: number;
  /** The segment text the result's spans point into. */
  readonly text: string;
  readonly result: EncounterResult;
  readonly summary: EncounterSummary;
}

/** What code lenses, the outline and the derived-claim request read of every encounter. */
export interface EncounterSummary {
  /** The derived claim's items as written on a claim line ("96413", "96415 x3"). */
  readonly derivedItems: string[];
  /** The classification of each administration of the encounter node (push, infusion...), in order. */
  classifications: (string | undefined)[];
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
   * Its analysis and the context key it was made in, the latest only: typing in the preamble
   * changes the key of every segment, and keeping the older analyses would add a whole file's
   * worth per keystroke. (A field, not a map of one entry: a Map per encounter was about 3 MB in
   * two 10,000-encounter files.)
   */
  analysed?: { key: string; value: Analysed };
}

interface Analysed {
  /** The segment start the analysis was made at. */
  base: number;
  results: EncounterResult[];
  summaries: EncounterSummary[];
  placed?: Group;
}

/**
 * A segment's findings and views. The findings stay in the segment's own coordinates, so a
 * keystroke above it only moves `base` (moving every finding below an edit was the cost of a
 * keystroke in a large file); `findings` places them in the file when someone asks. The same
 * object is kept while the segment's text and context are unchanged, so an editor layer can keep
 * what it derived from `local` (see `orderedGroups`).
 */
export interface Placed {
  /** Where the segment starts now. */
  readonly base: number;
  /** Length of the segment's text. */
  readonly length: number;
  readonly firstIndex: number;
  /** The segment start the analysis was made at: spans before the segment (into the preamble) are relative to it. */
  analysedAt: number;
  /** Syntax findings of the segment's lines, segment coordinates, encounter index within the segment. */
  syntax: Finding[];
  /** Each encounter's findings, segment coordinates. (These lists and `syntax` hold `local`'s objects.) */
  claims: Finding[][];
  /**
   * The segment's bad directives (bad-directive findings), syntax then claim findings, severities
   * applied, in file order; segment coordinates.
   */
  local: Finding[];
  /** `local` less what directives silence: the segment's own and those above that reach into it (silenceInPiece). */
  shown: Finding[];
  /** Every span of `local`, related ones too, lies within the segment (they move with it). */
  contained: boolean;
  views: EncounterView[];
}

/** A segment's analysis; where it is comes from the segment it is shown for (`at`). */
class Group implements Placed {
  syntax: Finding[] = [];
  claims: Finding[][] = [];
  local: Finding[] = [];
  shown: Finding[] = [];
  contained = true;
  views: EncounterView[] = [];
  /** Its first finding is an empty span at its start; its last one, at its end (see `tieBefore`). */
  startsEmpty = false;
  endsEmpty = false;
  readonly length: number;
  /** The segment's directives that can silence (splitDirectives), segment coordinates. */
  valid: Directive[] = [];
  /** What the text above carried in when `shown` was made, and what the segment carries on. */
  private entering?: Carried;
  carries: Carried = NOTHING_CARRIED;

  constructor(
    public at: Segment,
    readonly analysedAt: number,
  ) {
    this.length = at.text.length;
  }

  get base(): number {
    return this.at.base;
  }

  get firstIndex(): number {
    return this.at.firstIndex;
  }

  /** Whether `shown` is for what `carried` brings in. */
  enteredWith(carried: Carried): boolean {
    return !!this.entering && sameCarried(this.entering, carried);
  }

  /** Makes `shown` for what the text above carries in (kept while that is the same); what the segment carries on. */
  enter(carried: Carried): Carried {
    if (this.enteredWith(carried)) return this.carries;
    const { shown, carries } = silenceInPiece(this.valid, this.at.text, this.local, carried);
    this.entering = carried;
    this.shown = shown;
    this.carries = carries;
    return carries;
  }
}

class View implements EncounterView {
  constructor(
    private readonly group: Group,
    private readonly offset: number,
    readonly text: string,
    readonly result: EncounterResult,
    readonly summary: EncounterSummary,
  ) {}

  get index(): number {
    return this.group.firstIndex + this.offset;
  }

  get base(): number {
    return this.group.base;
  }
}

/** Segments [a, a + removed.length) of the old list were replaced by `fresh`. */
interface LocalChange {
  a: number;
  removed: Segment[];
  fresh: Segment[];
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
  /** The text analysed (a document's text as pieces while typing: see chunked-text.ts). */
  private source: TextSource = "";
  views: EncounterView[] = [];
  /** Each segment's findings, in file order (the preamble's own syntax findings are not in any). */
  groups: Placed[] = [];
  drugs: DrugTable = BUILTIN_DRUGS;
  /** The preamble's own syntax findings (file coordinates, severities applied, sorted). */
  private head: Finding[] = [];
  /** The context every segment was analysed in (the preamble and the drug declarations). */
  private contextKey = "";
  /** The last update ran to its end (else only the full path is trusted). */
  private complete = false;
  /** Directives in the document (reported when unused, they put the findings in the file's order: see orderedGroups). */
  private directiveCount = 0;
  /** `head` and the preamble's bad directives (bad-directive findings), in file order. */
  private headShown: Finding[] = [];
  /** What the preamble's directives carry on to the first segment (silenceInPiece). */
  private preambleCarries: Carried = NOTHING_CARRIED;
  private problems = 0;
  /** `findings` of the current text, made on first use. */
  private placedFindings?: Finding[];
  private origins = new WeakMap<Finding, Finding>();
  private readonly derivations = new RecentDerivations();

  constructor(private options: AnalyzeOptions = {}) {}

  /** The text analysed, made whole when read (features that read the whole document). */
  get text(): string {
    return this.source.toString();
  }

  get textLength(): number {
    return this.source.length;
  }

  /** The text from the start of offset's line to offset (completion reads it as you type). */
  lineBefore(offset: number): string {
    const end = Math.max(0, Math.min(offset, this.source.length));
    let start = end;
    while (start > 0) {
      const c = this.source.charCodeAt(start - 1);
      if (c === 10 || c === 13) break;
      start--;
    }
    return this.source.slice(start, end);
  }

  /**
   * Re-analyse after a change of text or options; unchanged encounters come from the cache.
   * `edit`, when known, is the part of the previous text that was replaced: only the segments it
   * touches are cut again, the others move (a keystroke in a large file stays cheap).
   */
  update(text: TextSource, options: AnalyzeOptions = this.options, edit?: Edit): this {
    runToEnd(this.updateSteps(text, options, edit));
    return this;
  }

  /**
   * update() one encounter at a time: each step parses or analyses one segment, so a caller can
   * yield between steps (the language server answers other requests meanwhile). Abandoning the
   * steps part-way is safe: what was done is kept as cache, and the next update starts over.
   */
  *updateSteps(source: TextSource, options: AnalyzeOptions = this.options, edit?: Edit): Generator<void, void> {
    const wasComplete = this.complete;
    this.complete = false;
    this.placedFindings = undefined;
    const change = edit && options === this.options ? yield* this.local(source, edit) : undefined;
    if (change) {
      yield* wasComplete && sameContext(change) ? this.analyseLocal(change) : this.analyse();
      return;
    }
    const old = options === this.options ? this.segments : [];
    const text = source.toString();
    this.options = options;
    this.source = text;
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
      const t = detached(text.slice(start, end));
      return { text: t, piece: makePiece(t, options) };
    };

    const cuts = split(text);
    // A header line that does not parse as a header belongs to the encounter above it.
    const segs: { base: number; text: string }[] = [];
    const pieces: (Piece | undefined)[] = [];
    for (let i = 0; i < cuts.length; i++) {
      const end = cuts[i + 1] ?? text.length;
      if (i === 0) {
        segs.push({ base: 0, text: detached(text.slice(0, end)) });
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

  /** The edit confined to encounter segments: re-cut those it touches. Undefined: do it all. */
  private *local(text: TextSource, edit: Edit): Generator<void, LocalChange | undefined> {
    const old = this.segments;
    const delta = text.length - this.source.length;
    if (this.whole || !old.length || edit.start < old[0].base + 1 || edit.end > this.source.length || edit.start > edit.end) return undefined;
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
    const to = (old[b + 1]?.base ?? this.source.length) + delta;
    const region = text.slice(from, to);
    const cuts = split(region);
    if (cuts[1] !== 0) return undefined; // the region no longer starts with a header
    const fresh: Segment[] = [];
    for (let i = 1; i < cuts.length; i++) {
      const t = detached(region.slice(cuts[i], cuts[i + 1] ?? region.length));
      const piece = makePiece(t, this.options);
      yield;
      if (!piece.startsEncounter && fresh.length) {
        const last = fresh[fresh.length - 1];
        last.text += t;
        last.piece = makePiece(last.text, this.options);
      } else if (!piece.startsEncounter) return undefined; // the region no longer starts with a header
      else fresh.push({ base: from + cuts[i], text: t, piece, firstIndex: 0 });
    }
    // In place: the segments below only move (their groups read `base` from them).
    const removed = old.splice(a, b - a + 1, ...fresh);
    for (let i = a + fresh.length; i < old.length; i++) old[i].base += delta;
    const same = encounterCount(removed) === encounterCount(fresh);
    let index = same ? removed[0].firstIndex : 0;
    for (const seg of same ? fresh : old) {
      seg.firstIndex = index;
      index += seg.piece.file.encounters.length;
    }
    this.source = text;
    return { a, removed, fresh };
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
    this.contextKey = contextKey;
    this.views = [];
    this.groups = [];
    this.directiveCount = this.preamble.directives.length;
    const head: Finding[] = [];
    for (const e of this.preamble.errors) if (e.encounter === undefined) head.push(makeFinding("syntax", e.span, e.message, null));
    this.head = applySeverities(head, this.options.severities).sort(byPlace);
    // The preamble's comments: its own findings are syntax ones, which no comment silences.
    const { valid, bad } = splitDirectives(this.preamble.directives, RULE_IDS);
    this.headShown = bad.length ? [...applySeverities(bad, this.options.severities), ...this.head].sort(byPlace) : this.head;
    let carried = (this.preambleCarries = silenceInPiece(valid, this.preText, [], NOTHING_CARRIED).carries);
    for (const seg of this.segments) {
      const group = yield* this.groupOf(seg);
      carried = group.enter(carried);
      this.groups.push(group);
      for (const v of group.views) this.views.push(v);
      this.directiveCount += seg.piece.file.directives.length;
    }
    this.problems = 0;
    for (let i = 0; i <= this.groups.length; i++) this.problems += this.problemsAt(i);
    this.complete = true;
  }

  /**
   * A keystroke's update: the segments it replaced had no drug declarations, neither have the
   * new ones, and they hold as many encounters, so every other segment keeps its analysis and
   * place in the lists; only the new ones are analysed and spliced in.
   */
  private *analyseLocal({ a, removed, fresh }: LocalChange): Generator<void, void> {
    const b = a + removed.length;
    let problems = 0;
    for (let i = a; i <= b; i++) problems += this.problemsAt(i);
    const groups: Group[] = [];
    const views: EncounterView[] = [];
    for (const seg of fresh) {
      const group = yield* this.groupOf(seg);
      groups.push(group);
      for (const v of group.views) views.push(v);
    }
    const start = fresh[0].firstIndex;
    this.views.splice(start, views.length, ...views);
    this.groups.splice(a, removed.length, ...groups);
    // What directives carry down: from the new groups on, until a group below gets what it got before.
    let carried = a ? (this.groups[a - 1] as Group).carries : this.preambleCarries;
    for (let i = a; i < this.groups.length; i++) {
      const g = this.groups[i] as Group;
      if (i >= a + groups.length && g.enteredWith(carried)) break;
      carried = g.enter(carried);
    }
    for (let i = a; i <= a + fresh.length; i++) problems -= this.problemsAt(i);
    this.problems -= problems;
    for (const seg of removed) this.directiveCount -= seg.piece.file.directives.length;
    for (const seg of fresh) this.directiveCount += seg.piece.file.directives.length;
    this.complete = true;
  }

  /** A segment's analysis in the current context: kept from before, or made now (one step). */
  private *groupOf(seg: Segment): Generator<void, Group> {
    const file = seg.piece.file;
    const key = !this.whole && !seg.piece.named ? `${this.contextKey}\u0000${seg.firstIndex}` : this.contextKey;
    let cached = seg.piece.analysed?.key === key ? seg.piece.analysed.value : undefined;
    if (!cached) {
      const analyse = analyser(file, this.whole ? undefined : this.preamble.defaults, seg.base, seg.text, this.drugs, this.options);
      const named = file.encounters.map((enc) => (this.whole || headerNamed(seg.text, enc) ? enc : { ...enc, name: `Encounter ${seg.firstIndex + enc.index + 1}` }));
      const full = named.map(analyse);
      cached = { base: seg.base, results: full.map((r) => compact(r, analyse, this.derivations)), summaries: full.map(summarize) };
      seg.piece.analysed = { key, value: cached };
      yield;
    }
    if (!cached.placed) cached.placed = place(seg, cached, this.whole, this.options);
    cached.placed.at = seg; // the segment it is shown for: its place in the file
    return cached.placed;
  }

  /**
   * What stops group i's findings from simply following those before it: findings outside the
   * group, or equal empty spans either side of its start (the file's sort puts syntax first there).
   */
  private problemsAt(i: number): number {
    const g = this.groups[i] as Group | undefined;
    if (!g) return 0;
    let n = g.local.length && !g.contained ? 1 : 0;
    const before = i === 0 ? undefined : (this.groups[i - 1] as Group);
    const last = i === 0 ? this.headShown[this.headShown.length - 1]?.span : undefined;
    if (g.startsEmpty && (before ? before.endsEmpty : last?.start === g.base && last.end === g.base)) n++;
    return n;
  }

  /**
   * Every finding in file coordinates, as analyzeText gives them: severities, then the
   * directives, sorted. Made when asked (hover, code actions), not on every keystroke.
   */
  get findings(): Finding[] {
    return (this.placedFindings ??= this.fileFindings());
  }

  private fileFindings(): Finding[] {
    const origins = new WeakMap<Finding, Finding>();
    this.origins = origins;
    const syntax: Finding[] = [...this.head];
    const claims: Finding[] = [];
    const placed = (f: Finding, at: (sp: Span) => Span, encounter: number | null) => {
      const p = shiftFinding(f, at, encounter);
      origins.set(p, f);
      return p;
    };
    for (const g of this.groups) {
      // Negative spans point into the preamble (file defaults), at the base the analysis was made at.
      const at = (sp: Span): Span => shiftSpan(sp, sp.start < 0 ? g.analysedAt : g.base);
      for (const f of g.syntax) syntax.push(placed(f, at, f.encounter === null ? null : f.encounter + g.firstIndex));
      g.claims.forEach((list, i) => {
        for (const f of list) claims.push(placed(f, at, g.firstIndex + i));
      });
    }
    // Rule severities as analyzeFile applies them: the groups' findings have theirs; the directives' findings get theirs after.
    const merged = [...syntax, ...claims];
    const directives = this.directives();
    const kept = directives.length ? applyDirectives(directives, this.text, merged, { knownRules: RULE_IDS, reportUnused: this.options.reportUnusedDisableDirectives }) : merged;
    const severities = this.options.severities;
    return (severities ? kept.filter((f) => severities[f.rule] !== "off").map((f) => (severities[f.rule] && severities[f.rule] !== f.severity ? { ...f, severity: severities[f.rule] as Finding["severity"] } : f)) : kept)
      .sort(byPlace);
  }

  /** The group finding (in `Placed.local`) a finding of `findings` was placed from, if any. */
  localOf(f: Finding): Finding | undefined {
    return this.origins.get(f);
  }

  /**
   * The findings segment by segment when, placed at each group's `base` and put one group after
   * the other, they are `findings` exactly: no finding reaches outside its segment, and unused
   * directives are not reported (whether a comment silenced anything is known only from the whole
   * file). Each group's `shown` findings are what the directives leave of its own: those in its
   * segment and those above that reach into it (see Group.enter). `head` (the preamble's syntax
   * findings, which no comment silences, and its bad directives) comes first. Undefined: use
   * `findings`.
   */
  orderedGroups(): { head: readonly Finding[]; groups: readonly Placed[] } | undefined {
    const headInside = !this.head.length || this.head[this.head.length - 1].span.end <= this.preText.length;
    if (this.problems || !headInside) return undefined;
    if (this.directiveCount && this.options.reportUnusedDisableDirectives) return undefined;
    return { head: this.headShown, groups: this.groups };
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

/**
 * The top of a large document, for a first look before the rest is analysed: its preamble, its
 * first `encounters` segments and one more. Only when nothing further down can change their
 * analysis: no drug declaration below the top (then an encounter's findings depend only on the
 * preamble, the top's declarations and its own text; a directive reaches down only, so those
 * below the top silence nothing in it). Groups that end by `shown` are final; the last segment
 * may yet grow (a header line that does not parse joins the segment above it).
 */
export function independentTop(text: string, encounters: number): { text: string; shown: number } | undefined {
  const cuts = [0];
  HEADER_LINE.lastIndex = 0;
  for (let m = HEADER_LINE.exec(text); m && cuts.length < encounters + 3; m = HEADER_LINE.exec(text)) cuts.push(m.index);
  if (cuts.length < encounters + 3) return undefined;
  const end = cuts[encounters + 2];
  if (/(?:^|;)[ \t]*drug(?![A-Za-z0-9_-])/im.test(text.slice(end))) return undefined;
  return { text: text.slice(0, end), shown: cuts[encounters + 1] };
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

function place(seg: Segment, { base: analysedAt, results, summaries }: Analysed, whole: boolean, options: AnalyzeOptions): Group {
  const group = new Group(seg, analysedAt);
  const syntax: Finding[] = [];
  for (const e of seg.piece.file.errors) {
    if (whole || e.encounter !== undefined) syntax.push(makeFinding("syntax", e.span, e.message, e.encounter ?? null));
  }
  // Rule severities as analyzeFile applies them (syntax lines too).
  group.syntax = applySeverities(syntax, options.severities);
  group.claims = results.map((result, i) => {
    group.views.push(new View(group, i, seg.text, result, summaries[i]));
    return applySeverities(result.findings, options.severities);
  });
  // Bad directives first where findings tie, as the file's list has them (applyDirectives).
  const { valid, bad } = splitDirectives(seg.piece.file.directives, RULE_IDS);
  const local = [...applySeverities(bad, options.severities), ...group.syntax, ...group.claims.flat()].sort(byPlace);
  const within = (s: Span) => s.start >= 0 && s.end <= group.length;
  group.local = local;
  group.shown = local;
  group.valid = valid;
  group.contained = local.every((f) => within(f.span) && f.related.every((r) => within(r.span)));
  group.startsEmpty = local.length > 0 && local[0].span.start === 0 && local[0].span.end === 0;
  group.endsEmpty = local.length > 0 && local[local.length - 1].span.start === group.length;
  return group;
}

/**
 * Derivations (services, lines, reasons in words) are most of an analysis's memory and are read
 * only for the encounters someone looks at (hover, completion, quick fixes, inlay hints on
 * screen): the latest few are kept, the others derived again when asked (derive is pure).
 */
class RecentDerivations {
  private static readonly KEPT = 256;
  private readonly kept = new Map<EncounterResult, Derivation>();

  of(result: EncounterResult): Derivation {
    const d = this.kept.get(result) ?? derive(result.node, result.ctx);
    this.kept.delete(result); // (re)inserted at the newest end
    this.kept.set(result, d);
    if (this.kept.size > RecentDerivations.KEPT) this.kept.delete(this.kept.keys().next().value!);
    return d;
  }
}

/**
 * Analyses an encounter of a segment as the file sees it (the preamble's fields, moved into the
 * segment's coordinates, are its defaults). Kept by each encounter to analyse it again: it holds
 * nothing per encounter, and the segment's file view is made per call rather than kept (per
 * segment, kept, it was a few MB in a 10,000-encounter file).
 */
function analyser(file: FileNode, preamble: Fields | undefined, base: number, text: string, drugs: DrugTable, options: AnalyzeOptions) {
  return (enc: EncounterNode) => analyzeEncounter(enc, { ...file, defaults: preamble ? shiftFields(preamble, -base) : file.defaults }, text, drugs, options);
}

/**
 * The result without its derivation, which is derived again from the node and context when read.
 * Not even the newest are kept: kept a while during a first analysis, they would outlive the
 * young generation and grow the old one (measured: 274 MB resident instead of 189 for 10,000
 * encounters).
 */
function compact(full: EncounterResult, again: (node: EncounterNode) => EncounterResult, recent: RecentDerivations): EncounterResult {
  return new CompactResult(full.node, full.ctx, full.setting, full.payerName, full.findings, again, recent);
}

/**
 * What an encounter keeps of its analysis (nothing that holds the full result alive). The
 * derivation comes from RecentDerivations; the fix-all rewrite is the engine's, built when read
 * (a quick fix asks for one encounter's): from the encounter analysed again, then kept.
 */
class CompactResult implements EncounterResult {
  private fix: Fix | undefined | null = null;

  constructor(
    readonly node: EncounterNode,
    readonly ctx: EncounterResult["ctx"],
    readonly setting: EncounterResult["setting"],
    readonly payerName: string | undefined,
    readonly findings: Finding[],
    private readonly again: (node: EncounterNode) => EncounterResult,
    private readonly recent: RecentDerivations,
  ) {}

  get derivation(): Derivation {
    return this.recent.of(this);
  }

  get fixAll(): Fix | undefined {
    if (this.fix === null) this.fix = this.again(this.node).fixAll;
    return this.fix;
  }
}

function summarize({ node, derivation }: EncounterResult): EncounterSummary {
  return new Summary(
    derivation.lines.map(formatItem).join("\n"),
    node.administrations.map((a) => derivation.services.find((s) => s.admin === a)?.classification),
  );
}

/** The derived items kept as one text (a string per item, for every encounter, was about 3 MB in two 10,000-encounter files). */
class Summary implements EncounterSummary {
  constructor(
    private readonly items: string,
    readonly classifications: (string | undefined)[],
  ) {}

  get derivedItems(): string[] {
    return this.items ? this.items.split("\n") : [];
  }
}

function encounterCount(segments: Segment[]): number {
  let n = 0;
  for (const seg of segments) n += seg.piece.file.encounters.length;
  return n;
}

/** The context of the other segments is unchanged: no drug declarations came or went, the encounters are as many. */
function sameContext({ removed, fresh }: LocalChange): boolean {
  const declares = (segs: Segment[]) => segs.some((seg) => seg.piece.declText.length > 0);
  return !declares(removed) && !declares(fresh) && encounterCount(removed) === encounterCount(fresh);
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

function shiftFinding(f: Finding, place: (s: Span) => Span, encounter: number | null): Finding {
  return {
    ...f,
    encounter,
    span: place(f.span),
    related: f.related.map((r) => ({ ...r, span: place(r.span) })),
    fix: f.fix && { title: f.fix.title, edits: f.fix.edits.map((e) => ({ ...place(e), newText: e.newText })) },
  };
}
