// Family "pairing of administration codes": claimed and derived units of administration codes,
// unit by unit. Equal codes match (a second-site XS first); what is left is paired by likeness
// (family, then push/infusion, then role) and each pairing names its rule; a claimed unit still
// left is a documented but unreportable service (a shadow), surplus units, or unsupported. Derived
// units nobody claimed are deficits: on the claimed line of that code, or missing codes.
import type { AdminCode, CodeRole } from "../../data/types.js";
import type { ClaimItem } from "../../language/ast.js";
import { adminCode } from "../catalogue.js";
import type { ExpectedLine, Shadow } from "../derive.js";
import { MAX_TOKENS } from "./claim-items.js";
import { DISTINCT, hasDistinct, isInitialRole, type CheckInput, type ClaimedToken, type ExpectedToken } from "./types.js";
import { pushTo } from "../push-to.js";

export interface Pairing {
  adminLines: ExpectedLine[];
  /** Derived units not claimed, on a claim line of the same code. */
  deficitOnItem: ReadonlyMap<ClaimItem, ExpectedToken[]>;
  /** Derived units of codes the claim does not have at all, one list per code and modifiers. */
  missing: ExpectedToken[][];
}

function addTokens(out: ExpectedToken[], line: ExpectedLine, cap: number) {
  const info = adminCode(line.code)!;
  for (let k = Math.min(line.units, cap); k > 0; k--) out.push({ line, code: line.code, info, role: line.role, taken: false });
}

/** Sets the outcome of every claimed unit; returns what the derivation has left over. */
export function pairAdministrationCodes(input: CheckInput, claimed: ClaimedToken[]): Pairing {
  const { claim, derivation } = input;
  const adminLines = derivation.lines.filter((l) => l.kind === "admin");
  const expected: ExpectedToken[] = [];
  for (const line of adminLines) addTokens(expected, line, MAX_TOKENS);
  const optionalTokens: ExpectedToken[] = [];
  for (const line of derivation.optional) addTokens(optionalTokens, line, Infinity);
  matchEqualCodes(claimed, expected, optionalTokens);
  // Most claims match code for code: then nothing is left to pair or explain.
  if (claimed.some((c) => !c.outcome)) {
    pairByLikeness(claimed, expected, adminLines);
    explainUnpaired(claimed, derivation.shadows, adminLines);
  }

  // Derived units nobody claimed, one list per code and modifiers, in derived order.
  const deficits: ExpectedToken[][] = [];
  for (const e of expected) {
    if (e.taken) continue;
    const list = deficits.find((d) => d[0].code === e.code && sameModifiers(d[0].line.modifiers, e.line.modifiers));
    if (list) list.push(e);
    else deficits.push([e]);
  }
  let deficitOnItem: Map<ClaimItem, ExpectedToken[]> | undefined;
  const missing: ExpectedToken[][] = [];
  for (const list of deficits) {
    const item = claim.items.find((i) => i.code === list[0].code);
    if (item) (deficitOnItem ??= new Map()).set(item, list);
    else missing.push(list);
  }
  return { adminLines, deficitOnItem: deficitOnItem ?? NO_DEFICITS, missing };
}

// Most claims leave no derived unit unclaimed.
const NO_DEFICITS: ReadonlyMap<ClaimItem, ExpectedToken[]> = new Map();

const sameModifiers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((m, i) => m === b[i]);

function matchEqualCodes(claimed: ClaimedToken[], expected: ExpectedToken[], optionalTokens: ExpectedToken[]) {
  for (const c of claimed) take(c, expected, hasDistinct(c.item));
  for (const c of claimed) if (!c.outcome) take(c, expected);
  if (optionalTokens.length) for (const c of claimed) if (!c.outcome) take(c, optionalTokens);
}

/** The first free unit of the claimed code in `pool` (with XS or not, when `xs` is given) matches `c`. */
function take(c: ClaimedToken, pool: ExpectedToken[], xs?: boolean) {
  for (const e of pool) {
    if (e.taken || e.code !== c.info.code || (xs !== undefined && e.line.modifiers.includes("XS") !== xs)) continue;
    e.taken = true;
    c.outcome = { kind: "match", to: e };
    return;
  }
}

/** Cheapest pairs first; ties by claim order, then derived order. */
function pairByLikeness(claimed: ClaimedToken[], expected: ExpectedToken[], adminLines: ExpectedLine[]) {
  const pairs: { c: ClaimedToken; e: ExpectedToken; cost: number; ci: number; ei: number }[] = [];
  claimed.forEach((c, ci) => {
    if (c.outcome) return;
    expected.forEach((e, ei) => {
      if (e.taken) return;
      const cost = pairCost(c.info, e);
      if (cost < Infinity) pairs.push({ c, e, cost, ci, ei });
    });
  });
  pairs.sort((a, b) => a.cost - b.cost || a.ci - b.ci || a.ei - b.ei);
  for (const p of pairs) {
    if (p.c.outcome || p.e.taken) continue;
    p.e.taken = true;
    p.c.outcome = { kind: "paired", rule: pairRule(p.c, p.e, adminLines), to: p.e };
  }
}

