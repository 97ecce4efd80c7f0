// Pass "classification". Reads: each service's verb, drug class, route and minutes.
// Adds: its category (push, infusion, hydration, injection, pump...) with the reason in words, and
// the findings the classification itself raises (no route, no time, a pump of 8 hours or less).
import type { DrugClass } from "../../data/types.js";
import { describeMinutes } from "../time-rules.js";
import { report } from "./state.js";
import type { Category, DerivationState, Service } from "./types.js";

export function classifyServices(st: DerivationState) {
  for (const s of st.services) {
    classify(st, s);
    if (s.portions.length > 1 && (s.admin.verb === "infuse" || s.admin.verb === "push"))
      s.classification += `; ${s.portions.length} drugs in one bag, one administration coded by the highest class (${bagClass(s)})`;
    if (s.admin.route && s.admin.verb !== "inject") report(st, "syntax", s.admin.route.span, `a route (${s.admin.route.value}) applies to 'inject' only`);
  }
}

function set(s: Service, category: Category, classification: string) {
  s.category = category;
  s.classification = classification;
}

function classify(st: DerivationState, s: Service) {
  const { admin, drugName } = s;
  const m = s.minutes;
  switch (admin.verb) {
    case "oral":
      return set(s, "oral", "given by mouth: recorded for completeness, never an administration code");
    case "flush":
      return set(s, "flush", "irrigation of an implanted venous access port");
    case "draw":
      return set(s, "draw", "blood drawn through an implanted venous access port");
    case "refill":
      return set(s, "refill", `refill of ${admin.implanted ? "an implanted" : "a portable"} pump`);
    case "pump":
      set(s, "pump", `start of a prolonged infusion on ${admin.implanted ? "an implantable" : "a portable"} pump`);
      if (m !== undefined && m <= 480)
        report(st, "inconsistent-timing", (admin.duration ?? admin.range)!.span, `A pump start describes an infusion of more than 8 hours, but ${describeMinutes(m)} is documented for ${drugName}; check the pump duration (96416 needs more than 8 hours).`);
      return;
    case "inject":
      set(s, "injection", `${admin.route?.value ?? "SC/IM"} injection`);
      if (!admin.route) report(st, "undocumented-route", admin.verbSpan, `The ${drugName} injection has no route: SC/IM is assumed. Document sc, im, intralesional or intrathecal.`);
      return;
    case "hydrate":
      set(s, "hydration", `hydration${m !== undefined ? `, ${describeMinutes(m)}` : ""}`);
      if (m === undefined) report(st, "undocumented-timing", admin.span, `The ${drugName} hydration has no duration and no times: hydration needs more than 30 documented minutes to be reportable.`);
      return;
    case "infuse":
    case "push":
      return classifyIntravenous(st, s);
  }
}

const CLASS_ORDER: readonly DrugClass[] = ["chemo", "hormonal", "therapeutic", "fluid"];

/**
 * The class an administration is coded by: its drug's, or with `+ DRUG` in the same bag the
 * higher class of its drugs (chemo > hormonal > therapeutic > fluid; unknown drugs count as
 * therapeutic), since the bag is one administration (LANGUAGE.md §3).
 */
function bagClass(s: Service): DrugClass {
  const classes = s.portions.map((p) => p.drug?.class ?? "therapeutic");
  return CLASS_ORDER.find((c) => classes.includes(c)) ?? "therapeutic";
}

/**
 * A push or infusion (LANGUAGE.md §4 step 1): a fluid is hydration or a line flush; a `push` is a
 * push whatever its length (CPT definition (a)); an `infuse` is an infusion from 16 minutes and a
 * push at 15 minutes or less (CPT definition (b)) or with no time documented.
 */
function classifyIntravenous(st: DerivationState, s: Service) {
  const { admin, drugName } = s;
  const m = s.minutes;
  const cls = bagClass(s);
  const chemo = cls === "chemo" || cls === "hormonal";
  if (cls === "fluid") {
    if (admin.verb === "infuse") set(s, "hydration", `infusion of a fluid: hydration${m !== undefined ? `, ${describeMinutes(m)}` : ""}`);
    else set(s, "none", "push of a fluid: a line flush");
    if (admin.verb === "infuse" && m === undefined) report(st, "undocumented-timing", admin.span, `The ${drugName} infusion has no duration and no times: hydration needs more than 30 documented minutes to be reportable.`);
    return;
  }
  if (admin.verb === "push") {
    set(s, chemo ? "chemo-push" : "push", m === undefined ? "IV push" : `IV push, ${describeMinutes(m)}: a push whatever its length`);
    if (m !== undefined && m > 15)
      report(st, "long-push", admin.range?.span ?? admin.duration?.span ?? admin.verbSpan, `The ${drugName} push is documented at ${describeMinutes(m)}: CPT counts it as a push (96374/96409) only when the clinician was continuously present to give it and observe the patient. Make sure the chart says so; otherwise document it as an infusion.`);
    return;
  }
  if (m !== undefined && m >= 16) {
    set(s, chemo ? "chemo-infusion" : "infusion", `${describeMinutes(m)}: 16 minutes or more is an infusion`);
    return;
  }
  set(s, chemo ? "chemo-push" : "push", m === undefined ? "no duration or times documented: coded as a push" : `${describeMinutes(m)}: an infusion of 15 minutes or less is a push`);
  if (m === undefined)
    report(st, "undocumented-timing", admin.span, `The ${drugName} infusion has no duration and no times, so it cannot support an infusion code: it is coded as a push. Document the start and stop times.`);
}
