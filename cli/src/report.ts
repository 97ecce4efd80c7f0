// The report model shared by every format: CLI.md's JSON shape (1-based lines and columns, end exclusive).
import { basename } from "node:path";
import { analyzeText, type AnalyzeOptions, type FileAnalysis } from "../../server/src/engine/analyze.js";
import type { Finding } from "../../server/src/engine/finding.js";
import { isAutomaticFix } from "../../server/src/engine/fix-text.js";
import { LineIndex } from "../../server/src/language/line-index.js";

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
  const lineOf = (offset: number) => index.position(offset).line + 1;
  return {
    path,
    encounters: analysis.encounters.map((r) => ({
      name: r.node.name,
      line: lineOf(r.node.headerSpan.start),
      setting: r.setting ?? null,
      payer: r.payerName ?? null,
      date: r.ctx.date ?? null,
      // JSON has no Infinity: a count too large to be a number is the parser's value error, and
      // a line carrying one is left out rather than written as null.
      expected: r.derivation.lines.filter((l) => Number.isFinite(l.units)).map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers, line: lineOf((l.kind === "visit" ? r.node.visits[l.visit!] : r.node.administrations[l.admins[0]]).span.start) })),
      claimed: r.node.claim
        ? r.node.claim.items.filter((i) => Number.isFinite(i.units)).map((i) => ({ code: i.code, units: i.units, modifiers: i.modifiers.map((m) => m.value), line: lineOf(i.span.start) }))
        : null,
    })),
    findings: analysis.findings.map((f) => findingJson(f, index)),
  };
}

export function findingJson(f: Finding, index: LineIndex): FindingJson {
  const s = index.position(f.span.start);
  const e = index.position(f.span.end);
  return {
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
    ...(f.denial ? { denial: f.denial } : {}),
    source: f.source,
    ...(f.fix ? { fix: { title: f.fix.title, edits: f.fix.edits.map((x) => editJson(x.start, x.end, x.newText, index)) } } : {}),
  };
}

function editJson(start: number, end: number, newText: string, index: LineIndex): EditJson {
  const s = index.position(start);
  const e = index.position(end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, newText };
}

export function lintText(path: string, text: string, options: AnalyzeOptions): FileReport {
  return toFileReport(path, text, analyzeText(text, fileOptions(path, options)));
}
