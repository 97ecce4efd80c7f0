// Pass "service codes". Reads: the classified services in time order, concurrency, counted
// hydration minutes and the initial services. Adds: the administration lines of the claim (the
// initial code, add-ons and additional hours, injections, pumps, port services), the setting-
// dependent lines, the shadows of services that are documented but not reportable, and each
// service's outcome. One walk, because each code depends on what was coded before it (the first
// bag of a drug takes later bags' time, 96368 once per encounter, a repeat push needs the last).
// The codes of each kind of service are in codes/*.ts.
import { codeHydration } from "./codes/hydration.js";
import { codeInfusion } from "./codes/infusions.js";
import { codeInjection } from "./codes/injections.js";
import { codeChemoPush, codePush } from "./codes/pushes.js";
import { codeFlush, codePump, codeRefill } from "./codes/pumps-and-ports.js";
import { codeUncoded } from "./codes/uncoded.js";
import { groupKey, type CodingWalk, type Turn } from "./codes/walk.js";
import type { DerivationState, Service } from "./types.js";

export function codeServices(st: DerivationState) {
  const w: CodingWalk = {
    st,
    codedInfusion: new Map(),
    lastPush: new Map(),
    chemoPushed: new Set(),
    codedChemoInfusions: new Set(),
    codedInfusions: new Set(),
    used96368: false,
    hydrationCoded: new Set(),
    // Any other documented administration makes a port flush not the sole service, billable or not
    // (a draw from the port includes the flush: pumps-and-ports.ts).
    otherServices: st.services.filter((s) => s.admin.verb !== "oral" && s.admin.verb !== "flush"),
    groupMinutes: new Map(),
  };
  for (const s of st.services) w.groupMinutes.set(groupKey(s), (w.groupMinutes.get(groupKey(s)) ?? 0) + (s.minutes ?? 0));
  const initials = new Set(st.initials);
  // Initial services first, so that later bags of the same drug add their time to them.
  for (const s of [...st.initials, ...st.chronological.filter((x) => !initials.has(x))]) codeOne(w, turnOf(st, s, initials.has(s)));
  st.lines.sort((a, b) => a.order - b.order);
  for (const l of [...st.lines, ...st.optional]) l.admins.sort((a, b) => a - b);
}

function turnOf(st: DerivationState, s: Service, initial: boolean): Turn {
  const isMain = s === st.main;
  const xs = initial && !isMain ? ["XS"] : [];
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
