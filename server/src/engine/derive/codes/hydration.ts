// Hydration: one line per IV site over the site's counted minutes; 96360 + 96361 hours when it is
// the initial service, else secondary hydration (96361 from 31 minutes).
import { additionalHours, describeMinutes, secondaryHydrationUnits } from "../../time-rules.js";
import { emit, noteOutcome } from "../state.js";
import type { CodingWalk, Turn } from "./walk.js";

export function codeHydration(w: CodingWalk, t: Turn) {
  const { st } = w;
  const { s } = t;
  if (s.notReportable) return;
  if (w.hydrationCoded.has(s.site)) {
    noteOutcome(s, "time added to the hydration above");
    return;
  }
  w.hydrationCoded.add(s.site);
  const total = st.hydrationMinutes.get(s.site) ?? 0;
  const why = st.hydrationWhy.get(s.site) ?? `${describeMinutes(total)} of hydration documented`;
  if (t.initial) {
    emit(st, s, "96360", 1, "initial", `${why}: ${t.why}`, { modifiers: t.xs, first: t.isMain });
    emit(st, s, "96361", additionalHours(total), "hour", `${why}: each hour beyond the first counted when more than 30 minutes past the last full hour`, { first: t.isMain });
  } else {
    emit(st, s, "96361", secondaryHydrationUnits(total), "sequential", `${why}, after another initial service: secondary hydration, first unit at 31 minutes, one more per further hour (more than 30 minutes past it)`);
  }
}
