// The derivation state and the three ways a pass writes to it: a finding, a claim line, a shadow.
import type { CodeRole } from "../../data/types.js";
import type { EncounterNode, Span } from "../../language/ast.js";
import { makeFinding } from "../finding.js";
import type { DerivationState, EncounterContext, ExpectedLine, FindingExtra, Service } from "./types.js";

export function newState(enc: EncounterNode, ctx: EncounterContext): DerivationState {
  return {
    enc, ctx,
    services: [], chronological: [], hydrationMinutes: new Map(), hydrationWhy: new Map(), initials: [], initialWhy: "",
    lines: [], optional: [], shadows: [], withheld: [], drugs: new Map(), findings: [], notes: [], nextOrder: 0, droppedAddOns: [],
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
export function emit(st: DerivationState, s: Service, code: string, units: number, role: CodeRole, reason: string, opts: EmitOptions = {}) {
  const { modifiers = [], first = false, target = st.lines, payerFor } = opts;
  if (units <= 0) return;
  const existing = target.find((l) => l.code === code && sameModifiers(l.modifiers, modifiers));
  s.outcome.push(`${code}${modifiers.map((m) => `-${m}`).join("")}${units > 1 ? ` ×${units}` : ""}`);
  if (existing) {
    existing.parts ??= [{ units: existing.units, reason: existing.reason }];
    existing.parts.push({ units, reason });
    existing.units += units;
    existing.admins.push(s.index); // sorted once the walk is done
    if (!first) existing.order = Math.min(existing.order, s.index * 100);
    return;
  }
  target.push({ code, units, modifiers, admins: [s.index], role, kind: "admin", reason, order: first ? -1 : s.index * 100 + st.nextOrder++, ...(payerFor ? { payerFor } : {}) });
}

/** Records a code that would be wrong to claim for `s`, with the rule that explains why. */
export function shadow(st: DerivationState, s: Service, code: string, rule: string, reason: string) {
  st.shadows.push({ code, rule, admin: s.index, reason });
}

const sameModifiers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((m, i) => m === b[i]);
