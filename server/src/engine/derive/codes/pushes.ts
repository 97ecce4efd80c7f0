// IV pushes: the initial push (96409, 96374), a push of a new drug (96411, 96375) and a repeat
// push of the same drug (96376: facilities only, 30 minutes or more after the last reported push).
import { describeMinutes } from "../../time-rules.js";
import { emit, report, shadow, noteOutcome } from "../state.js";
import { formatClock } from "../timeline.js";
import { isFacility, type Service } from "../types.js";
import type { CodingWalk, Turn } from "./walk.js";

export function codeChemoPush(w: CodingWalk, t: Turn) {
  const { st } = w;
  const { s } = t;
  if (w.chemoPushed.has(s.drugKey)) {
    noteOutcome(s, "no code: repeat chemotherapy push of the same drug");
    report(st, "no-code", s.admin.span, `${s.drugName} is pushed again: CPT has no code for a repeat chemotherapy push of the same drug (96411 is for a different drug).`);
    shadow(st, s, "96411", "not-reportable", `${s.drugName} was already pushed in this encounter; 96411 is for an additional push of a different chemo drug`);
    return;
  }
  w.chemoPushed.add(s.drugKey);
  if (t.initial) emit(st, s, "96409", 1, "initial", `${s.drugName} chemotherapy push: ${t.why}`, { modifiers: t.xs, first: t.isMain });
  else emit(st, s, "96411", 1, "new-drug", `${s.drugName}, a chemotherapy push of an additional drug`);
}

export function codePush(w: CodingWalk, t: Turn) {
  const { st } = w;
  const { s } = t;
  const prev = w.lastPush.get(s.drugKey);
  if (t.initial) {
    w.lastPush.set(s.drugKey, s);
    emit(st, s, "96374", 1, "initial", `${s.drugName} IV push${s.minutes ? `, ${describeMinutes(s.minutes)}` : ""}: ${t.why}`, { modifiers: t.xs, first: t.isMain });
    return;
  }
  if (!prev) {
    w.lastPush.set(s.drugKey, s);
    emit(st, s, "96375", 1, "new-drug", `${s.drugName} IV push of a new drug after the initial service`);
    return;
  }
  if (codeRepeatPush(w, s, prev)) w.lastPush.set(s.drugKey, s);
}

/**
 * A repeat push of a drug: 96376 in a facility, 30 minutes or more after the last *reported* push
 * of it (CPT: not within 30 minutes of a reported push). True when this push is reported.
 */
function codeRepeatPush(w: CodingWalk, s: Service, prev: Service): boolean {
  const { st } = w;
  const { setting } = st.ctx;
  const gap = s.start !== undefined && prev.start !== undefined ? s.start - prev.start : undefined;
  const when = gap === undefined ? "the chart gives no times for the two pushes, so the 30 minutes since the last reported push cannot be shown" : `${describeMinutes(gap)} after the last reported push of ${s.drugName} (at ${formatClock(prev.start!)})`;
  shadow(st, s, "96375", "same-drug-as-new", `${s.drugName} was already pushed in this encounter; 96375 is for a new drug`);
  if (setting && !isFacility(setting)) {
    noteOutcome(s, "no code: a repeat push of the same drug is reportable by facilities only");
    shadow(st, s, "96376", "facility-only", `96376 (repeat push of ${s.drugName}) may be reported by facilities only; this is ${setting === "office" ? "an office" : "a home"} encounter`);
    return false;
  } else if (gap !== undefined && gap >= 30) {
    const reason = `${s.drugName} pushed again ${when}: repeat push of the same drug, facility only, allowed 30 minutes or more after the last reported push`;
    if (isFacility(setting)) emit(st, s, "96376", 1, "same-drug", reason);
    else {
      emit(st, s, "96376", 1, "same-drug", reason, { target: st.optional });
      report(st, "setting-unstated", s.admin.span, `No setting is stated: in a facility this repeat push of ${s.drugName} (${when}) is 96376; in an office it is not reportable. State setting hopd or setting office.`);
    }
    return true;
  } else {
    noteOutcome(s, `not reportable: ${when}`);
    shadow(st, s, "96376", "not-reportable", `96376 needs 30 minutes or more since the last reported push of ${s.drugName}; ${when}`);
    return false;
  }
}
