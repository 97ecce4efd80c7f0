// Pass "initial service". Reads: the reportable IV services (push, infusion, hydration), the
// setting and `primary`. Adds: the initial service of the encounter (`main`, with why) and of each
// further IV site (`initials`), notes on how it was chosen, and `setting-unstated` or
// `primary-mismatch` where the office and facility rules part or `primary` names nothing given IV.
import type { DrugRef } from "../../language/ast.js";
import type { DrugTable } from "../catalogue.js";
import { report } from "./state.js";
import { CATEGORY_WORDS, RANK, isFacility, isRanked, type DerivationState, type Service } from "./types.js";
import { pushTo } from "../push-to.js";

const HIERARCHY_NOTE = "No primary reason for the encounter is stated, so the initial service follows the hierarchy (chemo infusion > chemo push > non-chemo infusion > non-chemo push > hydration). In an office CPT makes the primary reason the initial service: write `primary DRUG` to name it.";
const FACILITY_NOTE = "In a facility CPT's hierarchy picks the initial service: chemo infusion > chemo push > non-chemo infusion > non-chemo push > hydration; ties go to the earliest start, then the one listed first.";

export function chooseInitialServices(st: DerivationState) {
  const { ctx } = st;
  const facility = isFacility(ctx.setting);
  const candidates = st.services.filter((s) => isRanked(s) && !s.notReportable);
  if (!facility && ctx.primary) choosePrimary(st, ctx.primary, candidates);
  if (facility && ctx.primary) primaryInFacility(st, ctx.primary);
  if (!st.main) {
    const main = (st.main = byHierarchy(candidates));
    st.initialWhy = facility ? "CPT facility hierarchy" : hierarchyWhy(ctx);
    if (main && !facility && !ctx.primary && !ctx.primarySetAside && candidates.some((c) => c.category !== main.category)) st.notes.push(HIERARCHY_NOTE);
  }
  const main = st.main;
  if (main && facility) st.notes.push(FACILITY_NOTE);
  if (main) st.initials = [main]; // the first initial service (a list made with it: see noteOutcome)
  // Further IV sites are rare: no grouping unless a candidate is at another site than the main one.
  if (!candidates.some((s) => s.site !== main?.site)) return;
  const bySite = new Map<number, Service[]>();
  for (const s of candidates) pushTo(bySite, s.site, s);
  for (const [site, list] of bySite) {
    if (site === main?.site) continue;
    const best = byHierarchy(list);
    if (best) st.initials.push(best);
  }
}

/** Why the hierarchy, not the primary reason, picks an office's initial service, in words. */
function hierarchyWhy(ctx: DerivationState["ctx"]): string {
  if (ctx.primarySetAside) return `hierarchy; ${ctx.primarySetAside}`;
  if (!ctx.primary) return "hierarchy; no primary reason stated";
  return isPrimaryHydration(ctx.primary, ctx.drugs) ? "hierarchy; primary hydration, but no reportable hydration" : "hierarchy; the primary drug has no IV service";
}

/** An office's primary reason makes its IV service the initial one (CPT). */
function choosePrimary(st: DerivationState, primary: DrugRef, candidates: Service[]) {
  const { ctx, enc } = st;
  const hydration = isPrimaryHydration(primary, ctx.drugs);
  const main = byHierarchy(candidates.filter((s) => (hydration ? s.category === "hydration" : s.drugKey === primaryKey(primary, ctx.drugs))));
  if (!main) {
    report(st, "primary-mismatch", primary.span, hydration
      ? "primary hydration, but no reportable hydration (more than 30 counted minutes) is documented in this encounter; the hierarchy is used instead."
      : `primary names ${primary.text}, but no IV push, infusion or hydration of ${primary.text} is documented in this encounter; the hierarchy is used instead.`);
    return;
  }
  st.main = main;
  st.initialWhy = `primary reason for the encounter`;
  const hier = byHierarchy(candidates);
  if (!ctx.setting && hier && hier !== main)
    report(st, "setting-unstated", enc.headerSpan, `No setting is stated: as an office visit the initial service is the ${main.drugName} ${CATEGORY_WORDS[main.category]} (primary); in a facility the hierarchy would make it the ${hier.drugName} ${CATEGORY_WORDS[hier.category]}. State setting office or setting hopd.`);
}

/** In a facility CPT's hierarchy picks the initial service; `primary` is an office's statement. */
function primaryInFacility(st: DerivationState, primary: DrugRef) {
  const field = st.enc.fields.primary;
  const fix = field?.value === primary ? { title: "Remove primary", edits: [{ start: field.span.start, end: field.span.end, newText: "" }] } : undefined;
  report(st, "primary-mismatch", primary.span, `primary ${primary.text} has no effect in a hospital outpatient (hopd) encounter: CPT's facility hierarchy picks the initial service there (chemo infusion > chemo push > non-chemo infusion > non-chemo push > hydration).`, fix ? { fix } : undefined);
}

/** `primary hydration`: hydration was the reason for the encounter (unless a drug is named "hydration"). */
function isPrimaryHydration(ref: DrugRef, drugs: DrugTable): boolean {
  return ref.key === "hydration" && !drugs.byName(ref.key);
}

function byHierarchy(list: Service[]): Service | undefined {
  return list.reduce<Service | undefined>((best, s) => (!best || compareForInitial(s, best) < 0 ? s : best), undefined);
}

/** Hierarchy rank, then earliest documented start, then listed first. */
function compareForInitial(a: Service, b: Service): number {
  const r = RANK[a.category]! - RANK[b.category]!;
  if (r) return r;
  if (a.start !== undefined && b.start !== undefined && a.start !== b.start) return a.start - b.start;
  return a.index - b.index;
}

function primaryKey(ref: DrugRef, drugs: DrugTable): string {
  return drugs.byName(ref.key)?.name.toLowerCase() ?? ref.key;
}