/**
 * Unpaired claimed units: a documented but unreportable service of that code, surplus units of a
 * derived code, an oral drug or line flush (the "any code" shadows, only when nothing more
 * specific explains the unit), or nothing at all.
 */
function explainUnpaired(claimed: ClaimedToken[], shadows: Shadow[], adminLines: ExpectedLine[]) {
  const next = new ShadowQueues(shadows);
  for (const c of claimed) {
    if (c.outcome) continue;
    const own = next.take(c.info.code);
    if (own) {
      c.outcome = { kind: "shadow", rule: own.rule, shadow: own };
    } else if (adminLines.some((l) => l.code === c.info.code || (c.info.role === "hour" && c.info.primaries.includes(l.code)))) {
      // Too many units of a derived code, or hours beyond what its documented base service earns.
      const rule = c.info.role === "hour" || c.info.oncePerEncounter ? "units" : c.info.role === "initial" ? "duplicate-initial" : "unsupported-code";
      c.outcome = { kind: "surplus", rule };
    } else {
      const any = c.info.family !== "hydration" ? next.take("*") : undefined;
      c.outcome = any ? { kind: "shadow", rule: any.rule, shadow: any } : { kind: "unsupported" };
    }
  }
}

/** The shadows not yet used, by code ("*" for any code), each queue in derivation order. */
class ShadowQueues {
  private readonly byCode = new Map<string, Shadow[]>();
  private readonly heads = new Map<string, number>();

  constructor(shadows: Shadow[]) {
    for (const shadow of shadows) pushTo(this.byCode, shadow.code, shadow);
  }

  /** The first unused shadow of `code`, marked used. */
  take(code: string): Shadow | undefined {
    const at = this.heads.get(code) ?? 0;
    const pick = this.byCode.get(code)?.[at];
    if (pick) this.heads.set(code, at + 1);
    return pick;
  }
}

/** Where a unit sits: an hour, an IV service (push, infusion, hydration), or a standalone code of its kind. */
const slot = (info: AdminCode, role: CodeRole): string =>
  role === "hour" ? "hour" : info.kind === "push" || info.kind === "infusion" || info.kind === "hydration" ? "service" : info.kind;

function pairCost(c: AdminCode, e: ExpectedToken): number {
  // 96361 is an hour of the initial hydration or secondary hydration (sequential).
  const best = costAs(c, c.code === "96361" ? "hour" : c.role, e);
  return c.code === "96361" ? Math.min(best, costAs(c, "sequential", e)) : best;
}

function costAs(c: AdminCode, role: CodeRole, e: ExpectedToken): number {
  const cs = slot(c, role);
  if (cs !== slot(e.info, e.role)) return Infinity;
  const fam = c.family !== e.info.family ? 4 : 0;
  return cs === "service" ? fam + (c.kind !== e.info.kind ? 2 : 0) + (role !== e.role ? 1 : 0) : fam + 1;
}

function pairRule(c: ClaimedToken, e: ExpectedToken, lines: ExpectedLine[]): string {
  if (e.line.payerFor === c.info.code) return "payer-edit";
  const cf = c.info.family;
  const ef = e.info.family;
  if (cf !== ef) {
    if (ef === "chemo") return "chemo-as-non-chemo";
    if (cf === "chemo") return "non-chemo-as-chemo";
    return ef === "hydration" ? "hydration-as-infusion" : "infusion-as-hydration";
  }
  if (c.info.kind !== e.info.kind) {
    if (c.info.kind === "push" && e.info.kind === "infusion") return "infusion-as-push";
    if (c.info.kind === "infusion" && e.info.kind === "push") return "push-as-infusion";
    if (c.info.kind === "pump" || e.info.kind === "pump") return "payer-edit";
    return "wrong-code";
  }
  if (c.info.kind === "pump" && c.info.code !== e.code) return "payer-edit";
  const cr = c.info.role;
  const er = e.role;
  if (isInitialRole(cr) && !isInitialRole(er)) {
    if (c.item.modifiers.some((m) => DISTINCT.has(m.value))) return "modifier-inappropriate";
    return lines.some((l) => l.role === "initial" && l.code === c.info.code) ? "duplicate-initial" : "wrong-initial";
  }
  if (!isInitialRole(cr) && isInitialRole(er)) return "wrong-initial";
  if (cr === "sequential" && er === "concurrent") return "concurrent-as-sequential";
  if (cr === "concurrent" && er === "sequential") return "sequential-as-concurrent";
  if (cr === "new-drug" && er === "same-drug") return "same-drug-as-new";
  if (cr === "same-drug" && er === "new-drug") return "new-drug-as-same";
  return "wrong-code";
}
