// Derivation (LANGUAGE.md §4): documented administrations → the codes the claim should carry,
// with the reason for each line, plus "shadows": codes a coder might claim for a service that is
// not separately reportable, so the checker can name the precise rule when one is claimed.
import type { CodeRole, DrugEntry, HcpcsCode, PayerProfile, SettingName } from "../data/types.js";
import type { Administration, DrugRef, EncounterNode, Span } from "../language/ast.js";
import { adminCode, billingUnits, codesInForce, convertDose, type DrugTable } from "./catalogue.js";
import { makeFinding, type Finding } from "./finding.js";
import { additionalHours, describeMinutes, secondaryHydrationUnits } from "./time-rules.js";

export type Category =
  | "chemo-infusion" | "chemo-push" | "infusion" | "push" | "hydration"
  | "injection" | "pump" | "refill" | "flush" | "oral" | "none";

/** Facility hierarchy rank (CPT): lower wins. */
const RANK: Partial<Record<Category, number>> = { "chemo-infusion": 0, "chemo-push": 1, infusion: 2, push: 3, hydration: 4 };

export const CATEGORY_WORDS: Record<Category, string> = {
  "chemo-infusion": "chemotherapy infusion",
  "chemo-push": "chemotherapy push",
  infusion: "non-chemo infusion",
  push: "non-chemo push",
  hydration: "hydration",
  injection: "injection",
  pump: "prolonged infusion pump start",
  refill: "pump refill",
  flush: "port flush",
  oral: "oral drug",
  none: "line flush",
};

export interface EncounterContext {
  setting?: SettingName;
  payer?: PayerProfile;
  date?: string;
  bsa?: number;
  weight?: number;
  primary?: DrugRef;
  drugs: DrugTable;
}

export interface Service {
  index: number;
  admin: Administration;
  drug?: DrugEntry;
  /** Display name: the table's generic name when known, else as written. */
  drugName: string;
  /** Identity for same-drug rules: the generic name when known, else the written key. */
  drugKey: string;
  category: Category;
  minutes?: number;
  start?: number;
  end?: number;
  site: number;
  /** Why it was classified this way, in words. */
  classification: string;
  /** Services it ran at the same time with (infusion-like only). */
  concurrent: Service[];
  /** The codes it gave rise to, or why none. */
  outcome: string[];
  /** Set when a documented service is not separately reportable (hydration too short or concurrent). */
  notReportable?: string;
}

export interface ExpectedLine {
  code: string;
  units: number;
  modifiers: string[];
  admins: number[];
  /** Role for pairing with claimed codes; secondary hydration (96361) counts as sequential. */
  role: CodeRole;
  kind: "admin" | "drug";
  drug?: string;
  reason: string;
  order: number;
}

/** A code that would be wrong to claim for a documented service, and the rule that says so. */
export interface Shadow {
  /** "*" stands for any administration code of the service's family (oral drugs, line flushes). */
  code: string;
  rule: string;
  admin: number;
  reason: string;
}

export interface DocumentedDrug {
  drug: DrugEntry;
  admins: number[];
  /** Total dose in each billing code's unit, undefined when not computable. */
  units: Map<string, number | undefined>;
  total?: { value: number; unit: string };
}

export interface Derivation {
  services: Service[];
  lines: ExpectedLine[];
  /** Lines that depend on an unstated setting: neither missing nor unsupported. */
  optional: ExpectedLine[];
  shadows: Shadow[];
  drugs: Map<string, DocumentedDrug>;
  initials: Service[];
  findings: Finding[];
  notes: string[];
}

const isFacility = (s?: SettingName) => s === "hopd";
const infusionLike = (c: Category) => c === "chemo-infusion" || c === "infusion" || c === "hydration" || c === "pump";

