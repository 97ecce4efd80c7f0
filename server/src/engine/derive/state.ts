// The derivation state and the three ways a pass writes to it: a finding, a claim line, a shadow.
import type { CodeRole } from "../../data/types.js";
import type { EncounterNode, Span } from "../../language/ast.js";
import { adding, NONE } from "../../language/empty-list.js";
import { makeFinding } from "../finding.js";
import type { DerivationState, DocumentedDrug, EncounterContext, ExpectedLine, FindingExtra, Service } from "./types.js";

// Most encounters have no hydration: the hydration pass gives a state maps of its own when one has.
const NO_HYDRATION: ReadonlyMap<number, number> = new Map();
const NO_HYDRATION_WHY: ReadonlyMap<number, string> = new Map();
// The drug-lines pass gives every state its own map of documented drugs; until then, none.
const NO_DRUGS: Map<string, DocumentedDrug> = new Map();

export function newState(enc: EncounterNode, ctx: EncounterContext): DerivationState {
  return {
    enc, ctx,
    services: [], chronological: [], hydrationMinutes: NO_HYDRATION, hydrationWhy: NO_HYDRATION_WHY, initials: [], main: undefined, initialWhy: "",
    lines: [], optional: [], shadows: [], withheld: [], drugs: NO_DRUGS, findings: [], notes: [], nextOrder: 0, droppedAddOns: [],
  };
}

export function report(st: DerivationState, rule: string, span: Span, message: string, extra?: FindingExtra) {
  st.findings.push(makeFinding(rule, span, message, st.enc.index, extra));
}

export interface EmitOptions {
  modifiers?: string[];
  /** The initial service's own lines lead the claim. */
  first?: boolean;
  /** Where the line goes: the claim's lines, or the lines that depend on an unstated setting. */
  target?: ExpectedLine[];
  /** The CPT code a payer substitution replaced. */
  payerFor?: string;
}

/**
 * Adds `units` of `code` for service `s`, merged into an existing line of the same code and
 * modifiers (several bags or sites can earn units of one code), and records it in the outcome.
 */
export function emit(st: DerivationState, s: Service, code: string, units: number, role: CodeRole, reason: string, opts?: EmitOptions) {
  if (units <= 0) return;
  const modifiers = opts?.modifiers ?? NONE;
  const first = opts?.first ?? false;
  const target = opts?.target ?? st.lines;
  noteOutcome(s, modifiers.length ? `${code}-${modifiers.join("-")}${units > 1 ? ` ×${units}` : ""}` : units > 1 ? `${code} ×${units}` : code);
  const existing = target.find((l) => l.code === code && sameModifiers(l.modifiers, modifiers));
  if (existing) {
    existing.parts ??= [{ units: existing.units, reason: existing.reason }];
    existing.parts.push({ units, reason });
    existing.units += units;
    existing.admins.push(s.index); // sorted once the walk is done
    if (!first) existing.order = Math.min(existing.order, s.index * 100);
    return;
  }
  const line: ExpectedLine = { code, units, modifiers, admins: [s.index], role, kind: "admin", reason, order: first ? -1 : s.index * 100 + st.nextOrder++ };
  if (opts?.payerFor) line.payerFor = opts.payerFor;
  target.push(line);
}

/** Adds to what a service gave rise to (most services have one outcome: empty-list.ts). */
export function noteOutcome(s: Service, text: string) {
  s.outcome = adding(s.outcome, text);
}

/** Records a code that would be wrong to claim for `s`, with the rule that explains why. */
export function shadow(st: DerivationState, s: Service, code: string, rule: string, reason: string) {
  st.shadows.push({ code, rule, admin: s.index, reason });
}

const sameModifiers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((m, i) => m === b[i]);
