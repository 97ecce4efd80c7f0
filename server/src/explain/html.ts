// One self-contained HTML page (inline SVG and CSS, no scripts): per encounter the timeline, the
// derived claim and the findings. Used by `encounter-lint explain --format html` and the editor
// preview. Written encounter by encounter, so a 10,000-encounter page streams out in constant
// memory. Text that encounters share is printed once, in the sections at the end of the page, and
// each encounter links to it: why each derived line was derived, with its code's description;
// each rule's description, source, predicted denial and suggested wording; the notes on how the
// initial service is chosen. An auditor reads it once, and the page stays small: under 500 bytes
// an encounter, so an encounter's markup is terse (HTML's own shorthands: attribute values that
// need no quotes have none, and a paragraph's end tag is left to the element that follows it).
import type { EncounterResult, FileAnalysis } from "../engine/analyze.js";
import { adminCode, otherCode } from "../engine/catalogue.js";
import { formatItem } from "../engine/claim-text.js";
import type { Finding } from "../engine/finding.js";
import { LineIndex } from "../language/line-index.js";
import { runToEnd } from "../language/steps.js";
import { findingsByEncounter } from "./findings-by-encounter.js";
import { PageReferences } from "./references.js";
import { renderTimeline, TIMELINE_CSS, PageDrawings, timelineKey } from "./timeline.js";
import { esc } from "./escape.js";

export interface HtmlOptions {
  /** Exercise mode: draw the timeline but hide the derived codes and findings. */
  exerciseMode?: boolean;
  /** "auto" follows the viewer (prefers-color-scheme / VS Code theme variables). */
  theme?: "light" | "dark" | "auto";
}

const CSS = `
:root { --fg: var(--vscode-editor-foreground, #1d1d1f); --bg: var(--vscode-editor-background, #ffffff); --muted: var(--vscode-descriptionForeground, #6b6b6b); --line: var(--vscode-panel-border, #d0d0d0); --err: var(--vscode-errorForeground, #b00020); --warn: var(--vscode-editorWarning-foreground, #a15c00); --link: var(--vscode-textLink-foreground, #0b5cad); }
@media (prefers-color-scheme: dark) { :root.auto { --fg: var(--vscode-editor-foreground, #e6e6e6); --bg: var(--vscode-editor-background, #1e1e1e); --muted: var(--vscode-descriptionForeground, #a0a0a0); --line: var(--vscode-panel-border, #444); --link: var(--vscode-textLink-foreground, #6cb6ff); } }
:root.dark { --fg: #e6e6e6; --bg: #1e1e1e; --muted: #a0a0a0; --line: #444; --link: #6cb6ff; }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 24px; max-width: 900px; }
a { color: var(--link); }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 32px; border-bottom: 1px solid var(--line); } h3 { font-size: 14px; margin-bottom: 4px; }
.meta, section:not(.references) > h2 + p:not([class]) { color: var(--muted); }
figure { margin: 8px 0; overflow-x: auto; }
p.error, p.warning, p.info { margin: 8px 0; padding: 6px 10px; border-left: 3px solid var(--line); }
p.error { border-color: var(--err); } p.warning { border-color: var(--warn); }
.wording { color: var(--muted); font-style: italic; }
.references h3 + p { margin-top: 0; } .references li { margin-bottom: 4px; }
@media print { body { margin: 0; max-width: none; } section:not(.references) { break-inside: avoid; } a { color: inherit; text-decoration: none; } figure { overflow: visible; } }
${TIMELINE_CSS}
`;

/** One encounter's analysis and its findings (syntax findings included), in file order. */
export interface ExplainedEncounter {
  result: EncounterResult;
  findings: Finding[];
}

/** One file's explanation on a page: its text (for line numbers and the claim as written), the
 * findings outside any encounter (a line of the file's defaults that did not parse, a directive),
 * and the encounters, each with its own findings. */
export interface ExplainedFile {
  path: string;
  text: string;
  outside: Finding[];
  encounters: Iterable<ExplainedEncounter>;
}

/** A file's analysis for the page. */
export function explained(path: string, text: string, analysis: FileAnalysis): ExplainedFile {
  const findings = findingsByEncounter(analysis);
  return { path, text, outside: findings.outside, encounters: analysis.encounters.map((r) => ({ result: r, findings: findings.of(r.node.index) })) };
}

export function renderHtml(path: string, text: string, analysis: FileAnalysis, options: HtmlOptions = {}): string {
  const out: string[] = [];
  writeHtml((s) => out.push(s), explained(path, text, analysis), options);
  return out.join("");
}

/** The page of one file, written piece by piece to `write` as each encounter is rendered. */
export function writeHtml(write: (chunk: string) => void, file: ExplainedFile, options: HtmlOptions = {}) {
  writeHtmlPage(write, file.path, [file], options);
}

/**
 * A page of one or more files (the answer key shows a folder of exercises), each under its own
 * heading unless it is the page's; the sections at the end hold only the codes, rules and notes
 * the encounters above linked to, once for the whole page.
 */
