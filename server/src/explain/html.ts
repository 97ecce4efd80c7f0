// Renders the explanation of a file as one self-contained HTML page (timeline SVG, derived claim
// with reasons, findings). Used by `encounter-lint explain --format html` and the editor preview.
// (Placeholder: the full renderer replaces this body; the signature is the contract.)
import type { FileAnalysis } from "../engine/analyze.js";

export interface HtmlOptions {
  /** Exercise mode: draw the timeline but hide the derived codes and findings. */
  exerciseMode?: boolean;
  /** "auto" follows the viewer (prefers-color-scheme / VS Code theme variables). */
  theme?: "light" | "dark" | "auto";
}

export function renderHtml(path: string, _text: string, analysis: FileAnalysis, _options: HtmlOptions = {}): string {
  return `<!doctype html><html><body><h1>${path}</h1><p>${analysis.encounters.length} encounters</p></body></html>`;
}
