// The engine's entry point: text in, derived claims and findings out. Pure: no editor, no files.
import type { PayerProfile, SettingName } from "../data/types.js";
import { PAYERS } from "../data/payers/index.js";
import type { Administration, EncounterNode, Fields, FileNode } from "../language/ast.js";
import { lineStartBefore } from "../language/line-index.js";
import { normalizeName } from "../language/names.js";
import { parse } from "../language/parse.js";
import { runToEnd } from "../language/steps.js";
import { BUILTIN_DRUGS, adminCode, billingUnits, codesInForce, inForce, otherCode, withDeclarations, type DrugTable } from "./catalogue.js";
import { isDrugLineCode } from "./check/drug-lines.js";
import { checkClaim } from "./check.js";
import { rewriteClaim, type ItemText } from "./claim-text.js";
import { derive, pickDrugCode, type Derivation, type EncounterContext } from "./derive.js";
import { applyDirectives } from "./directives.js";
import { makeFinding, type Finding, type Fix } from "./finding.js";
import { RULE_IDS, type Severity } from "./rules.js";
import type { NcciEdits } from "../ncci/types.js";

export interface AnalyzeOptions {
  /** Name of the implicit encounter of a file without headers. */
  fileName?: string;
  /** Defaults below the file's own: from the editor settings or the CLI configuration. */
  defaults?: { setting?: SettingName; payer?: string };
  /** The drug table before the file's declarations (built-in plus extra tables). */
  drugs?: DrugTable;
  payers?: readonly PayerProfile[];
  /** Severity overrides per rule id; "off" drops the rule. */
  severities?: Readonly<Record<string, Severity | "off">>;
  /** The configured CMS NCCI PTP and MUE edits (server/src/ncci), if any. */
  ncci?: NcciEdits;
  /** Report `# encounter-lint-disable...` comments that silenced nothing (`unused-directive`). */
  reportUnusedDisableDirectives?: boolean;
}

export interface EncounterResult {
  node: EncounterNode;
  ctx: EncounterContext;
  setting?: SettingName;
  payerName?: string;
  derivation: Derivation;
  findings: Finding[];
  /** Rewrites the claim to the derived lines, or undefined when there is nothing to change. */
  readonly fixAll?: Fix;
}

export interface FileAnalysis {
  file: FileNode;
  encounters: EncounterResult[];
  findings: Finding[];
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): FileAnalysis {
  return analyzeFile(parse(text, { fileName: options.fileName }), text, options);
}

export function analyzeFile(file: FileNode, text: string, options: AnalyzeOptions = {}): FileAnalysis {
  return analyzeFileWith(file, text, options, (r) => r);
}

/**
 * analyzeFile, handing each encounter's result to `keep` as soon as it is made and keeping what
 * `keep` returns. A caller that needs only part of each result (the CLI's report: the derived
 * lines) lets the rest go at once, instead of holding every derivation of the file until the
 * last encounter is done (measured: fewer objects survive into the garbage collector's old space).
 */
export function analyzeFileWith<T>(file: FileNode, text: string, options: AnalyzeOptions, keep: (r: EncounterResult) => T): { file: FileNode; encounters: T[]; findings: Finding[] } {
  return runToEnd(analysisSteps(file, text, options, keep));
}

/**
 * analyzeFileWith one encounter per step, the analysis being the generator's result: for a
 * caller that must stay responsive between encounters (the language server's preview).
 */
export function* analysisSteps<T>(file: FileNode, text: string, options: AnalyzeOptions, keep: (r: EncounterResult) => T): Generator<void, { file: FileNode; encounters: T[]; findings: Finding[] }> {
  const findings = syntaxFindings(file);
  const encounters: T[] = [];
  for (const r of encounterResults(file, text, options)) {
    for (const f of r.findings) findings.push(f);
    encounters.push(keep(r));
    yield;
  }
  const kept = applyDirectives(file.directives, text, applySeverities(findings, options.severities), { knownRules: RULE_IDS, reportUnused: options.reportUnusedDisableDirectives });
  return { file, encounters, findings: applySeverities(kept, options.severities).sort(byPlace) };
}

/** Each encounter's analysis in file order, made only when asked for (the file's drug declarations applied once). */
export function* encounterResults(file: FileNode, text: string, options: AnalyzeOptions = {}): Generator<EncounterResult> {
  const drugs = withDeclarations(options.drugs ?? BUILTIN_DRUGS, file.drugs);
  for (const enc of file.encounters) yield analyzeEncounter(enc, file, text, drugs, options);
}

/** The parser's syntax errors, as findings (before severities and directives). */
export const syntaxFindings = (file: FileNode): Finding[] => file.errors.map((e) => makeFinding("syntax", e.span, e.message, e.encounter ?? null));