export function writeHtmlPage(write: (chunk: string) => void, title: string, files: Iterable<ExplainedFile>, options: HtmlOptions = {}) {
  runToEnd(htmlPageSteps(write, title, files, options));
}

/** writeHtmlPage one encounter per step: for a caller that must stay responsive (the editor's preview). */
export function* htmlPageSteps(write: (chunk: string) => void, title: string, files: Iterable<ExplainedFile>, options: HtmlOptions = {}): Generator<void, void> {
  const page: Page = { refs: new PageReferences(), drawings: new PageDrawings(), options };
  const [top, bottom] = htmlPage(title, "\u0000", options.theme).split("\u0000");
  write(`${top}<h1>${esc(title)}</h1>\n${timelineKey()}`);
  for (const file of files) {
    if (file.path !== title) write(`\n<h1>${esc(file.path)}</h1>`);
    const index = new LineIndex(file.text);
    const lineOf = (o: number) => index.position(o).line + 1;
    if (file.outside.length && !options.exerciseMode) {
      write(`\n<section><h2>Outside any encounter</h2>${file.outside.map((f) => `\n${finding(f, lineOf, page.refs)}`).join("")}\n</section>`);
    }
    for (const e of file.encounters) {
      write(`\n${section(e, file.text, lineOf, page)}`);
      yield;
    }
  }
  write(page.refs.render());
  write(bottom);
}

/** What the encounters of one page share: the sections at the end, the drawings so far. */
interface Page {
  refs: PageReferences;
  drawings: PageDrawings;
  options: HtmlOptions;
}

function section({ result: r, findings }: ExplainedEncounter, text: string, lineOf: (offset: number) => number, page: Page): string {
  const n = r.node;
  const { refs, options } = page;
  // The notes (how the initial service was chosen) go with the encounter's particulars, linked to their text.
  const notes = options.exerciseMode ? "" : r.derivation.notes.map((note) => ` · note: ${refs.note(note)}`).join("");
  let out = `<section><h2>${esc(n.name)}</h2>\n<p>Line ${lineOf(n.headerSpan.start)} · setting ${esc(r.setting ?? "not stated")} · payer ${esc(r.payerName ?? "not stated")} · ${r.ctx.date ? `DOS ${esc(r.ctx.date)}` : "date of service not stated"}${notes}`;
  // Drawn at its own size and scrolled sideways in a narrow panel, so labels never shrink below 11 px.
  out += `\n<figure>${renderTimeline(r, { hideCodes: options.exerciseMode }, page.drawings)}</figure>`;
  if (options.exerciseMode) return `${out}\n</section>`;
  out += `\n${claims(r, text, findings.length > 0, refs)}`;
  if (!findings.length) return `${out}\n</section>`;
  out += "\n<h3>Findings</h3>";
  for (const f of findings) out += `\n${finding(f, lineOf, refs)}`;
  return `${out}\n</section>`;
}

/** A finding: where, how serious, its rule (linked to the rule's description, source and wording), what. */
function finding(f: Finding, lineOf: (offset: number) => number, refs: PageReferences): string {
  return `<p class=${f.severity}><b>Line ${lineOf(f.span.start)} · ${f.severity} · ${refs.rule(f)}</b><br>${esc(f.message)}`;
}

/**
 * The derived claim as a claim is written, each line linked to why it was derived (with its code's
 * description) at the end of the page; then the claim as written, or "as claimed" when it reads the same;
 * then the lines only a facility reports when no setting is stated (a repeat push, 96376), linked alike.
 */
function claims(r: EncounterResult, text: string, anyFinding: boolean, refs: PageReferences): string {
  const { lines, optional } = r.derivation;
  const labels = lines.map(formatItem);
  const derived = lines.map((l, i) => refs.line(l.code, description(r, l.code), labels[i], l.reason)).join(", ") || "nothing is reportable";
  const claim = r.node.claim;
  const written = claim?.items.map((i) => text.slice(i.span.start, i.span.end)).join(", ");
  const clean = anyFinding ? "" : "; no findings";
  const asWritten = !claim ? ` (no claim${clean})` : written && written === labels.join(", ") ? ` (as claimed${clean})` : `<br>Claim as written: <code>${esc(written!) || "nothing billed"}</code>${anyFinding ? "" : " · no findings"}`;
  const facility = optional.length ? `<br>Only in a facility (no setting stated): ${optional.map((l) => refs.line(l.code, description(r, l.code), formatItem(l), l.reason)).join(", ")}` : "";
  return `<p><b>Derived claim:</b> ${derived}${asWritten}${facility}`;
}

function description(r: EncounterResult, code: string): string {
  return adminCode(code)?.summary ?? otherCode(code)?.summary ?? r.ctx.drugs.byCode(code)?.code.descriptor ?? "";
}

/** The page around rendered sections: one stylesheet, no scripts. */
function htmlPage(title: string, body: string, theme: HtmlOptions["theme"] = "auto"): string {
  return `<!doctype html>\n<html lang="en" class="${theme}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title><style>${CSS}</style></head>\n<body>\n${body}\n</body></html>\n`;
}