export function derive(enc: EncounterNode, ctx: EncounterContext): Derivation {
  let d = deriveWith(enc, ctx);
  let orphan = findOrphan(d.lines);
  if (orphan && ctx.primary && !isFacility(ctx.setting)) {
    // An office's primary reason may leave an add-on without any of its primary codes (96417
    // needs 96413): then CPT's add-on rules win and the hierarchy picks the initial service.
    const primary = ctx.primary;
    d = deriveWith(enc, { ...ctx, primary: undefined });
    d.findings.push(makeFinding("primary-mismatch", primary.span, `With ${primary.text} as the initial service, ${orphan.code} would have none of its primary codes (${adminCode(orphan.code)!.primaries.join(", ")}); the hierarchy picks the initial service instead.`, enc.index));
    orphan = findOrphan(d.lines);
  }
  // CPT lists the primaries of each add-on; where none can be on the claim (96368 beside a 96409
  // initial), the add-on is not derived, and the chart reader is told why.
  while (orphan) {
    const line = orphan;
    d.lines = d.lines.filter((l) => l !== line);
    const info = adminCode(line.code)!;
    d.findings.push(makeFinding("no-code", enc.administrations[line.admins[0]].span, `${line.code} (${line.reason}) is reported only with ${info.primaries.join(", ")}, and none of them is derived for this encounter, so it is left off: payers deny an add-on without its primary code (CARC 107).`, enc.index));
    orphan = findOrphan(d.lines);
  }
  return d;
}

function findOrphan(lines: ExpectedLine[]): ExpectedLine | undefined {
  const codes = new Set(lines.map((l) => l.code));
  return lines.find((l) => adminCode(l.code)?.addOn && !adminCode(l.code)!.primaries.some((p) => codes.has(p)));
}

