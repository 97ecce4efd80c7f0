// The report model shared by every format: CLI.md's JSON shape (1-based lines and columns, end exclusive).
import { basename } from "node:path";
import { analyzeFileWith, type AnalyzeOptions, type EncounterResult, type FileAnalysis } from "../../server/src/engine/analyze.js";
import type { Finding } from "../../server/src/engine/finding.js";
import { isAutomaticFix } from "../../server/src/engine/fix-text.js";
import { LineIndex } from "../../server/src/language/line-index.js";
import { parse } from "../../server/src/language/parse.js";

export interface LineJson {
  code: string;
  units: number;
  modifiers: string[];
  line: number;
}

export interface EncounterJson {
  name: string;
  line: number;
  setting: string | null;
  payer: string | null;
  date: string | null;
  expected: LineJson[];
  claimed: LineJson[] | null;
}

export interface FindingJson {
  rule: string;
  severity: "error" | "warning" | "info";
  message: string;
  encounter: number | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
  denial?: string;
  source: string;
  /** The fix as edits in the same 1-based, end-exclusive coordinates. */
  fix?: { title: string; edits: EditJson[] };
}

export interface EditJson {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

export interface FileReport {
  path: string;
  encounters: EncounterJson[];
  findings: FindingJson[];
  /** --fix-dry-run: the file's text as --fix would write it (only when a fix changed it). */
  output?: string;
}

export function fileOptions(path: string, base: AnalyzeOptions): AnalyzeOptions {
  return { ...base, fileName: basename(path).replace(/\.encounter$/, "") };
}

export function toFileReport(path: string, text: string, analysis: FileAnalysis): FileReport {
  const index = new LineIndex(text);
  return { path, encounters: analysis.encounters.map((r) => encounterJson(r, index)), findings: analysis.findings.map((f) => findingJson(f, index)) };
}

// Shared by every claimed item without modifiers (nothing writes to a report's lists).
const NO_MODIFIERS: string[] = [];

function encounterJson(r: EncounterResult, index: LineIndex): EncounterJson {
  const lineOf = (offset: number) => index.position(offset).line + 1;
  const expected: LineJson[] = [];
  for (const l of r.derivation.lines) {
    // JSON has no Infinity: a count too large to be a number is the parser's value error, and
    // a line carrying one is left out rather than written as null.
    if (!Number.isFinite(l.units)) continue;
    const at = l.kind === "visit" ? r.node.visits[l.visit!] : r.node.administrations[l.admins[0]];
    expected.push({ code: l.code, units: l.units, modifiers: l.modifiers, line: lineOf(at.span.start) });
  }
  let claimed: LineJson[] | null = null;
  if (r.node.claim) {
    claimed = [];
    for (const i of r.node.claim.items) if (Number.isFinite(i.units)) claimed.push({ code: i.code, units: i.units, modifiers: i.modifiers.length ? i.modifiers.map((m) => m.value) : NO_MODIFIERS, line: lineOf(i.span.start) });
  }
  return { name: r.node.name, line: lineOf(r.node.headerSpan.start), setting: r.setting ?? null, payer: r.payerName ?? null, date: r.ctx.date ?? null, expected, claimed };
}

export function findingJson(f: Finding, index: LineIndex): FindingJson {
  const s = index.position(f.span.start);
  const e = index.position(f.span.end);
  const out: FindingJson = {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    encounter: f.encounter,
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
    // Fixable only when --fix applies it (declaring an unknown drug is offered in the editor only).
    fixable: isAutomaticFix(f),
  } as FindingJson;
  // Keys added in the report's order (denial before source, fix last), without spreading a
  // temporary object for each finding.
  if (f.denial) out.denial = f.denial;
  out.source = f.source;
  if (f.fix) out.fix = { title: f.fix.title, edits: f.fix.edits.map((x) => editJson(x.start, x.end, x.newText, index)) };
  return out;
}

function editJson(start: number, end: number, newText: string, index: LineIndex): EditJson {
  const s = index.position(start);
  const e = index.position(end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, newText };
}

/** The report of one file's text. Each encounter becomes its part of the report as soon as it is analysed (analyzeFileWith). */
export function lintText(path: string, text: string, options: AnalyzeOptions): FileReport {
  const opts = fileOptions(path, options);
  const index = new LineIndex(text);
  const analysis = analyzeFileWith(parse(text, { fileName: opts.fileName }), text, opts, (r) => encounterJson(r, index));
  return { path, encounters: analysis.encounters, findings: analysis.findings.map((f) => findingJson(f, index)) };
}