/** The order of a file's findings: by place; at the same place the earlier in the list first (a stable sort). */
export const byPlace = (a: Finding, b: Finding) => a.span.start - b.span.start || a.span.end - b.span.end;

export function analyzeEncounter(enc: EncounterNode, file: FileNode, text: string, drugs: DrugTable, options: AnalyzeOptions = {}): EncounterResult {
  const own = enc.fields;
  const defaults = file.defaults;
  // Each field the encounter leaves undefined keeps the file's default (read field by field: a
  // merged copy of every field, made per encounter, cost more; the type makes a new field fail
  // to compile until it is listed here).
  const f: { [K in keyof Required<Fields>]: Fields[K] } = {
    setting: own.setting ?? defaults.setting,
    pos: own.pos ?? defaults.pos,
    payer: own.payer ?? defaults.payer,
    date: own.date ?? defaults.date,
    bsa: own.bsa ?? defaults.bsa,
    weight: own.weight ?? defaults.weight,
    primary: own.primary ?? defaults.primary,
  };
  const findings: Finding[] = [];
  const setting = f.setting?.value ?? f.pos?.setting ?? options.defaults?.setting;
  if (f.setting && f.pos && f.setting.value !== f.pos.setting)
    findings.push(makeFinding("syntax", f.pos.span, `pos ${f.pos.value} is ${f.pos.setting} but setting says ${f.setting.value}`, enc.index));
  const payerName = f.payer?.value ?? options.defaults?.payer;
  const payers = options.payers ?? PAYERS;
  const payer = payerName ? payerIndex(payers).get(normalizeName(payerName)) : undefined;
  if (payerName && !payer && f.payer)
    findings.push(makeFinding("unknown-payer", f.payer.valueSpan, `No payer profile for '${payerName}': CPT rules apply without payer edits (profiles: ${payers.map((p) => p.id).join(", ")}).`, enc.index));
  const ctx: EncounterContext = {
    setting,
    payer,
    date: f.date?.value,
    bsa: f.bsa?.value,
    weight: f.weight?.value,
    primary: f.primary?.value,
    drugs,
  };
  const derivation = derive(enc, ctx);
  let drugAt: (() => Map<number, Administration>) | undefined;
  for (const x of derivation.findings) findings.push(x.rule === "unknown-drug" ? withDeclarationFix(x, enc, text, (drugAt ??= adminsByDrugStart(enc))) : x);
  // Offered only when there is something to correct (a clean claim keeps its own layout).
  let correctable = false;
  if (enc.claim && !enc.syntaxErrors.length) {
    const claimFindings = checkClaim({ enc, claim: enc.claim, ctx, derivation, text, ncci: options.ncci });
    for (const x of claimFindings) findings.push(x);
    correctable = claimFindings.some((f) => f.severity !== "info");
  }
  return new Analysed(enc, ctx, setting, payerName, derivation, applySeverities(findings, options.severities), correctable ? text : undefined);
}

/**
 * An encounter's result. The fix-all rewrite is built when first read: only --fix and the
 * editor's quick fixes read it, and the lint report (most runs) never does (measured: about 2 %
 * of a 20,000-encounter lint's CPU). It holds nothing the result does not hold already (the
 * editor's model keeps its own compact results, not these).
 */
class Analysed implements EncounterResult {
  private fix: Fix | undefined | null = null;

  constructor(
    readonly node: EncounterNode,
    readonly ctx: EncounterContext,
    readonly setting: SettingName | undefined,
    readonly payerName: string | undefined,
    readonly derivation: Derivation,
    readonly findings: Finding[],
    /** The file's text when the claim has something to correct; undefined: no rewrite. */
    private readonly text: string | undefined,
  ) {}

  get fixAll(): Fix | undefined {
    if (this.fix === null) this.fix = this.text === undefined ? undefined : fixAllFor(this.node, this.ctx, this.derivation, this.text);
    return this.fix;
  }
}

const payerIndexes = new WeakMap<readonly PayerProfile[], Map<string, PayerProfile>>();
function payerIndex(payers: readonly PayerProfile[]): Map<string, PayerProfile> {
  let index = payerIndexes.get(payers);
  if (!index) {
    index = new Map();
    for (const p of [...payers].reverse()) for (const n of p.names) index.set(normalizeName(n), p);
    payerIndexes.set(payers, index);
  }
  return index;
}

/** Severity overrides per rule id ("off" drops the finding); the editor's document model applies them the same way. */
export function applySeverities(findings: Finding[], severities?: Readonly<Record<string, Severity | "off">>): Finding[] {
  if (!severities) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const s = severities[f.rule];
    if (s === "off") continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}

/** The administrations by where their drug name starts, built on first use (unknown drugs are rare). */
function adminsByDrugStart(enc: EncounterNode): () => Map<number, Administration> {
  let index: Map<number, Administration> | undefined;
  return () => {
    if (index) return index;
    index = new Map();
    for (const a of enc.administrations) if (a.drug && !index.has(a.drug.span.start)) index.set(a.drug.span.start, a);
    return index;
  };
}

