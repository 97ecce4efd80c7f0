// The explanation as Markdown: for a ticket, a wiki or an answer key.
import type { EncounterResult, FileAnalysis } from "../engine/analyze.js";
import { adminCode, otherCode } from "../engine/catalogue.js";
import { formatItem } from "../engine/claim-text.js";
import { findingsByEncounter } from "./findings-by-encounter.js";
import { WORDING } from "./wording.js";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function claimTable(r: EncounterResult): string {
  if (!r.derivation.lines.length) return "Nothing is reportable.\n";
  const rows = r.derivation.lines.map((l) => `| \`${formatItem(l)}\` | ${cell(adminCode(l.code)?.summary ?? otherCode(l.code)?.summary ?? r.ctx.drugs.byCode(l.code)?.code.descriptor ?? "")} | ${cell(l.reason)} |`);
  return ["| code | description | why |", "|---|---|---|", ...rows].join("\n") + "\n";
}

export function renderMarkdown(path: string, analysis: FileAnalysis): string {
  const found = findingsByEncounter(analysis);
  const out: string[] = [`# ${path}`, ""];
  for (const r of analysis.encounters) {
    out.push(`## ${r.node.name}`, "", `Setting ${r.setting ?? "not stated"} · payer ${r.payerName ?? "not stated"} · date of service ${r.ctx.date ?? "not stated"}`, "");
    out.push("### Administrations", "");
    for (const s of r.derivation.services) out.push(`- ${s.drugName}: ${s.classification} → ${s.outcome.join("; ") || "no code"}`);
    out.push("", "### Derived claim", "", claimTable(r));
    // Lines a facility reports, when no setting is stated (a repeat push, 96376): neither missing nor derived.
    for (const l of r.derivation.optional) out.push(`Only in a facility (no setting stated): \`${formatItem(l)}\`: ${l.reason}`, "");
    for (const note of r.derivation.notes) out.push(`> ${note}`, "");
    const findings = found.of(r.node.index);
    out.push("### Findings", "");
    if (!findings.length) out.push("None.", "");
    for (const f of findings) {
      const w = WORDING[f.rule];
      out.push(`- **${f.severity} \`${f.rule}\`**: ${f.message}${f.denial ? ` Predicted denial: ${f.denial}.` : ""} _Source: ${f.source}._${w ? ` Query: ${w.query}${w.appeal ? ` Appeal: ${w.appeal}` : ""}` : ""}`);
    }
    out.push("");
  }
  return out.join("\n");
}
