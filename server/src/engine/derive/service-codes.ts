// Pass "service codes". Reads: the classified services in time order, concurrency, counted
// hydration minutes and the initial services. Adds: the administration lines of the claim (the
// initial code, add-ons and additional hours, injections, pumps, port services), the setting-
// dependent lines, the shadows of services that are documented but not reportable, and each
// service's outcome. One walk, because each code depends on what was coded before it (the first
// bag of a drug takes later bags' time, 96368 once per encounter, a repeat push needs the last).
// The codes of each kind of service are in codes/*.ts.
import { NONE } from "../../language/empty-list.js";
import { codeHydration } from "./codes/hydration.js";
import { codeInfusion } from "./codes/infusions.js";
import { codeInjection } from "./codes/injections.js";
import { codeChemoPush, codePush } from "./codes/pushes.js";
import { codeFlush, codePump, codeRefill } from "./codes/pumps-and-ports.js";
import { codeUncoded } from "./codes/uncoded.js";
import { CodingWalk, type Turn } from "./codes/walk.js";
import type { DerivationState, ExpectedLine, Service } from "./types.js";

export function codeServices(st: DerivationState) {
  const w = new CodingWalk(st);
  // Initial services first, so that later bags of the same drug add their time to them.
  // (One initial per IV site: a list search, unless a chart names very many sites.)
  const initials = st.initials.length > 8 ? new Set(st.initials) : undefined;
  for (const s of st.initials) codeOne(w, turnOf(st, s, true));
  for (const s of st.chronological) if (!(initials ? initials.has(s) : st.initials.includes(s))) codeOne(w, turnOf(st, s, false));
  sortUnlessSorted(st.lines, byOrder);
  for (const l of st.lines) if (l.admins.length > 1) sortUnlessSorted(l.admins, ascending);
  for (const l of st.optional) if (l.admins.length > 1) sortUnlessSorted(l.admins, ascending);
}

const byOrder = (a: ExpectedLine, b: ExpectedLine) => a.order - b.order;
const ascending = (a: number, b: number) => a - b;

/**
 * Sorts `list` (stable) when it is out of order. Most encounters' lines come out of the walk in
 * order, and the built-in sort copies the list to a work area even then (measured: about 0.6 KB
 * per encounter).
 */
function sortUnlessSorted<T>(list: T[], compare: (a: T, b: T) => number) {
  for (let i = 1; i < list.length; i++) {
    if (compare(list[i - 1], list[i]) > 0) {
      list.sort(compare);
      return;
    }
  }
}

// Shared, never changed: a line's modifiers are replaced, not edited, when they change.
const XS: string[] = ["XS"];

function turnOf(st: DerivationState, s: Service, initial: boolean): Turn {
  const isMain = s === st.main;
  const xs = initial && !isMain ? XS : NONE;
  const why = initial ? (isMain ? `initial service (${st.initialWhy})` : `initial service of IV site ${s.site}, a separate documented site (modifier XS)`) : "";
  return { s, initial, isMain, xs, why };
}

function codeOne(w: CodingWalk, t: Turn) {
  switch (t.s.category) {
    case "chemo-infusion":
    case "infusion":
      return codeInfusion(w, t);
    case "chemo-push":
      return codeChemoPush(w, t);
    case "push":
      return codePush(w, t);
    case "hydration":
      return codeHydration(w, t);
    case "injection":
      return codeInjection(w, t);
    case "pump":
      return codePump(w, t);
    case "refill":
      return codeRefill(w, t);
    case "flush":
      return codeFlush(w, t);
    case "draw":
      return; // the port-draw pass (port-draws.ts) decides, once every other code is known
    case "oral":
    case "none":
      return codeUncoded(w, t);
  }
}
