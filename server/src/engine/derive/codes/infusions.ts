// Infusions, chemotherapy and not: the initial infusion (96413, 96365), a sequential infusion of a
// new drug (96417, 96367), a concurrent one (96368, once per encounter; none for chemotherapy),
// and the additional hours of each drug (96415, 96366) over the minutes of all its bags.
import { additionalHours, describeMinutes } from "../../time-rules.js";
import { emit, report, shadow, noteOutcome } from "../state.js";
import { CATEGORY_WORDS, type Service } from "../types.js";
import { groupKey, type CodingWalk, type Turn } from "./walk.js";

interface Hours {
  total: number;
  hours: number;
  code: string;
  why: string;
}

export function codeInfusion(w: CodingWalk, t: Turn) {
  const { st } = w;
  const { s } = t;
  const chemo = s.category === "chemo-infusion";
  const key = groupKey(s);
  const first = w.codedInfusion.get(key);
  if (first) {
    noteOutcome(s, `time added to the earlier ${first.drugName} infusion (same drug)`);
    return;
  }
  w.codedInfusion.set(key, s);
  if (t.initial || chemo) w.codedInfusions.add(s);
  const h = hoursOf(w, s, chemo, key);
  if (t.initial) {
    emit(st, s, chemo ? "96413" : "96365", 1, "initial", `${s.drugName} ${CATEGORY_WORDS[s.category]}, ${describeMinutes(h.total)}: ${t.why}`, { modifiers: t.xs, first: t.isMain });
    emit(st, s, h.code, h.hours, "hour", h.why, { first: t.isMain });
    if (chemo) w.codedChemoInfusions.add(s);
    return;
  }
  if (chemo) codeLaterChemo(w, s, h);
  else codeLaterNonChemo(w, s, h);
}

/** The minutes of every bag of this drug at this site, and the additional hours they earn. */
function hoursOf(w: CodingWalk, s: Service, chemo: boolean, key: string): Hours {
  const total = w.groupMinutes.get(key) ?? 0;
  const hours = additionalHours(total);
  // Worded only when there are hours to code: emit adds no line for none (as it tests).
  const why = hours <= 0 ? "" : `${describeMinutes(total)} of ${s.drugName}: ${hours} hour${hours === 1 ? "" : "s"} beyond the first, each counted when more than 30 minutes past the last full hour`;
  return { total, hours, code: chemo ? "96415" : "96366", why };
}

function codeLaterChemo(w: CodingWalk, s: Service, h: Hours) {
  const { st } = w;
  const alongside = s.concurrent.find((o) => w.codedChemoInfusions.has(o));
  if (alongside) {
    noteOutcome(s, `no code: runs at the same time as the ${alongside.drugName} chemotherapy infusion`);
    report(st, "no-code", s.admin.span, `The ${s.drugName} infusion runs at the same time as the ${alongside.drugName} infusion: CPT has no code for a second chemotherapy infusion given concurrently, so nothing is derived (some payers accept the unlisted code 96549 with documentation).`);
    shadow(st, s, "96417", "concurrent-as-sequential", `${s.drugName} runs at the same time as ${alongside.drugName}; 96417 is for a chemo infusion given after another, and CPT has no concurrent chemo code`);
    shadow(st, s, "96368", "chemo-as-non-chemo", `${s.drugName} is chemotherapy; 96368 is for a non-chemo drug, and CPT has no concurrent chemo code`);
    shadow(st, s, "96415", "concurrent-as-sequential", `${s.drugName} runs at the same time as ${alongside.drugName}; its hours are not reported separately`);
    return;
  }
  emit(st, s, "96417", 1, "sequential", `${s.drugName} chemotherapy infusion of a different drug after the initial service, ${describeMinutes(h.total)}`);
  emit(st, s, h.code, h.hours, "hour", h.why);
  w.codedChemoInfusions.add(s);
}

/** Concurrent with an infusion already coded: the first of two overlapping bags is sequential. */
function codeLaterNonChemo(w: CodingWalk, s: Service, h: Hours) {
  const { st } = w;
  const alongside = s.concurrent.find((o) => w.codedInfusions.has(o));
  w.codedInfusions.add(s);
  if (!alongside) {
    emit(st, s, "96367", 1, "sequential", `${s.drugName} non-chemo infusion of a new drug after the initial service, ${describeMinutes(h.total)}`);
    emit(st, s, h.code, h.hours, "hour", h.why);
    return;
  }
  if (w.used96368) {
    noteOutcome(s, "no code: 96368 is reported once per encounter");
    report(st, "no-code", s.admin.span, `The ${s.drugName} infusion is concurrent with the ${alongside.drugName} infusion, but 96368 is reported once per encounter (CMS Pub 100-04 Ch. 12 §30.5) and is already derived.`);
    return;
  }
  w.used96368 = true;
  emit(st, s, "96368", 1, "concurrent", `${s.drugName} infused at the same time as ${alongside.drugName} (${s.admin.with ? `'with ${s.admin.with.text}'` : "overlapping times"}): concurrent infusion, once per encounter`);
}
