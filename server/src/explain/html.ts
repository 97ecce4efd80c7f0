// One self-contained HTML page (inline SVG and CSS, no scripts): per encounter the timeline, the
// derived claim with the reason for each line, and the findings with their predicted denial and
// suggested wording. Used by `encounter-lint explain --format html` and the editor preview.
// Written encounter by encounter, so a 10,000-encounter page streams out in constant memory.
import type { EncounterResult, FileAnalysis } from "../engine/analyze.js";
import { adminCode, otherCode } from "../engine/catalogue.js";
import { formatItem } from "../engine/claim-text.js";
import type { Finding } from "../engine/finding.js";
import { LineIndex } from "../language/line-index.js";
import { renderTimeline, TIMELINE_CSS } from "./timeline.js";
import { WORDING } from "./wording.js";

export interface HtmlOptions {
  /** Exercise mode: draw the timeline but hide the derived codes and findings. */
  exerciseMode?: boolean;
  /** "auto" follows the viewer (prefers-color-scheme / VS Code theme variables). */
  theme?: "light" | "dark" | "auto";
}

const esc = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);

const CSS = `
:root { --fg: var(--vscode-editor-foreground, #1d1d1f); --bg: var(--vscode-editor-background, #ffffff); --muted: var(--vscode-descriptionForeground, #6b6b6b); --line: var(--vscode-panel-border, #d0d0d0); --err: var(--vscode-errorForeground, #b00020); --warn: var(--vscode-editorWarning-foreground, #a15c00); }
@media (prefers-color-scheme: dark) { :root.auto { --fg: var(--vscode-editor-foreground, #e6e6e6); --bg: var(--vscode-editor-background, #1e1e1e); --muted: var(--vscode-descriptionForeground, #a0a0a0); --line: var(--vscode-panel-border, #444); } }
:root.dark { --fg: #e6e6e6; --bg: #1e1e1e; --muted: #a0a0a0; --line: #444; }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 24px; max-width: 900px; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 32px; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td.code { font-family: ui-monospace, monospace; white-space: nowrap; }
.timeline { color: var(--fg); } .timeline-scroll { overflow-x: auto; }
.finding { margin: 8px 0; padding: 6px 10px; border-left: 3px solid var(--line); }
.finding.error { border-color: var(--err); } .finding.warning { border-color: var(--warn); }
.wording { color: var(--muted); font-style: italic; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: auto; } .encounter { break-inside: avoid; } }
${TIMELINE_CSS}
`;

/** One encounter's analysis and its findings (syntax findings included), in file order. */
export interface ExplainedEncounter {
  result: EncounterResult;
  findings: Finding[];
}

/** The encounters of an analysis with their findings, grouped once (not filtered per encounter). */
export function* explained(analysis: FileAnalysis): Generator<ExplainedEncounter> {
  const byEncounter = new Map<number, Finding[]>();
  for (const f of analysis.findings) {
    if (f.encounter === null) continue;
    const list = byEncounter.get(f.encounter);
    if (list) list.push(f);
    else byEncounter.set(f.encounter, [f]);
  }
  for (const r of analysis.encounters) yield { result: r, findings: byEncounter.get(r.node.index) ?? [] };
}

export function renderHtml(path: string, text: string, analysis: FileAnalysis, options: HtmlOptions = {}): string {
  const out: string[] = [];
  writeHtml((s) => out.push(s), path, text, explained(analysis), options);
  return out.join("");
}

/** The page, written piece by piece to `write` as each encounter is rendered. */
export function writeHtml(write: (chunk: string) => void, path: string, text: string, encounters: Iterable<ExplainedEncounter>, options: HtmlOptions = {}) {
  const index = new LineIndex(text);
  const [top, bottom] = htmlPage(path, "\u0000", options.theme).split("\u0000");
  write(`${top}<h1>${esc(path)}</h1>`);
  for (const e of encounters) write(`\n${section(e, text, index, options)}`);
  write(bottom);
}

function section({ result: r, findings }: ExplainedEncounter, text: string, index: LineIndex, options: HtmlOptions): string {
  const lineOf = (o: number) => index.position(o).line + 1;
  const n = r.node;
  const body: string[] = [`<section class="encounter"><h2>${esc(n.name)}</h2>`];
  body.push(`<p class="meta">Line ${lineOf(n.headerSpan.start)} · setting ${esc(r.setting ?? "not stated")} · payer ${esc(r.payerName ?? "not stated")} · date of service ${esc(r.ctx.date ?? "not stated")}</p>`);
  // Drawn at its own size and scrolled sideways in a narrow panel, so labels never shrink below 11 px.
  body.push(`<div class="timeline-scroll">${renderTimeline(r, { hideCodes: options.exerciseMode })}</div>`);
  if (options.exerciseMode) {
    body.push("</section>");
    return body.join("\n");
  }
  body.push("<h3>Derived claim</h3>");
  if (!r.derivation.lines.length) body.push("<p>Nothing is reportable.</p>");
  else {
    body.push("<table><thead><tr><th>Code</th><th>Description</th><th>Why</th></tr></thead><tbody>");
    for (const l of r.derivation.lines) {
      const desc = adminCode(l.code)?.summary ?? otherCode(l.code)?.summary ?? r.ctx.drugs.byCode(l.code)?.code.descriptor ?? "";
      body.push(`<tr><td class="code">${esc(formatItem(l))}</td><td>${esc(desc)}</td><td>${esc(l.reason)}</td></tr>`);
    }
    body.push("</tbody></table>");
  }
  for (const note of r.derivation.notes) body.push(`<p class="meta">${esc(note)}</p>`);
  body.push(`<p>Claim as written: <code>${n.claim ? esc(n.claim.items.map((i) => text.slice(i.span.start, i.span.end)).join(", ") || "nothing billed") : "no claim"}</code></p>`);
  body.push("<h3>Findings</h3>");
  if (!findings.length) body.push("<p>None.</p>");
  for (const f of findings) {
    const w = WORDING[f.rule];
    body.push(
      `<div class="finding ${f.severity}"><strong>Line ${lineOf(f.span.start)} · ${f.severity} · ${esc(f.rule)}</strong><br>${esc(f.message)}` +
        (f.denial ? `<br>Predicted denial: ${esc(f.denial)}` : "") +
        `<br><span class="meta">Source: ${esc(f.source)}</span>` +
        (w ? `<br><span class="wording">Query to the clinic: ${esc(w.query)}${w.appeal ? ` Appeal or corrected claim: ${esc(w.appeal)}` : ""}</span>` : "") +
        "</div>",
    );
  }
  body.push("</section>");
  return body.join("\n");
}

/** The page around rendered sections: one stylesheet, no scripts (the answer key shares it). */
export function htmlPage(title: string, body: string, theme: HtmlOptions["theme"] = "auto"): string {
  return `<!doctype html>\n<html lang="en" class="${theme}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title><style>${CSS}</style></head>\n<body>\n${body}\n</body></html>\n`;
}
