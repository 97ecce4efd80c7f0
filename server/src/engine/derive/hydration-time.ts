// Pass "hydration time" (LANGUAGE.md §4 step 1). Reads: hydration services, the clock minutes of
// every drug infusion, pump start and timed push, and `with` links. Adds: the counted hydration
// minutes per IV site with the sentence that explains them, and marks hydration not reportable
// (with its shadows 96360, 96361) when it runs wholly during other administrations or when its
// site counts 30 minutes or less.
//
// Counted time is the hydration's minutes outside other administrations' documented minutes,
// found by a sweep over sorted, merged intervals. Two hydration bags whose times overlap count
// the union of their minutes (an auditor counts the clock time hydration ran, not the bags).
// Without clock times, hydration marked `with DRUG` counts its minutes less that infusion's.
import { describeMinutes } from "../time-rules.js";
import { merge, measure, minutesOutside, overlapWith, type Interval, type Merged } from "./intervals.js";
import { shadow, noteOutcome } from "./state.js";
import type { DerivationState, Service } from "./types.js";

const HYDRATION_CODES = ["96360", "96361"];

interface SiteTime {
  timed: Interval[];
  untimedCounted: number;
  documented: number;
  taken: number;
  names: string[];
}

export function countHydrationTime(st: DerivationState) {
  // Most encounters document no hydration: then there is nothing to count.
  if (st.services.some((s) => s.category === "hydration")) countSites(st);
  for (const s of st.services) if (s.notReportable) noteOutcome(s, `not reportable: ${s.notReportable}`);
}

/** Counted minutes per site, and hydration of 30 minutes or less marked not reportable. */
function countSites(st: DerivationState) {
  const blockers = merge(st.services.flatMap(blockingInterval));
  const sites = new Map<number, SiteTime>();
  for (const s of st.services) {
    if (s.category !== "hydration") continue;
    let site = sites.get(s.site);
    if (!site) sites.set(s.site, (site = { timed: [], untimedCounted: 0, documented: 0, taken: 0, names: [] }));
    countOne(st, s, blockers, site);
  }
  const minutes = (st.hydrationMinutes = new Map<number, number>());
  const why = (st.hydrationWhy = new Map<number, string>());
  for (const [n, site] of sites) {
    const union = merge(site.timed);
    const counted = minutesOutside(union, blockers) + site.untimedCounted;
    const documented = measure(union) + site.documented;
    minutes.set(n, counted);
    why.set(n, explain(documented, documented - counted, site.names, counted));
  }
  for (const s of st.services) {
    if (s.category !== "hydration" || s.notReportable) continue;
    const total = st.hydrationMinutes.get(s.site) ?? 0;
    if (total <= 30) {
      s.notReportable = `${total} min of hydration counted (31 min or more needed)`;
      const why = st.hydrationWhy.get(s.site)!;
      for (const c of HYDRATION_CODES) shadow(st, s, c, "not-reportable", `${why}; hydration of 30 minutes or less is not reportable`);
    }
  }
}

/** One hydration bag: its minutes, what other administrations take from them, and its site's share. */
function countOne(st: DerivationState, s: Service, blockers: Merged[], site: SiteTime) {
  const minutes = s.minutes ?? 0;
  const partner = s.admin.with ? s.concurrent[0] : undefined; // `with` links come first
  let taken: number;
  let names: string[];
  if (s.start !== undefined && s.end !== undefined && (!partner || (partner.start !== undefined && partner.end !== undefined))) {
    ({ minutes: taken, names } = overlapWith({ start: s.start, end: s.end }, blockers));
    site.timed.push({ start: s.start, end: s.end });
  } else {
    taken = partner ? Math.min(minutes, partner.minutes ?? 0) : 0;
    names = partner && taken > 0 ? [described(partner)] : [];
    site.untimedCounted += minutes - taken;
    site.documented += minutes;
  }
  for (const n of names) if (!site.names.includes(n)) site.names.push(n);
  if (minutes > 0 && taken >= minutes) {
    s.notReportable = `runs wholly during the ${names.join(" and ")}`;
    for (const c of HYDRATION_CODES) shadow(st, s, c, "not-reportable", `the ${s.drugName} hydration runs wholly during the ${names.join(" and ")}, and hydration minutes during another administration are not counted (NCCI Ch. XI §B.5)`);
  }
}

/** The clock minutes a service takes from hydration: drug infusions, pumps from their start, timed pushes. */
function blockingInterval(s: Service): (Interval & { name: string })[] {
  if (s.start === undefined) return [];
  const pump = s.category === "pump";
  if (!pump && !["infusion", "chemo-infusion", "push", "chemo-push"].includes(s.category)) return [];
  if (!pump && s.end === undefined) return []; // a push with only `at` takes no clock time away
  return [{ start: s.start, end: s.end ?? Number.POSITIVE_INFINITY, name: described(s) }];
}

function described(s: Service): string {
  const kind = s.category === "pump" ? "pump infusion" : s.category.endsWith("push") ? "push" : s.category === "hydration" ? "hydration" : "infusion";
  return `${s.drugName} ${kind}`;
}

/** "180 min documented, 60 min during the ceftriaxone infusion: 120 min counted". */
function explain(documented: number, taken: number, names: string[], counted: number): string {
  if (taken <= 0) return `${describeMinutes(counted)} of hydration documented`;
  return `${describeMinutes(documented)} of hydration documented, ${describeMinutes(taken)} during the ${names.join(" and ")}: ${describeMinutes(counted)} counted`;
}
