// Derivation (LANGUAGE.md §4): documented administrations → the codes the claim should carry,
// with the reason for each line, plus "shadows": codes a coder might claim for a service that is
// not separately reportable, so the checker can name the precise rule when one is claimed.
//
// The derivation is a pipeline of passes over one shared state (derive/types.ts). Each pass is a
// file in derive/ that opens with what it reads and what it adds; they run in the order below.
import { makeFinding } from "./finding.js";
import { adminCode } from "./catalogue.js";
import type { EncounterNode } from "../language/ast.js";
import { dropOrphanAddOns } from "./derive/addon-primaries.js";
import { classifyServices } from "./derive/classification.js";
import { linkConcurrency } from "./derive/concurrency.js";
import { deriveDrugLines } from "./derive/drug-lines.js";
import { deriveDrugWaste } from "./derive/drug-waste.js";
import { countHydrationTime } from "./derive/hydration-time.js";
import { chooseInitialServices } from "./derive/initial-service.js";
import { codeServices } from "./derive/service-codes.js";
import { identifyServices } from "./derive/services.js";
import { newState } from "./derive/state.js";
import { placeOnTimeline } from "./derive/timeline.js";
import { codeVisits } from "./derive/visits.js";
import { codePortDraws } from "./derive/port-draws.js";
import { isFacility, type Derivation, type DerivationState, type EncounterContext } from "./derive/types.js";

export type { WasteDecision, Category, DerivationState, DocumentedDrug, EncounterContext, ExpectedLine, Service, Shadow, Derivation, Withheld } from "./derive/types.js";
export { CATEGORY_WORDS } from "./derive/types.js";
export { formatClock } from "./derive/timeline.js";
export { formatAmount, pickDrugCode } from "./derive/drug-lines.js";

export type Pass = (st: DerivationState) => void;

/** The passes, in order. New steps go in at their place in this list. */
export const PASSES: readonly Pass[] = [
  identifyServices, // one service per administration; unknown drugs
  placeOnTimeline, // minutes, start and end; time order
  classifyServices, // push, infusion, hydration, injection, pump...
  linkConcurrency, // which services ran at the same time
  countHydrationTime, // reportable hydration minutes per site
  chooseInitialServices, // initial service of the encounter and of each further IV site
  codeServices, // administration codes, add-ons and hours, pumps and ports, payer substitutions
  dropOrphanAddOns, // an add-on with none of its primary codes is left off, before anything counts it
  codeVisits, // E/M visits: modifier 25 beside administration codes, payer bundling of 99211
  codePortDraws, // 36591, only when no other service but laboratory tests is given
  deriveDrugLines, // HCPCS drug lines
  deriveDrugWaste, // JW/JZ on single-dose drug lines (products were resolved by name in the services pass)
];

function runPasses(enc: EncounterNode, ctx: EncounterContext): DerivationState {
  const st = newState(enc, ctx);
  for (const pass of PASSES) pass(st);
  return st;
}

export function derive(enc: EncounterNode, ctx: EncounterContext): Derivation {
  let st = runPasses(enc, ctx);
  const orphan = st.droppedAddOns[0];
  if (orphan && ctx.primary && !isFacility(ctx.setting)) {
    // An office's primary reason may leave an add-on without any of its primary codes (96417
    // needs 96413): then CPT's add-on rules win and the hierarchy picks the initial service.
    const primary = ctx.primary;
    const because = `${primary.text} as the initial service, ${orphan.code} would have none of its primary codes`;
    st = runPasses(enc, { ...ctx, primary: undefined, primarySetAside: `with ${because}` });
    st.findings.push(makeFinding("primary-mismatch", primary.span, `With ${because} (${adminCode(orphan.code)!.primaries.join(", ")}); the hierarchy picks the initial service instead.`, enc.index));
  }
  const { services, lines, optional, shadows, withheld, drugs, initials, findings, notes } = st;
  return { services, lines, optional, shadows, withheld, drugs, initials, findings, notes };
}
