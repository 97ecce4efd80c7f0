// One self-contained HTML page (inline SVG and CSS, no scripts): per encounter the timeline, the
// derived claim with the reason for each line, and the findings. Used by `encounter-lint explain
// --format html` and the editor preview. Written encounter by encounter, so a 10,000-encounter
// page streams out in constant memory. Text that is the same in every encounter (a code's
// description, a rule's description, source, predicted denial and suggested wording, the notes on
// how the initial service is chosen) is printed once, in the sections at the end of the page, and
// each encounter links to it: an auditor reads it once, and the page stays small.
import type { EncounterResult, FileAnalysis } from "../engine/analyze.js";
import { adminCode, otherCode } from "../engine/catalogue.js";
import { formatItem } from "../engine/claim-text.js";
import type { Finding } from "../engine/finding.js";
import { LineIndex } from "../language/line-index.js";
import { findingsByEncounter } from "./findings-by-encounter.js";
import { PageReferences } from "./references.js";
import { renderTimeline, TIMELINE_CSS, timelineKey } from "./timeline.js";
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
.meta { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
caption { text-align: left; font-weight: bold; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td:first-child { font-family: ui-monospace, monospace; white-space: nowrap; }
.timeline { color: var(--fg); } .timeline-scroll { overflow-x: auto; }
.finding { margin: 8px 0; padding: 6px 10px; border-left: 3px solid var(--line); }
.finding.error { border-color: var(--err); } .finding.warning { border-color: var(--warn); }
.wording { color: var(--muted); font-style: italic; }
dt { font-family: ui-monospace, monospace; font-weight: bold; } dd { margin: 0 0 6px 24px; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: auto; } .encounter { break-inside: avoid; } a { color: inherit; text-decoration: none; } .timeline-scroll svg { max-width: 100%; height: auto; } }
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
  const refs = new PageReferences();
  const [top, bottom] = htmlPage(title, "\u0000", options.theme).split("\u0000");
  write(`${top}<h1>${esc(title)}</h1>\n${timelineKey()}`);
  for (const file of files) {
    if (file.path !== title) write(`\n<h1>${esc(file.path)}</h1>`);
    const index = new LineIndex(file.text);
    const lineOf = (o: number) => index.position(o).line + 1;
    if (file.outside.length && !options.exerciseMode) {
      write(`\n<section class="encounter"><h2>Outside any encounter</h2>${file.outside.map((f) => `\n${finding(f, lineOf, refs)}`).join("")}\n</section>`);
    }
    for (const e of file.encounters) write(`\n${section(e, file.text, lineOf, options, refs)}`);
  }
  write(refs.render());
  write(bottom);
}

function section({ result: r, findings }: ExplainedEncounter, text: string, lineOf: (offset: number) => number, options: HtmlOptions, refs: PageReferences): string {
  const n = r.node;
  const timed = r.derivation.services.some((s) => s.start !== undefined);
  let out = `<section class="encounter"><h2>${esc(n.name)}</h2>\n<p class="meta">Line ${lineOf(n.headerSpan.start)} · setting ${esc(r.setting ?? "not stated")} · payer ${esc(r.payerName ?? "not stated")} · date of service ${esc(r.ctx.date ?? "not stated")}${timed || !r.derivation.services.length ? "" : " · no clock times"}</p>`;
  // Drawn at its own size and scrolled sideways in a narrow panel, so labels never shrink below 11 px.
  out += `\n<div class="timeline-scroll">${renderTimeline(r, { hideCodes: options.exerciseMode })}</div>`;
  if (options.exerciseMode) return `${out}\n</section>`;
  out += `\n${claimTable(r, refs)}`;
  for (const note of r.derivation.notes) out += `\n<p class="meta">Note: ${refs.note(note)}</p>`;
  const claim = n.claim ? `<code>${esc(n.claim.items.map((i) => text.slice(i.span.start, i.span.end)).join(", ")) || "nothing billed"}</code>` : "no claim";
  if (!findings.length) return `${out}\n<p>Claim as written: ${claim} · no findings.</p>\n</section>`;
  out += `\n<p>Claim as written: ${claim}</p>\n<h3>Findings</h3>`;
  for (const f of findings) out += `\n${finding(f, lineOf, refs)}`;
  return `${out}\n</section>`;
}

/** A finding: where, how serious, its rule (linked to the rule's description, source and wording), what. */
function finding(f: Finding, lineOf: (offset: number) => number, refs: PageReferences): string {
  return `<div class="finding ${f.severity}"><strong>Line ${lineOf(f.span.start)} · ${f.severity} · ${refs.rule(f)}</strong><br>${esc(f.message)}</div>`;
}

/** The derived claim, each code linked to its description at the end of the page. */
function claimTable(r: EncounterResult, refs: PageReferences): string {
  if (!r.derivation.lines.length) return "<p><strong>Derived claim:</strong> nothing is reportable.</p>";
  let rows = "";
  for (const l of r.derivation.lines) {
    const desc = adminCode(l.code)?.summary ?? otherCode(l.code)?.summary ?? r.ctx.drugs.byCode(l.code)?.code.descriptor ?? "";
    rows += `\n<tr><td>${refs.code(l.code, desc, esc(formatItem(l)))}</td><td>${esc(l.reason)}</td></tr>`;
  }
  return `<table><caption>Derived claim</caption>\n<tr><th>Code</th><th>Why</th></tr>${rows}\n</table>`;
}

/** The page around rendered sections: one stylesheet, no scripts. */
function htmlPage(title: string, body: string, theme: HtmlOptions["theme"] = "auto"): string {
  return `<!doctype html>\n<html lang="en" class="${theme}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title><style>${CSS}</style></head>\n<body>\n${body}\n</body></html>\n`;
}
