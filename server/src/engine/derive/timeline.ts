// Pass "timeline". Reads: each administration's time range, `at` time and duration.
// Adds: minutes, start and end of every service (a time range wins over a duration, LANGUAGE.md
// §3 Time), `inconsistent-timing` where the two disagree, and the services in time order. Clock
// times on separate lines share one timeline that may cross midnight: in the order written, a
// start more than 12 hours earlier than the latest start placed so far is on the next day.
import { describeMinutes } from "../time-rules.js";
import { report } from "./state.js";
import type { DerivationState, Service } from "./types.js";

const DAY = 1440;
const HALF_DAY = 720;

export function placeOnTimeline(st: DerivationState) {
  let latest: number | undefined;
  for (const s of st.services) {
    place(st, s);
    if (s.start === undefined) continue;
    const day = nextDayShift(s.start, latest);
    s.start += day;
    if (s.end !== undefined) s.end += day;
    latest = latest === undefined ? s.start : Math.max(latest, s.start);
  }
  st.chronological = inTimeOrder(st.services);
}

/** The earliest whole-day shift that puts a clock start no more than 12 hours before `latest`. */
export function nextDayShift(clockStart: number, latest: number | undefined): number {
  if (latest === undefined || clockStart >= latest - HALF_DAY) return 0;
  return Math.ceil((latest - HALF_DAY - clockStart) / DAY) * DAY;
}

function place(st: DerivationState, s: Service) {
  const { admin } = s;
  const range = admin.range;
  const duration = admin.duration?.value;
  if (range) {
    s.minutes = range.end - range.start;
    s.start = range.start;
    s.end = range.end;
    if (duration !== undefined && duration !== s.minutes)
      report(st, "inconsistent-timing", range.span, `The ${s.drugName} ${admin.verb} documents ${describeMinutes(duration)} but ${formatClock(range.start)}-${formatClock(range.end)} is ${describeMinutes(s.minutes)}; the times are used.`, { related: [{ span: admin.duration!.span, message: "the documented duration" }] });
  } else {
    s.minutes = duration;
    if (admin.at) {
      s.start = admin.at.value;
      s.end = duration !== undefined ? s.start + duration : undefined;
    }
  }
}

/** Documented times when every service has one; otherwise the order listed (the list itself: nothing changes it). */
function inTimeOrder(services: Service[]): Service[] {
  if (services.length < 2 || !services.every((s) => s.start !== undefined)) return services;
  return [...services].sort((a, b) => a.start! - b.start! || a.index - b.index);
}

export function formatClock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