function deriveWith(enc: EncounterNode, ctx: EncounterContext): Derivation {
  const findings: Finding[] = [];
  const notes: string[] = [];
  const at = (rule: string, span: Span, message: string, extra?: Parameters<typeof makeFinding>[4]) =>
    findings.push(makeFinding(rule, span, message, enc.index, extra));

  const services = enc.administrations.map((a, i) => classify(a, i, ctx, at));
  linkConcurrency(services, ctx.drugs, at);

  const lines: ExpectedLine[] = [];
  const optional: ExpectedLine[] = [];
  const shadows: Shadow[] = [];
  let order = 0;
  const emit = (s: Service, code: string, units: number, role: CodeRole, reason: string, modifiers: string[] = [], first = false, target = lines) => {
    if (units <= 0) return;
    const key = `${code}|${modifiers.join("-")}`;
    const existing = target.find((l) => `${l.code}|${l.modifiers.join("-")}` === key);
    s.outcome.push(`${code}${modifiers.map((m) => `-${m}`).join("")}${units > 1 ? ` ×${units}` : ""}`);
    if (existing) {
      existing.units += units;
      existing.admins = [...existing.admins, s.index].sort((a, b) => a - b);
      if (!first) existing.order = Math.min(existing.order, s.index * 100);
      return;
    }
    target.push({ code, units, modifiers, admins: [s.index], role, kind: "admin", reason, order: first ? -1 : s.index * 100 + order++ });
  };
  const shadow = (s: Service, code: string, rule: string, reason: string) => shadows.push({ code, rule, admin: s.index, reason });

  // Hydration: not reportable when concurrent with an infusion; the rest is summed per site.
  const hydrationMinutes = new Map<number, number>();
  for (const s of services) {
    if (s.category !== "hydration") continue;
    const blocker = s.concurrent.find((o) => o.category !== "hydration");
    if (blocker) {
      s.notReportable = `runs at the same time as the ${blocker.drugName} ${CATEGORY_WORDS[blocker.category]}`;
      for (const c of ["96360", "96361"]) shadow(s, c, "not-reportable", `the ${s.drugName} hydration runs at the same time as the ${blocker.drugName} infusion, and hydration concurrent with an infusion is not separately reportable (NCCI Ch. XI §B.5)`);
      continue;
    }
    hydrationMinutes.set(s.site, (hydrationMinutes.get(s.site) ?? 0) + (s.minutes ?? 0));
  }
  for (const s of services) {
    if (s.category !== "hydration" || s.notReportable) continue;
    const total = hydrationMinutes.get(s.site) ?? 0;
    if (total <= 30) {
      s.notReportable = `${total} min of hydration (31 min or more needed)`;
      for (const c of ["96360", "96361"]) shadow(s, c, "not-reportable", `only ${describeMinutes(total)} of hydration is documented; hydration of 30 minutes or less is not reportable`);
    }
  }
  for (const s of services) if (s.notReportable) s.outcome.push(`not reportable: ${s.notReportable}`);

  // The initial service of each IV site.
  const facility = isFacility(ctx.setting);
  const candidates = services.filter((s) => RANK[s.category] !== undefined && !s.notReportable);
  const byHierarchy = (list: Service[]) =>
    list.reduce<Service | undefined>((best, s) => (!best || compareForInitial(s, best) < 0 ? s : best), undefined);
  let main: Service | undefined;
  let initialWhy = "";
  if (!facility && ctx.primary) {
    const named = candidates.filter((s) => s.drugKey === primaryKey(ctx.primary!, ctx.drugs));
    main = byHierarchy(named);
    if (main) {
      initialWhy = `primary reason for the encounter`;
      const hier = byHierarchy(candidates);
      if (!ctx.setting && hier && hier !== main)
        at("setting-unstated", enc.headerSpan, `No setting is stated: as an office visit the initial service is the ${main.drugName} ${CATEGORY_WORDS[main.category]} (primary); in a facility the hierarchy would make it the ${hier.drugName} ${CATEGORY_WORDS[hier.category]}. State setting office or setting hopd.`);
    } else {
      at("primary-mismatch", ctx.primary.span, `primary names ${ctx.primary.text}, but no IV push, infusion or hydration of ${ctx.primary.text} is documented in this encounter; the hierarchy is used instead.`);
    }
  }
  if (!main) {
    main = byHierarchy(candidates);
    initialWhy = facility ? "CPT facility hierarchy" : ctx.primary ? "hierarchy; the primary drug has no IV service" : "hierarchy; no primary reason stated";
    if (main && !facility && !ctx.primary && candidates.some((c) => c.category !== main!.category))
      notes.push("No primary reason for the encounter is stated, so the initial service follows the hierarchy (chemo infusion > chemo push > non-chemo infusion > non-chemo push > hydration). In an office CPT makes the primary reason the initial service: write `primary DRUG` to name it.");
  }
  if (main && facility) notes.push("In a facility CPT's hierarchy picks the initial service: chemo infusion > chemo push > non-chemo infusion > non-chemo push > hydration; ties go to the earliest start, then the one listed first.");
  const initials: Service[] = [];
  if (main) initials.push(main);
  const sites = [...new Set(candidates.map((s) => s.site))].filter((site) => site !== main?.site);
  for (const site of sites) {
    const best = byHierarchy(candidates.filter((s) => s.site === site));
    if (best) initials.push(best);
  }

  // Walk the services in time order and code each.
  const chronological = inTimeOrder(services);
  const codedInfusion = new Map<string, Service>(); // site|category|drug → first service of that drug
  const lastPush = new Map<string, Service>();
  const chemoPushed = new Set<string>();
  const codedChemoInfusions: Service[] = [];
  const codedInfusions = new Set<Service>();
  let used96368 = false;
  const hydrationCoded = new Set<number>();
  const groupMinutes = (s: Service) =>
    services.filter((o) => o.site === s.site && o.category === s.category && o.drugKey === s.drugKey).reduce((n, o) => n + (o.minutes ?? 0), 0);
  const payerCode = (code: string, s: Service) => substitute(code, s, ctx, enc, at);
  // Any other documented administration makes a port flush not the sole service, billable or not.
  const otherServices = services.filter((s) => s.admin.verb !== "oral" && s.admin.verb !== "flush");

  // Initial services first, so that later bags of the same drug add their time to them.
  for (const s of [...initials, ...chronological.filter((x) => !initials.includes(x))]) {
    const initial = initials.includes(s);
    const xs = initial && s !== main ? ["XS"] : [];
    const why = initial ? (s === main ? `initial service (${initialWhy})` : `initial service of IV site ${s.site}, a separate documented site (modifier XS)`) : "";
    switch (s.category) {
      case "chemo-infusion":
      case "infusion": {
        const chemo = s.category === "chemo-infusion";
        const groupKey = `${s.site}|${s.category}|${s.drugKey}`;
        const first = codedInfusion.get(groupKey);
        if (first) {
          s.outcome.push(`time added to the earlier ${first.drugName} infusion (same drug)`);
          break;
        }
        codedInfusion.set(groupKey, s);
        if (initial || chemo) codedInfusions.add(s);
        const total = groupMinutes(s);
        const hours = additionalHours(total);
        const hourCode = chemo ? "96415" : "96366";
        const hourWhy = `${describeMinutes(total)} of ${s.drugName}: ${hours} hour${hours === 1 ? "" : "s"} beyond the first, each counted when more than 30 minutes past the last full hour`;
        if (initial) {
          emit(s, chemo ? "96413" : "96365", 1, "initial", `${s.drugName} ${CATEGORY_WORDS[s.category]}, ${describeMinutes(total)}: ${why}`, xs, s === main);
          emit(s, hourCode, hours, "hour", hourWhy, [], s === main);
          if (chemo) codedChemoInfusions.push(s);
          break;
        }
        if (chemo) {
          const alongside = s.concurrent.find((o) => codedChemoInfusions.includes(o));
          if (alongside) {
            s.outcome.push(`no code: runs at the same time as the ${alongside.drugName} chemotherapy infusion`);
            at("no-code", s.admin.span, `The ${s.drugName} infusion runs at the same time as the ${alongside.drugName} infusion: CPT has no code for a second chemotherapy infusion given concurrently, so nothing is derived (some payers accept the unlisted code 96549 with documentation).`);
            shadow(s, "96417", "concurrent-as-sequential", `${s.drugName} runs at the same time as ${alongside.drugName}; 96417 is for a chemo infusion given after another, and CPT has no concurrent chemo code`);
            shadow(s, "96368", "chemo-as-non-chemo", `${s.drugName} is chemotherapy; 96368 is for a non-chemo drug, and CPT has no concurrent chemo code`);
            shadow(s, "96415", "concurrent-as-sequential", `${s.drugName} runs at the same time as ${alongside.drugName}; its hours are not reported separately`);
            break;
          }
          emit(s, "96417", 1, "sequential", `${s.drugName} chemotherapy infusion of a different drug after the initial service, ${describeMinutes(total)}`);
          emit(s, hourCode, hours, "hour", hourWhy);
          codedChemoInfusions.push(s);
          break;
        }
        // Concurrent with an infusion already coded: the first of two overlapping bags is sequential.
        const alongside = s.concurrent.find((o) => codedInfusions.has(o));
        codedInfusions.add(s);
        if (alongside) {
          if (used96368) {
            s.outcome.push("no code: 96368 is reported once per encounter");
            at("no-code", s.admin.span, `The ${s.drugName} infusion is concurrent with the ${alongside.drugName} infusion, but 96368 is reported once per encounter (CMS Pub 100-04 Ch. 12 §30.5) and is already derived.`);
          } else {
            used96368 = true;
            emit(s, "96368", 1, "concurrent", `${s.drugName} infused at the same time as ${alongside.drugName} (${s.admin.with ? `'with ${s.admin.with.text}'` : "overlapping times"}): concurrent infusion, once per encounter`);
          }
          break;
        }
        emit(s, "96367", 1, "sequential", `${s.drugName} non-chemo infusion of a new drug after the initial service, ${describeMinutes(total)}`);
        emit(s, hourCode, hours, "hour", hourWhy);
        break;
      }
      case "chemo-push": {
        if (chemoPushed.has(s.drugKey)) {
          s.outcome.push("no code: repeat chemotherapy push of the same drug");
          at("no-code", s.admin.span, `${s.drugName} is pushed again: CPT has no code for a repeat chemotherapy push of the same drug (96411 is for a different drug).`);
          shadow(s, "96411", "not-reportable", `${s.drugName} was already pushed in this encounter; 96411 is for an additional push of a different chemo drug`);
          break;
        }
        chemoPushed.add(s.drugKey);
        if (initial) emit(s, "96409", 1, "initial", `${s.drugName} chemotherapy push: ${why}`, xs, s === main);
        else emit(s, "96411", 1, "new-drug", `${s.drugName}, a chemotherapy push of an additional drug`);
        break;
      }
      case "push": {
        const prev = lastPush.get(s.drugKey);
        lastPush.set(s.drugKey, s);
        if (initial) {
          emit(s, "96374", 1, "initial", `${s.drugName} IV push${s.minutes ? `, ${describeMinutes(s.minutes)}` : ""}: ${why}`, xs, s === main);
          break;
        }
        if (!prev) {
          emit(s, "96375", 1, "new-drug", `${s.drugName} IV push of a new drug after the initial service`);
          break;
        }
        const gap = s.start !== undefined && prev.start !== undefined ? s.start - prev.start : undefined;
        const when = gap === undefined ? "the chart gives no times for the two pushes, so the 30 minutes since the last push cannot be shown" : `${describeMinutes(gap)} after the last push of ${s.drugName}`;
        shadow(s, "96375", "same-drug-as-new", `${s.drugName} was already pushed in this encounter; 96375 is for a new drug`);
        if (ctx.setting && !facility) {
          s.outcome.push("no code: a repeat push of the same drug is reportable by facilities only");
          shadow(s, "96376", "facility-only", `96376 (repeat push of ${s.drugName}) may be reported by facilities only; this is ${ctx.setting === "office" ? "an office" : "a home"} encounter`);
        } else if (gap !== undefined && gap >= 30) {
          const reason = `${s.drugName} pushed again ${when}: repeat push of the same drug, facility only, allowed 30 minutes or more after the last push`;
          if (facility) emit(s, "96376", 1, "same-drug", reason);
          else {
            emit(s, "96376", 1, "same-drug", reason, [], false, optional);
            at("setting-unstated", s.admin.span, `No setting is stated: in a facility this repeat push of ${s.drugName} (${when}) is 96376; in an office it is not reportable. State setting hopd or setting office.`);
          }
        } else {
          s.outcome.push(`not reportable: ${when}`);
          shadow(s, "96376", "not-reportable", `96376 needs 30 minutes or more since the last push of ${s.drugName}; ${when}`);
        }
        break;
      }
      case "hydration": {
        if (s.notReportable) break;
        if (hydrationCoded.has(s.site)) {
          s.outcome.push("time added to the hydration above");
          break;
        }
        hydrationCoded.add(s.site);
        const total = hydrationMinutes.get(s.site) ?? 0;
        if (initial) {
          emit(s, "96360", 1, "initial", `${describeMinutes(total)} of hydration: ${why}`, xs, s === main);
          emit(s, "96361", additionalHours(total), "hour", `${describeMinutes(total)} of hydration: each hour beyond the first counted when more than 30 minutes past the last full hour`, [], s === main);
        } else {
          emit(s, "96361", secondaryHydrationUnits(total), "sequential", `${describeMinutes(total)} of hydration after another initial service: secondary hydration, first unit at 31 minutes, one more per further hour (more than 30 minutes past it)`);
        }
        break;
      }
      case "injection": {
        const route = s.admin.route?.value;
        const cls = s.drug?.class;
        let code: string | undefined;
        if (!route || route === "sc" || route === "im") code = cls === "chemo" ? "96401" : cls === "hormonal" ? "96402" : "96372";
        else if (route === "intralesional" && (cls === "chemo" || cls === "hormonal")) code = "96405";
        else if (route === "intrathecal" && cls === "chemo") code = "96450";
        if (!code) {
          s.outcome.push("no code in this family");
          at("no-code", s.admin.span, `An ${route} injection of ${s.drugName} (not chemotherapy) has no code in the drug administration family (96360-96549); code it from the procedure section.`);
          break;
        }
        emit(s, code, 1, "standalone", `${s.drugName} ${route ?? "SC/IM"} injection (${cls === "chemo" ? "chemotherapy" : cls === "hormonal" ? "hormonal anti-neoplastic" : "non-chemo"})`);
        break;
      }
      case "pump": {
        if (s.drug?.class !== "chemo" && s.drug?.class !== "hormonal") {
          s.outcome.push("no code: 96416 is for chemotherapy");
          at("no-code", s.admin.span, `${s.drugName} is not chemotherapy: 96416 (prolonged infusion by pump) describes chemotherapy only, so nothing is derived for this pump start.`);
          break;
        }
        const code = payerCode("96416", s);
        emit(s, code, 1, "standalone", code === "96416" ? `start of a prolonged ${s.drugName} infusion (over 8 hours) on a ${s.admin.implanted ? "implantable" : "portable"} pump` : `start of a prolonged ${s.drugName} infusion on a clinic-supplied portable pump: ${ctx.payer?.title ?? "payer"} uses ${code}, which includes the disconnect visit`);
        break;
      }
      case "refill":
        emit(s, s.admin.implanted ? "96522" : "96521", 1, "standalone", s.admin.implanted ? "refill and maintenance of an implanted pump" : "refill and maintenance of a portable pump");
        break;
      case "flush": {
        const others = otherServices.filter((o) => o !== s);
        if (others.length) {
          s.outcome.push("not reportable beside other services");
          shadow(s, "96523", "not-reportable", `the port flush is not the only service (the ${others[0].drugName} ${CATEGORY_WORDS[others[0].category]} is documented); 96523 is reported only when it is the sole service`);
        } else if (!lines.some((l) => l.code === "96523")) emit(s, "96523", 1, "standalone", "port flush, the only service of the encounter");
        break;
      }
      case "oral":
        s.outcome.push("no administration code: given by mouth");
        shadow(s, "*", "not-reportable", `${s.drugName} was given by mouth; oral drugs have no administration code`);
        break;
      case "none":
        if (s.admin.verb === "push" || s.admin.verb === "infuse") {
          s.outcome.push("included: a fluid push is a line flush");
          shadow(s, "*", "not-reportable", `a push of ${s.drugName} is a line flush, included in the other services`);
        }
        break;
    }
  }

  lines.sort((a, b) => a.order - b.order);
  const drugs = documentedDrugs(services, ctx);
  lines.push(...drugLines(drugs, ctx));
  return { services, lines, optional, shadows, drugs, initials, findings, notes };
}

