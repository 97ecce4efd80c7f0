// `encounter-lint explain FILE`: per encounter, each administration and what it gives rise to,
// the derived claim with the reason for every line, and the findings with their denials.
import { adminCode, otherCode } from "../engine/catalogue.js";
import { CATEGORY_WORDS, formatClock } from "../engine/derive.js";
import type { FileAnalysis } from "../engine/analyze.js";
import { formatItem } from "../engine/claim-text.js";
import { LineIndex } from "../language/line-index.js";
import { findingsByEncounter } from "./findings-by-encounter.js";

export function explainText(path: string, text: string, analysis: FileAnalysis): string {
  const index = new LineIndex(text);
  const lineOf = (o: number) => index.position(o).line + 1;
  const src = (s: { start: number; end: number }) => text.slice(s.start, s.end).replace(/\s+/g, " ");
  const found = findingsByEncounter(analysis);
  const out: string[] = [`${path}`, ""];
  for (const r of analysis.encounters) {
    const n = r.node;
    out.push(`== ${n.name} (line ${lineOf(n.headerSpan.start)})`);
    out.push(`   setting: ${r.setting ?? "not stated"}; payer: ${r.payerName ?? "not stated"}${r.ctx.payer ? ` (${r.ctx.payer.title} profile)` : ""}; date of service: ${r.ctx.date ?? "not stated (newest code set)"}`);
    out.push("", "   Administrations");
    if (!r.derivation.services.length) out.push("     none documented");
    for (const s of r.derivation.services) {
      const clock = s.start !== undefined ? ` ${formatClock(s.start)}${s.end !== undefined ? `-${formatClock(s.end)}` : ""}` : "";
      out.push(`     line ${lineOf(s.admin.span.start)}: ${src(s.admin.span)}`);
      out.push(`       ${CATEGORY_WORDS[s.category]}${clock}${s.site > 1 ? `, IV site ${s.site}` : ""}: ${s.classification}${r.derivation.initials.includes(s) ? " [initial service]" : ""}`);
      if (s.concurrent.length) out.push(`       runs at the same time as: ${s.concurrent.map((c) => c.drugName).join(", ")}`);
      out.push(`       → ${s.outcome.length ? s.outcome.join("; ") : "no code"}`);
    }
    if (n.visits.length) out.push("", "   Visits");
    n.visits.forEach((v, i) => {
      const line = r.derivation.lines.find((l) => l.kind === "visit" && l.visit === i);
      const held = r.derivation.withheld.find((w) => w.span.start === v.span.start);
      out.push(`     line ${lineOf(v.span.start)}: ${src(v.span)}`, `       → ${line ? `${formatItem(line)}: ${line.reason}` : held ? `not reportable: ${held.reason}` : "no code: not an E/M code this tool knows"}`);
    });
    out.push("", "   Derived claim");
    if (!r.derivation.lines.length) out.push("     nothing is reportable");
    for (const l of r.derivation.lines) {
      const desc = adminCode(l.code)?.descriptor ?? otherCode(l.code)?.descriptor ?? r.ctx.drugs.byCode(l.code)?.code.descriptor ?? "";
      out.push(`     ${formatItem(l).padEnd(12)} ${desc.padEnd(30)} ${l.reason}`);
    }
    for (const l of r.derivation.optional) out.push(`     (${formatItem(l)}) only in a facility: ${l.reason}`);
    out.push("", `   Claim as written: ${n.claim ? (n.claim.items.length ? n.claim.items.map((i) => src(i.span)).join(", ") : "nothing billed") : "no claim"}`);
    const findings = found.of(n.index);
    out.push("", "   Findings");
    if (!findings.length) out.push("     none");
    for (const f of findings) {
      out.push(`     line ${lineOf(f.span.start)} ${f.severity} ${f.rule}: ${f.message}`);
      if (f.denial) out.push(`       predicted denial: ${f.denial}`);
      out.push(`       source: ${f.source}`);
      if (f.fix) out.push(`       fix: ${f.fix.title}`);
    }
    out.push("");
  }
  for (const f of found.outside) out.push(`line ${lineOf(f.span.start)} ${f.severity} ${f.rule}: ${f.message}`);
  return out.join("\n") + "\n";
}
