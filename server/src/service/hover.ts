// Hover text (markdown) for what is under the cursor: a finding, a claim code, a drug, a
// duration or time range, a setting, payer or modifier. Offsets in, markdown out.
import { PAYERS } from "../data/payers/index.js";
import { adminCode, codesInForce, formatUnit, otherCode } from "../engine/catalogue.js";
import { CATEGORY_WORDS, formatClock, type Service } from "../engine/derive.js";
import { formatItem } from "../engine/claim-text.js";
import type { Finding } from "../engine/finding.js";
import { RULES } from "../engine/rules.js";
import { WORDING } from "../explain/wording.js";
import { additionalHours } from "../engine/time-rules.js";
import type { DrugRef, Span } from "../language/ast.js";
import type { DocumentModel, EncounterView } from "./document-model.js";
import { CLASS_WORDS, drugCodesLine, MODIFIERS, ROUTES, SETTINGS, VERBS } from "./words.js";

export interface HoverResult {
  markdown: string;
  span: Span;
}

export interface FeatureOptions {
  exerciseMode?: boolean;
}

const inside = (s: Span | undefined, o: number): s is Span => !!s && s.start <= o && o <= s.end;

export function hover(model: DocumentModel, offset: number, opts: FeatureOptions = {}): HoverResult | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  const view = model.viewAt(offset);
  if (view) {
    // What the findings here already say is not repeated by the element's own hover.
    const said = opts.exerciseMode ? [] : model.findings.filter((f) => inside(f.span, offset)).map((f) => f.message);
    const got = elementHover(model, view, offset - view.base, opts, said);
    if (got) {
      parts.push(got.markdown);
      span = { start: got.span.start + view.base, end: got.span.end + view.base };
    }
  }
  const defaults = model.fileDefaults;
  if (!span) {
    for (const f of [defaults.setting, defaults.pos, defaults.payer]) {
      if (inside(f?.valueSpan, offset)) {
        parts.push(fieldHover(f!.name, String(f!.name === "pos" ? f!.setting : f!.value)));
        span = f!.valueSpan;
      }
    }
  }
  if (!opts.exerciseMode) {
    for (const f of model.findings) if (inside(f.span, offset)) parts.push(findingHover(f));
  }
  if (!parts.length) return undefined;
  return { markdown: parts.join("\n\n---\n\n"), span: span ?? model.findings.find((f) => inside(f.span, offset))!.span };
}

export function findingHover(f: Finding): string {
  const rule = RULES.get(f.rule);
  const out = [`**${f.severity} \`${f.rule}\`**: ${f.message}`];
  if (rule) out.push(rule.description);
  if (f.denial) out.push(`Predicted denial: ${f.denial}`);
  out.push(`Source: ${f.source}`);
  const wording = WORDING[f.rule];
  if (wording) out.push(`Wording for an appeal or query: "${wording.appeal ?? wording.query} Reference: ${f.source}."`);
  return out.join("\n\n");
}

function elementHover(model: DocumentModel, view: EncounterView, rel: number, opts: FeatureOptions, said: string[]): HoverResult | undefined {
  const { node, derivation } = view.result;
  for (const item of node.claim?.items ?? []) {
    if (inside(item.codeSpan, rel)) return { markdown: codeHover(view, item.code, opts, said), span: item.codeSpan };
    for (const m of item.modifiers) {
      if (inside(m.span, rel)) return { markdown: `**Modifier ${m.value}**: ${MODIFIERS[m.value.toUpperCase()] ?? "not a modifier this tool checks"}`, span: m.span };
    }
  }
  for (const admin of node.administrations) {
    if (!inside(admin.span, rel)) continue;
    const service = derivation.services.find((s) => s.admin === admin);
    for (const ref of [admin.drug, admin.with, ...(admin.additives ?? []).map((x) => x.drug)]) if (inside(ref?.span, rel)) return { markdown: drugHover(model, view, ref!, opts), span: ref!.span };
    for (const s of [admin.duration?.span, admin.range?.span, admin.at?.span, admin.verbSpan]) {
      if (inside(s, rel) && service) return { markdown: serviceHover(service, opts), span: s };
    }
    if (inside(admin.route?.span, rel)) return { markdown: `**Route ${admin.route!.value}**: ${ROUTES[admin.route!.value]}`, span: admin.route!.span };
  }
  const f = node.fields;
  for (const field of [f.setting, f.pos, f.payer]) {
    if (inside(field?.valueSpan, rel)) return { markdown: fieldHover(field!.name, String(field!.name === "pos" ? field!.setting : field!.value)), span: field!.valueSpan };
  }
  if (inside(f.primary?.valueSpan, rel)) return { markdown: drugHover(model, view, f.primary!.value, opts), span: f.primary!.valueSpan };
  return undefined;
}