function primaryKey(ref: DrugRef, drugs: DrugTable): string {
  return drugs.byName(ref.key)?.name.toLowerCase() ?? ref.key;
}

/** Hierarchy rank, then earliest documented start, then listed first. */
function compareForInitial(a: Service, b: Service): number {
  const r = RANK[a.category]! - RANK[b.category]!;
  if (r) return r;
  if (a.start !== undefined && b.start !== undefined && a.start !== b.start) return a.start - b.start;
  return a.index - b.index;
}

/** Documented times when every service has one; otherwise the order listed. */
function inTimeOrder(services: Service[]): Service[] {
  if (!services.every((s) => s.start !== undefined)) return [...services];
  return [...services].sort((a, b) => a.start! - b.start! || a.index - b.index);
}

type Report = (rule: string, span: Span, message: string, extra?: Parameters<typeof makeFinding>[4]) => void;

function classify(admin: Administration, index: number, ctx: EncounterContext, report: Report): Service {
  const drug = admin.drug ? ctx.drugs.byName(admin.drug.key) : undefined;
  const drugName = drug?.name ?? admin.drug?.text ?? (admin.verb === "hydrate" ? "IV fluid" : admin.verb === "flush" ? "port" : "unnamed drug");
  const drugKey = drug?.name.toLowerCase() ?? admin.drug?.key ?? admin.verb;
  const s: Service = { index, admin, drug, drugName, drugKey, category: "none", site: admin.site?.value ?? 1, classification: "", concurrent: [], outcome: [] };

  if (admin.drug && !drug) {
    const cls = admin.verb === "hydrate" ? "fluid" : "therapeutic";
    report("unknown-drug", admin.drug.span, `'${admin.drug.text}' is not in the drug table: it is treated as ${cls === "fluid" ? "a hydration fluid" : "a therapeutic (non-chemo) drug"}. If it is chemotherapy, declare it (drug ${declName(admin.drug.text)} chemo) so the chemo codes apply.`);
  } else if (!admin.drug && ["push", "infuse", "inject", "pump", "oral"].includes(admin.verb)) {
    report("unknown-drug", admin.verbSpan, `The ${admin.verb} does not name its drug: it is treated as a therapeutic (non-chemo) drug.`);
  }

  // Minutes and clock times (LANGUAGE.md §3 Time): a time range wins over a duration.
  const range = admin.range;
  const duration = admin.duration?.value;
  if (range) {
    s.minutes = range.end - range.start;
    s.start = range.start;
    s.end = range.end;
    if (duration !== undefined && duration !== s.minutes)
      report("inconsistent-timing", range.span, `The ${drugName} ${admin.verb} documents ${describeMinutes(duration)} but ${formatClock(range.start)}-${formatClock(range.end)} is ${describeMinutes(s.minutes)}; the times are used.`, { related: [{ span: admin.duration!.span, message: "the documented duration" }] });
  } else {
    s.minutes = duration;
    if (admin.at) {
      s.start = admin.at.value;
      s.end = duration !== undefined ? s.start + duration : undefined;
    }
  }

  const cls = drug?.class ?? (admin.verb === "hydrate" ? "fluid" : "therapeutic");
  const chemo = cls === "chemo" || cls === "hormonal";
  const m = s.minutes;
  switch (admin.verb) {
    case "oral":
      s.category = "oral";
      s.classification = "oral drug: recorded for completeness, never an administration code";
      break;
    case "flush":
      s.category = "flush";
      s.classification = "irrigation of an implanted venous access port";
      break;
    case "refill":
      s.category = "refill";
      s.classification = `refill of ${admin.implanted ? "an implanted" : "a portable"} pump`;
      break;
    case "pump":
      s.category = "pump";
      s.classification = `start of a prolonged infusion on ${admin.implanted ? "an implantable" : "a portable"} pump`;
      if (m !== undefined && m <= 480)
        report("inconsistent-timing", (admin.duration ?? admin.range)!.span, `A pump start describes an infusion of more than 8 hours, but ${describeMinutes(m)} is documented for ${drugName}; check the pump duration (96416 needs more than 8 hours).`);
      break;
    case "inject":
      s.category = "injection";
      s.classification = `${admin.route?.value ?? "SC/IM"} injection`;
      if (!admin.route) report("undocumented-route", admin.verbSpan, `The ${drugName} injection has no route: SC/IM is assumed. Document sc, im, intralesional or intrathecal.`);
      break;
    case "hydrate":
      s.category = "hydration";
      s.classification = `hydration${m !== undefined ? `, ${describeMinutes(m)}` : ""}`;
      if (m === undefined) report("undocumented-timing", admin.span, `The ${drugName} hydration has no duration and no times: hydration needs more than 30 documented minutes to be reportable.`);
      break;
    case "infuse":
    case "push":
      if (cls === "fluid") {
        s.category = admin.verb === "infuse" ? "hydration" : "none";
        s.classification = admin.verb === "infuse" ? `infusion of a fluid: hydration${m !== undefined ? `, ${describeMinutes(m)}` : ""}` : "push of a fluid: a line flush";
        if (admin.verb === "infuse" && m === undefined) report("undocumented-timing", admin.span, `The ${drugName} infusion has no duration and no times: hydration needs more than 30 documented minutes to be reportable.`);
        break;
      }
      if (m !== undefined && m >= 16) {
        s.category = chemo ? "chemo-infusion" : "infusion";
        s.classification = `${describeMinutes(m)}: 16 minutes or more is an infusion${admin.verb === "push" ? " (documented as a push)" : ""}`;
      } else {
        s.category = chemo ? "chemo-push" : "push";
        s.classification =
          m === undefined
            ? admin.verb === "infuse" ? "no duration or times documented: coded as a push" : "IV push"
            : `${describeMinutes(m)}: 15 minutes or less is a push${admin.verb === "infuse" ? " (documented as an infusion)" : ""}`;
        if (admin.verb === "infuse" && m === undefined)
          report("undocumented-timing", admin.span, `The ${drugName} infusion has no duration and no times, so it cannot support an infusion code: it is coded as a push. Document the start and stop times.`);
      }
      break;
  }
  if (admin.route && admin.verb !== "inject") report("syntax", admin.route.span, `a route (${admin.route.value}) applies to 'inject' only`);
  return s;
}