/** "Declare this drug": a `drug` line above the encounter (a declaration, never an administration line). */
function withDeclarationFix(f: Finding, enc: EncounterNode, text: string, drugAt: () => Map<number, Administration>): Finding {
  if (f.rule !== "unknown-drug") return f;
  const admin = drugAt().get(f.span.start);
  if (!admin?.drug) return f;
  const name = /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(admin.drug.text) ? admin.drug.text : `"${admin.drug.text}"`;
  const cls = admin.verb === "hydrate" ? "fluid" : "therapeutic";
  const at = lineStartBefore(text, enc.headerSpan.start);
  return { ...f, fix: { title: `Declare ${admin.drug.text} as a ${cls} drug`, edits: [{ start: at, end: at, newText: `drug ${name} ${cls}\n` }] } };
}

/**
 * Fix all: the claim's administration lines become the derived ones; HCPCS drug lines stay, with
 * retired codes replaced, units corrected, undocumented drugs removed and missing ones added.
 * Visit lines and 36591 become the derived ones; unchecked codes (laboratory tests, codes outside
 * the catalogue) and codes that cannot exist (96363) are kept as written.
 */
function fixAllFor(enc: EncounterNode, ctx: EncounterContext, d: Derivation, text: string): Fix | undefined {
  const claim = enc.claim!;
  // Visits, administration codes and the port draw, in the derived order (drug lines come later).
  const items: ItemText[] = d.lines.filter((l) => l.kind !== "drug").map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers }));
  const optionalClaimed = d.optional.filter((l) => claim.items.some((i) => i.code === l.code));
  items.push(...optionalClaimed.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers })));
  let anyDrug = false;
  const billed = new Set<string>();
  for (const item of claim.items) {
    if (adminCode(item.code)) continue;
    const dc = ctx.drugs.byCode(item.code);
    if (!dc) {
      // Unchecked codes (laboratory tests among them) and codes that cannot exist stay as written
      // (only the coder knows what was meant); E/M visits and 36591 are derived.
      if (!otherCode(item.code)) items.push({ code: item.code, units: item.units, modifiers: item.modifiers.map((m) => m.value) });
      continue;
    }
    anyDrug ||= isDrugLineCode(item.code);
    const doc = d.drugs.get(dc.drug.name.toLowerCase());
    if (!doc) continue;
    const mods = item.modifiers.map((m) => m.value);
    const derived = d.lines.find((l) => l.kind === "drug" && l.drug === dc.drug.name && !l.modifiers.includes("JW"));
    const waste = derived?.waste?.required || (derived?.waste?.container === "multiple" && ctx.payer?.wasteModifiers);
    if (mods.includes("JW")) {
      // A JW line stays as written unless the payer's waste rules decide it (then it is re-derived below).
      if (!waste) items.push({ code: item.code, units: item.units, modifiers: mods });
      continue;
    }
    if (billed.has(dc.drug.name)) continue;
    billed.add(dc.drug.name);
    const kept = waste ? [...mods.filter((m) => m !== "JZ"), ...derived!.modifiers] : mods;
    const inForceNow = inForce(dc.code, ctx.date);
    const pick = pickDrugCode(doc, ctx.date);
    if (!inForceNow || !derived) {
      const now = pick?.code ?? (inForceNow ? dc.code : codesInForce(dc.drug, ctx.date).find((c) => c.derive !== false));
      items.push({ code: now?.code ?? item.code, units: pick?.units ?? item.units, modifiers: kept });
    }
    else if (derived.code === item.code || claim.items.filter((i) => ctx.drugs.byCode(i.code)?.drug === dc.drug).length > 1) items.push({ code: derived.code, units: derived.units, modifiers: kept });
    else {
      const amount = doc.units.get(item.code);
      items.push({ code: item.code, units: (amount === undefined ? undefined : billingUnits(amount, dc.code)) ?? item.units, modifiers: kept });
    }
    if (derived?.waste?.required) for (const l of d.lines) if (l.kind === "drug" && l.drug === dc.drug.name && l.modifiers.includes("JW")) items.push({ code: l.code, units: l.units, modifiers: l.modifiers });
  }
  // Drugs documented but not billed (or billed under another product's code): their derived lines, with JW/JZ.
  if (anyDrug) for (const l of d.lines) if (l.kind === "drug" && !billed.has(l.drug!)) items.push({ code: l.code, units: l.units, modifiers: l.modifiers });
  const edit = rewriteClaim(text, claim, items);
  if (text.slice(edit.start, edit.end) === edit.newText) return undefined;
  return { title: `Rewrite the claim of '${enc.name}' to the derived codes`, edits: [edit] };
}