function fieldHover(name: string, value: string): string {
  if (name === "payer") {
    const p = PAYERS.find((x) => x.names.some((n) => n.toLowerCase() === value.toLowerCase()));
    return p ? `**Payer ${value}**: ${p.title} profile (${p.source})` : `**Payer ${value}**: no payer profile; CPT rules apply without payer edits`;
  }
  return `**Setting ${value}**: ${SETTINGS[value] ?? ""}`;
}

function codeHover(view: EncounterView, code: string, opts: FeatureOptions, said: string[]): string {
  const { derivation, ctx } = view.result;
  const out: string[] = [];
  const admin = adminCode(code);
  const drugCode = ctx.drugs.byCode(code);
  if (admin) {
    out.push(`**${code}**: ${admin.summary}`, `CMS short descriptor: ${admin.descriptor}`);
    if (admin.addOn) out.push(`Add-on code: reported only with ${admin.primaries.join(", ")}`);
    if (admin.time) out.push(`Time rule: ${admin.time}`);
    if (admin.facilityOnly) out.push("Facility (hopd) only.");
  } else if (otherCode(code)) {
    const o = otherCode(code)!;
    out.push(`**${code}**: ${o.summary}`, `CMS short descriptor: ${o.descriptor}`);
    const w = derivation.withheld.find((x) => x.code === code);
    if (w && !opts.exerciseMode) out.push(`Not reportable in this encounter (${w.rule}): ${w.reason}`);
  } else if (drugCode) {
    const c = drugCode.code;
    out.push(`**${code}**: ${drugCode.drug.name} (${c.descriptor}), ${formatUnit(c)}`);
    out.push(`In force: ${c.from ?? "before any date checked"} to ${c.until ?? "now"}${ctx.date ? `; date of service ${ctx.date}` : ""}`);
  } else {
    out.push(`**${code}**: not a drug-administration code or a known HCPCS drug code`);
  }
  if (!opts.exerciseMode) {
    const line = derivation.lines.find((l) => l.code === code);
    const optional = derivation.optional.find((l) => l.code === code);
    if (line) out.push(`This encounter supports it: ${formatItem(line)}${said.some((m) => m.includes(line.reason)) ? "" : ` (${line.reason})`}`);
    else if (optional) out.push(`Supported only in a facility: ${optional.reason}`);
    else out.push("This encounter's documentation does not support it.");
  }
  return out.join("\n\n");
}

function drugHover(model: DocumentModel, view: EncounterView, ref: DrugRef, opts: FeatureOptions): string {
  const drug = view.result.ctx.drugs.byName(ref.key) ?? model.drugs.byName(ref.key);
  if (!drug) return `**${ref.text}**: not in the drug table; treated as a therapeutic drug. Declare it with \`drug ${ref.text} CLASS\`.`;
  const date = view.result.ctx.date;
  const out = [`**${drug.name}**: ${CLASS_WORDS[drug.class]}`];
  if (drug.note) out.push(drug.note);
  out.push(`HCPCS${date ? ` on ${date}` : ""}: ${drugCodesLine(drug, date)}`);
  if (drug.aliases.length) out.push(`Also written: ${drug.aliases.join(", ")}`);
  if (!opts.exerciseMode) {
    const lines = view.result.derivation.lines.filter((l) => l.kind === "drug" && l.drug === drug.name);
    if (lines.length) out.push(`Derived from the documented dose: ${lines.map(formatItem).join(", ")}`);
    // The JW/JZ decision in words: container, status indicator, the JW arithmetic.
    const waste = lines.find((l) => l.waste && view.result.ctx.payer?.wasteModifiers)?.waste;
    if (waste) out.push(`Waste modifiers: ${waste.why}`);
    else if (codesInForce(drug, date).length) out.push("No drug line derived: the dose is not documented or cannot be converted to the billing unit.");
  }
  return out.join("\n\n");
}

function serviceHover(s: Service, opts: FeatureOptions): string {
  const out = [`**${CATEGORY_WORDS[s.category]}** of ${s.drugName}: ${VERBS[s.admin.verb] ?? ""}`];
  if (s.minutes !== undefined) out.push(`${s.minutes} min${s.start !== undefined ? `, ${formatClock(s.start)}${s.end !== undefined ? `-${formatClock(s.end)}` : ""}` : ""}: ${s.classification}`);
  else out.push(s.classification);
  if (s.minutes !== undefined && (s.category === "infusion" || s.category === "chemo-infusion" || s.category === "hydration")) {
    out.push(`Additional hours beyond the first: ${additionalHours(s.minutes)} (each further full hour, plus one for more than 30 min past the last)`);
  }
  if (s.concurrent.length) out.push(`Overlaps (concurrent with): ${s.concurrent.map((c) => c.drugName).join(", ")}`);
  if (!opts.exerciseMode) out.push(`Gives rise to: ${s.outcome.length ? s.outcome.join("; ") : "no code"}`);
  return out.join("\n\n");
}