function linkConcurrency(services: Service[], drugs: DrugTable, report: Report) {
  for (const s of services) {
    const ref = s.admin.with;
    if (!ref) continue;
    const key = drugs.byName(ref.key)?.name.toLowerCase() ?? ref.key;
    const target = services.slice(0, s.index).reverse().find((o) => o.drugKey === key);
    if (!target) {
      report("syntax", ref.span, `'with ${ref.text}': no earlier administration of ${ref.text} in this encounter`);
      continue;
    }
    link(s, target);
  }
  for (let i = 0; i < services.length; i++)
    for (let j = i + 1; j < services.length; j++) {
      const a = services[i];
      const b = services[j];
      if (!infusionLike(a.category) || !infusionLike(b.category)) continue;
      if (a.start === undefined || a.end === undefined || b.start === undefined || b.end === undefined) continue;
      if (a.start < b.end && b.start < a.end) link(a, b);
    }
}

function link(a: Service, b: Service) {
  if (!a.concurrent.includes(b)) a.concurrent.push(b);
  if (!b.concurrent.includes(a)) b.concurrent.push(a);
}

function declName(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(text) ? text : `"${text}"`;
}

export function formatClock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Payer profile substitutions (e.g. Medicare G0498 for a clinic-supplied portable pump). */
function substitute(code: string, s: Service, ctx: EncounterContext, enc: EncounterNode, report: Report): string {
  for (const sub of ctx.payer?.substitutions ?? []) {
    if (sub.code !== code) continue;
    if (sub.pump && (sub.pump === "implanted") !== s.admin.implanted) continue;
    if (sub.settings && ctx.setting && !sub.settings.includes(ctx.setting)) continue;
    if (sub.settings && !ctx.setting)
      report("setting-unstated", enc.headerSpan, `No setting is stated: ${sub.use} assumes ${sub.settings.join(" or ")} (${sub.reason}). State the setting.`);
    return sub.use;
  }
  return code;
}

