// Pass "hydration time". Reads: hydration services, their minutes, site and concurrent services.
// Adds: the reportable hydration minutes per IV site; hydration running with any infusion or pump
// start, or 30 minutes or less in all, is marked not reportable with its shadows (96360, 96361).
import { describeMinutes } from "../time-rules.js";
import { shadow } from "./state.js";
import { CATEGORY_WORDS, type DerivationState } from "./types.js";

const HYDRATION_CODES = ["96360", "96361"];

export function countHydrationTime(st: DerivationState) {
  const { services, hydrationMinutes } = st;
  for (const s of services) {
    if (s.category !== "hydration") continue;
    const blocker = s.concurrent.find((o) => o.category !== "hydration");
    if (blocker) {
      s.notReportable = `runs at the same time as the ${blocker.drugName} ${CATEGORY_WORDS[blocker.category]}`;
      for (const c of HYDRATION_CODES) shadow(st, s, c, "not-reportable", `the ${s.drugName} hydration runs at the same time as the ${blocker.drugName} infusion, and hydration concurrent with an infusion is not separately reportable (NCCI Ch. XI §B.5)`);
      continue;
    }
    hydrationMinutes.set(s.site, (hydrationMinutes.get(s.site) ?? 0) + (s.minutes ?? 0));
  }
  for (const s of services) {
    if (s.category !== "hydration" || s.notReportable) continue;
    const total = hydrationMinutes.get(s.site) ?? 0;
    if (total <= 30) {
      s.notReportable = `${total} min of hydration (31 min or more needed)`;
      for (const c of HYDRATION_CODES) shadow(st, s, c, "not-reportable", `only ${describeMinutes(total)} of hydration is documented; hydration of 30 minutes or less is not reportable`);
    }
  }
  for (const s of services) if (s.notReportable) s.outcome.push(`not reportable: ${s.notReportable}`);
}