function documentedDrugs(services: Service[], ctx: EncounterContext): Map<string, DocumentedDrug> {
  const out = new Map<string, DocumentedDrug>();
  for (const s of services) {
    if (!s.drug || s.category === "oral" || s.admin.verb === "oral") continue;
    let d = out.get(s.drugKey);
    if (!d) out.set(s.drugKey, (d = { drug: s.drug, admins: [], units: new Map() }));
    d.admins.push(s.index);
  }
  for (const d of out.values()) {
    const doses = d.admins.map((i) => services[i].admin.dose);
    for (const code of d.drug.codes) {
      let total: number | undefined = 0;
      for (const dose of doses) {
        const v = dose ? convertDose(dose.value, dose.unit, code.unit.unit, ctx) : undefined;
        total = v === undefined || total === undefined ? undefined : total + v;
      }
      d.units.set(code.code, total);
    }
    if (doses.every((x) => x && x.unit === doses[0]!.unit)) {
      const unit = doses[0]!.unit;
      const value = doses.reduce((n, x) => n + x!.value, 0);
      d.total = { value, unit };
    }
  }
  return out;
}

/** The code in force that bills the dose in the fewest units (the smaller strength on a tie). */
export function pickDrugCode(d: DocumentedDrug, date: string | undefined): { code: HcpcsCode; units: number } | undefined {
  let best: { code: HcpcsCode; units: number } | undefined;
  for (const code of codesInForce(d.drug, date)) {
    if (code.derive === false) continue;
    const amount = d.units.get(code.code);
    const units = amount === undefined ? undefined : billingUnits(amount, code);
    if (units === undefined) continue;
    if (!best || units < best.units || (units === best.units && code.unit.amount < best.code.unit.amount)) best = { code, units };
  }
  return best;
}

function drugLines(drugs: Map<string, DocumentedDrug>, ctx: EncounterContext): ExpectedLine[] {
  const lines: ExpectedLine[] = [];
  for (const d of drugs.values()) {
    const pick = pickDrugCode(d, ctx.date);
    if (!pick) continue;
    const amount = d.units.get(pick.code.code)!;
    lines.push({
      code: pick.code.code,
      units: pick.units,
      modifiers: [],
      admins: d.admins,
      role: "standalone",
      kind: "drug",
      drug: d.drug.name,
      reason: `${d.drug.name} ${formatAmount(amount)} ${pick.code.unit.unit} ÷ ${pick.code.unit.upTo ? "up to " : ""}${pick.code.unit.amount} ${pick.code.unit.unit} per unit = ${pick.units} unit${pick.units === 1 ? "" : "s"} (rounded up)${ctx.date ? `; code in force on ${ctx.date}` : "; newest code set (no date of service given)"}`,
      order: 0,
    });
  }
  return lines;
}

export function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}

