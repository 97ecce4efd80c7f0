// Checking the claim against the derivation (LANGUAGE.md §5). Claimed and derived codes are
// compared unit by unit: equal codes match; what is left is paired by how alike the codes are
// (family, then push/infusion, then role), and each pairing names the rule that explains it.
// One claim line gets at most one error: the most specific (CLAIM_RULE_PRIORITY).
import type { AdminCode, CodeRole } from "../data/types.js";
import type { Claim, ClaimItem, EncounterNode, Span } from "../language/ast.js";
import { adminCode, billingUnits, inForce, isNonexistentCode, codesInForce, formatUnit, type DrugCode } from "./catalogue.js";
import { appendItems, formatItem, mergeItems, removeModifier, replaceItem, type ItemText } from "./claim-text.js";
import { CATEGORY_WORDS, pickDrugCode, type Derivation, type EncounterContext, type ExpectedLine, type Shadow } from "./derive.js";
import { makeFinding, type Finding, type Fix, type TextEdit } from "./finding.js";
import { CLAIM_RULE_PRIORITY } from "./rules.js";

const DISTINCT = new Set(["59", "XE", "XP", "XS", "XU"]);
const MAX_TOKENS = 50;

interface ExpectedToken {
  line: ExpectedLine;
  code: string;
  info: AdminCode;
  role: CodeRole;
  taken: boolean;
}

type Outcome =
  | { kind: "match"; to: ExpectedToken | undefined }
  | { kind: "paired"; rule: string; to: ExpectedToken }
  | { kind: "shadow"; rule: string; shadow: Shadow }
  | { kind: "surplus"; rule: string }
  | { kind: "unsupported" };

interface ClaimedToken {
  item: ClaimItem;
  info: AdminCode;
  outcome?: Outcome;
}

export interface CheckInput {
  enc: EncounterNode;
  claim: Claim;
  ctx: EncounterContext;
  derivation: Derivation;
  text: string;
}

const code4 = (info: AdminCode) => `${info.code} (${info.summary.replace(/\.$/, "").toLowerCase()})`;
const slot = (info: AdminCode, role: CodeRole) =>
  role === "hour" ? "hour" : info.kind === "push" || info.kind === "infusion" || info.kind === "hydration" ? "service" : `standalone:${info.kind}`;
const isInitialRole = (r: CodeRole) => r === "initial";

export function checkClaim(input: CheckInput): Finding[] {
  const { enc, claim, ctx, derivation, text } = input;
  const findings: Finding[] = [];
  const report = (rule: string, span: Span, message: string, fix?: Fix, extra: Parameters<typeof makeFinding>[4] = {}) =>
    findings.push(makeFinding(rule, span, message, enc.index, { ...extra, fix }));
  const adminLines = derivation.lines.filter((l) => l.kind === "admin");
  const claimedCodes = new Set(claim.items.map((i) => i.code));
  const adminSpan = (i: number) => enc.administrations[i].span;
  const relatedFor = (line?: ExpectedLine) => (line ? line.admins.map((a) => ({ span: adminSpan(a), message: line.reason })) : []);

  // --- Administration codes, unit by unit.
  const expected: ExpectedToken[] = adminLines.flatMap((line) =>
    Array.from({ length: Math.min(line.units, MAX_TOKENS) }, () => ({ line, code: line.code, info: adminCode(line.code)!, role: line.role, taken: false })),
  );
  const optionalTokens: ExpectedToken[] = derivation.optional.flatMap((line) =>
    Array.from({ length: line.units }, () => ({ line, code: line.code, info: adminCode(line.code)!, role: line.role, taken: false })),
  );
  const claimed: ClaimedToken[] = [];
  const drugItems: { item: ClaimItem; dc: DrugCode }[] = [];
  for (const item of claim.items) {
    const info = adminCode(item.code);
    if (info) {
      for (let k = 0; k < Math.min(item.units, MAX_TOKENS); k++) claimed.push({ item, info });
      continue;
    }
    const dc = ctx.drugs.byCode(item.code);
    if (dc) {
      drugItems.push({ item, dc });
      continue;
    }
    report("unknown-code", item.codeSpan, unknownCodeMessage(item.code));
  }

  const hasDistinct = (item: ClaimItem) => item.modifiers.some((m) => DISTINCT.has(m.value));
  const take = (c: ClaimedToken, pool: ExpectedToken[], pred: (e: ExpectedToken) => boolean) => {
    const e = pool.find((x) => !x.taken && x.code === c.info.code && pred(x));
    if (e) {
      e.taken = true;
      c.outcome = { kind: "match", to: e };
    }
  };
  for (const c of claimed) take(c, expected, (e) => e.line.modifiers.includes("XS") === hasDistinct(c.item));
  for (const c of claimed) if (!c.outcome) take(c, expected, () => true);
  for (const c of claimed) if (!c.outcome) take(c, optionalTokens, () => true);

  // Pair what is left by likeness.
  const pairs: { c: ClaimedToken; e: ExpectedToken; cost: number; ci: number; ei: number }[] = [];
  claimed.forEach((c, ci) => {
    if (c.outcome) return;
    expected.forEach((e, ei) => {
      if (e.taken) return;
      const cost = pairCost(c.info, e);
      if (cost < Infinity) pairs.push({ c, e, cost, ci, ei });
    });
  });
  pairs.sort((a, b) => a.cost - b.cost || a.ci - b.ci || a.ei - b.ei);
  for (const p of pairs) {
    if (p.c.outcome || p.e.taken) continue;
    p.e.taken = true;
    p.c.outcome = { kind: "paired", rule: pairRule(p.c, p.e, adminLines), to: p.e };
  }

  // Unpaired claimed units: a documented but unreportable service, surplus units, or nothing at all.
  const usedShadows = new Set<Shadow>();
  for (const c of claimed) {
    if (c.outcome) continue;
    const sh = derivation.shadows.find((s) => !usedShadows.has(s) && (s.code === c.info.code || (s.code === "*" && c.info.family !== "hydration")));
    if (sh) {
      usedShadows.add(sh);
      c.outcome = { kind: "shadow", rule: sh.rule, shadow: sh };
    } else if (adminLines.some((l) => l.code === c.info.code || (c.info.role === "hour" && c.info.primaries.includes(l.code)))) {
      // Too many units of a derived code, or hours beyond what its documented base service earns.
      const rule = c.info.role === "hour" || c.info.oncePerEncounter ? "units" : c.info.role === "initial" ? "duplicate-initial" : "unsupported-code";
      c.outcome = { kind: "surplus", rule };
    } else c.outcome = { kind: "unsupported" };
  }

  // Derived units nobody claimed: on the claimed line of that code when there is one.
  const deficits = new Map<string, ExpectedToken[]>();
  for (const e of expected) if (!e.taken) deficits.set(e.code + "|" + e.line.modifiers.join("-"), [...(deficits.get(e.code + "|" + e.line.modifiers.join("-")) ?? []), e]);
  const deficitOnItem = new Map<ClaimItem, ExpectedToken[]>();
  const missing: ExpectedToken[][] = [];
  for (const list of deficits.values()) {
    const item = claim.items.find((i) => i.code === list[0].code);
    if (item) deficitOnItem.set(item, list);
    else missing.push(list);
  }

  // Add-ons with none of their primaries on the claim.
  const orphan = (info: AdminCode) => info.addOn && !info.primaries.some((p) => claimedCodes.has(p));

  // Modifiers: a second-site initial needs XS/59; a distinct-service modifier elsewhere is noise.
  function checkModifiers(item: ClaimItem) {
    const tokens = claimed.filter((c) => c.item === item);
    const info = tokens[0].info;
    const rule = tokens.some((t) => t.outcome!.kind === "paired" && t.outcome!.rule === "modifier-inappropriate") ? "modifier-inappropriate" : undefined;
    const matchedXS = tokens.some((t) => t.outcome!.kind === "match" && t.outcome!.to?.line.modifiers.includes("XS"));
    if (matchedXS && !hasDistinct(item)) {
      const at = item.modifiers.length ? item.modifiers[item.modifiers.length - 1].span.end : item.codeSpan.end;
      report("modifier-missing", item.codeSpan, `${info.code} is the initial service of a second IV site: it needs modifier XS (or 59) to show the separate, medically necessary site.`, { title: `Add modifier XS to ${info.code}`, edits: [{ start: at, end: at, newText: "-XS" }] });
    }
    if (rule !== "modifier-inappropriate") {
      for (const m of item.modifiers) {
        const wastage = m.value === "JW" || m.value === "JZ";
        if (!(DISTINCT.has(m.value) && !matchedXS) && !wastage) continue;
        const why = wastage
          ? `${m.value} reports drug wastage and belongs on the HCPCS drug line, not on the administration code ${info.code}`
          : info.addOn
            ? `${info.code} is an add-on in its ordinary sequence; modifier ${m.value} is not needed and invites review`
            : `${info.code} is the only initial service here and no separate site is documented; modifier ${m.value} is not needed`;
        report("modifier-not-needed", m.span, `${why}.`, { title: `Remove modifier ${m.value}`, edits: [removeModifier(text, m.span)] });
      }
    }
  }

  // One verdict per claimed item.
  const suppressMissing = new Set<string>();
  for (const item of claim.items) {
    const tokens = claimed.filter((c) => c.item === item);
    if (!tokens.length) continue;
    const info = tokens[0].info;
    const deficit = deficitOnItem.get(item) ?? [];
    const rules = tokens.map((t) => outcomeRule(t.outcome!)).filter((r): r is string => !!r);
    if (orphan(info)) rules.push("addon-without-primary");
    if (deficit.length && (info.role === "hour" || info.oncePerEncounter)) rules.push("units");
    const rule = CLAIM_RULE_PRIORITY.find((r) => rules.includes(r));

    // The corrected item(s): matches stay, pairings become the derived code, the rest go.
    const result: ItemText[] = [];
    for (const t of tokens) {
      const o = t.outcome!;
      if (o.kind === "match") result.push({ code: t.info.code, units: 1, modifiers: item.modifiers.map((m) => m.value) });
      else if (o.kind === "paired") result.push({ code: o.to.code, units: 1, modifiers: o.to.line.modifiers });
    }
    for (const d of deficit) result.push({ code: d.code, units: 1, modifiers: d.line.modifiers });
    if (!rule && !deficit.length) {
      checkModifiers(item);
      continue;
    }
    let replacement = mergeItems(result);
    const addPrimary = rule === "addon-without-primary" && !tokens.some((t) => t.outcome!.kind === "paired");
    const primary = addPrimary ? adminLines.find((l) => l.role === "initial" && info.primaries.includes(l.code)) : undefined;
    if (primary) {
      suppressMissing.add(primary.code);
      replacement = [{ code: primary.code, units: 1, modifiers: primary.modifiers }, ...replacement];
    }
    const edits: TextEdit[] = [replaceItem(text, claim, item, replacement)];
    const written = text.slice(item.span.start, item.span.end);
    const fixTitle = replacement.length ? `Change '${written}' to '${replacement.map(formatItem).join(", ")}'` : `Remove '${written}'`;

    if (rule && rule !== "missing-code") {
      const main = tokens.find((t) => outcomeRule(t.outcome!) === rule) ?? tokens[0];
      const message = describe(rule, item, info, main, tokens, input);
      const line = main.outcome && "to" in main.outcome ? main.outcome.to?.line : deficit[0]?.line;
      const shadowAdmin = main.outcome?.kind === "shadow" ? main.outcome.shadow.admin : undefined;
      const related = shadowAdmin !== undefined ? [{ span: adminSpan(shadowAdmin), message: main.outcome!.kind === "shadow" ? main.outcome!.shadow.reason : "" }] : relatedFor(line);
      report(rule, item.span, message, edits.length ? { title: fixTitle, edits } : undefined, { related });
    } else if (deficit.length) {
      report("missing-code", item.span, `${formatItem({ code: info.code, units: item.units, modifiers: [] })} is claimed, but the chart supports ${info.code} ×${item.units + deficit.length}: ${deficit[0].line.reason}.`, { title: fixTitle, edits }, { related: relatedFor(deficit[0].line) });
    }

    checkModifiers(item);
  }

  // Codes derived but absent from the claim.
  for (const list of missing) {
    const line = list[0].line;
    if (suppressMissing.has(line.code)) continue;
    const add = { code: line.code, units: list.length, modifiers: line.modifiers };
    report("missing-code", claim.keywordSpan, `${formatItem(add)} is missing from the claim: ${line.reason}.`, { title: `Add ${formatItem(add)} to the claim`, edits: [appendItems(claim, [add])] }, { related: relatedFor(line) });
  }

  checkDrugLines(input, drugItems, report);
  checkPayerEdits(input, report);
  return findings;
}

function pairCost(c: AdminCode, e: ExpectedToken): number {
  const roles: CodeRole[] = c.code === "96361" ? ["hour", "sequential"] : [c.role];
  let best = Infinity;
  for (const role of roles) {
    const cs = slot(c, role);
    const es = slot(e.info, e.role);
    if (cs !== es && !(cs.startsWith("standalone:pump") && es.startsWith("standalone:pump"))) continue;
    const fam = c.family !== e.info.family ? 4 : 0;
    let cost: number;
    if (cs === "service") cost = fam + (c.kind !== e.info.kind ? 2 : 0) + (role !== e.role ? 1 : 0);
    else cost = fam + 1;
    best = Math.min(best, cost);
  }
  return best;
}

function pairRule(c: ClaimedToken, e: ExpectedToken, lines: ExpectedLine[]): string {
  const cf = c.info.family;
  const ef = e.info.family;
  if (cf !== ef) {
    if (ef === "chemo") return "chemo-as-non-chemo";
    if (cf === "chemo") return "non-chemo-as-chemo";
    return ef === "hydration" ? "hydration-as-infusion" : "infusion-as-hydration";
  }
  if (c.info.kind !== e.info.kind) {
    if (c.info.kind === "push" && e.info.kind === "infusion") return "infusion-as-push";
    if (c.info.kind === "infusion" && e.info.kind === "push") return "push-as-infusion";
    if (c.info.kind === "pump" || e.info.kind === "pump") return "payer-edit";
    return "wrong-code";
  }
  if (c.info.kind === "pump" && c.info.code !== e.code) return "payer-edit";
  const cr = c.info.role;
  const er = e.role;
  if (isInitialRole(cr) && !isInitialRole(er)) {
    if (c.item.modifiers.some((m) => DISTINCT.has(m.value))) return "modifier-inappropriate";
    return lines.some((l) => l.role === "initial" && l.code === c.info.code) ? "duplicate-initial" : "wrong-initial";
  }
  if (!isInitialRole(cr) && isInitialRole(er)) return "wrong-initial";
  if (cr === "sequential" && er === "concurrent") return "concurrent-as-sequential";
  if (cr === "concurrent" && er === "sequential") return "sequential-as-concurrent";
  if (cr === "new-drug" && er === "same-drug") return "same-drug-as-new";
  if (cr === "same-drug" && er === "new-drug") return "new-drug-as-same";
  return "wrong-code";
}

function outcomeRule(o: Outcome): string | undefined {
  switch (o.kind) {
    case "match":
      return undefined;
    case "paired":
    case "shadow":
    case "surplus":
      return o.rule;
    case "unsupported":
      return "unsupported-code";
  }
}

function unknownCodeMessage(code: string): string {
  if (isNonexistentCode(code)) return `${code} does not exist: CPT has no 96362, 96363, 96364 or 96378. Use the code for the documented service.`;
  const n = Number(code);
  if (/^\d{5}$/.test(code) && n >= 96360 && n <= 96549) return `${code} is not a drug administration code (96360-96379, 96401-96549).`;
  if (/^\d{5}$/.test(code)) return `${code} is outside the drug administration family this tool checks (96360-96549, G0498 and HCPCS drug codes); it cannot be checked against the documentation.`;
  return `${code} is not a HCPCS drug code in the drug table. If it is the code of a documented drug, declare it: drug NAME CLASS hcpcs ${code} per DOSE.`;
}

function describe(rule: string, item: ClaimItem, info: AdminCode, main: ClaimedToken, tokens: ClaimedToken[], input: CheckInput): string {
  const o = main.outcome!;
  const to = o.kind === "paired" ? o.to : undefined;
  const svc = (e: ExpectedToken) => {
    const s = input.derivation.services[e.line.admins[0]];
    return s ? `the ${s.drugName} ${CATEGORY_WORDS[s.category]}` : "the documented service";
  };
  const fixTo = to ? `; the chart supports ${to.code}${to.line.modifiers.map((m) => `-${m}`).join("")}: ${to.line.reason}` : "";
  switch (rule) {
    case "chemo-as-non-chemo":
      return `${info.code} is a ${info.family === "hydration" ? "hydration" : "non-chemo"} code, but ${to ? svc(to) : "this service"} is chemotherapy/complex drug administration${fixTo}.`;
    case "non-chemo-as-chemo": {
      const s = to ? input.derivation.services[to.line.admins[0]] : undefined;
      return `${info.code} is a chemotherapy administration code, but ${s?.drugName ?? "the drug"} is not chemotherapy${s?.drug?.note ? ` (${s.drug.note.replace(/[.]$/, "")})` : ""}${fixTo}.`;
    }
    case "hydration-as-infusion":
      return `${info.code} reports a drug administration, but ${to ? svc(to) : "the service"} is hydration${fixTo}.`;
    case "infusion-as-hydration":
      return `${info.code} is a hydration code, but ${to ? svc(to) : "the service"} is a drug administration${fixTo}.`;
    case "infusion-as-push": {
      const s = to ? input.derivation.services[to.line.admins[0]] : undefined;
      return `${info.code} is a push code, but the ${s?.drugName ?? ""} administration lasted ${s?.minutes ?? "16 or more"} min: 16 minutes or more is an infusion${fixTo}.`;
    }
    case "push-as-infusion": {
      const s = to ? input.derivation.services[to.line.admins[0]] : undefined;
      return `${info.code} is an infusion code, but ${s ? `${s.drugName} ${s.minutes === undefined ? "has no documented infusion time" : `lasted ${s.minutes} min`}` : "the administration lasted 15 minutes or less"}: 15 minutes or less is a push${fixTo}.`;
    }
    case "addon-without-primary":
      return `${info.code} is an add-on code, and none of its primary codes (${info.primaries.join(", ")}) is on the claim${to ? fixTo : ""}.`;
    case "duplicate-initial":
      return `${info.code} is claimed ${tokens.length > 1 ? `×${tokens.length}` : "beside another initial code"}, but only one initial service is reported per encounter without a documented second IV site${fixTo || `; the chart supports ${info.code} ×1`}.`;
    case "wrong-initial": {
      const init = input.derivation.lines.find((l) => l.role === "initial" && !l.modifiers.length);
      return `${info.code} is claimed as ${isInitialRole(info.role) ? "the initial service" : "an add-on"}, but the initial service is ${init ? `${init.code} (${init.reason})` : "another service"}${fixTo}.`;
    }
    case "modifier-inappropriate":
      return `${info.code} with modifier ${item.modifiers.map((m) => m.value).join("-")} reports a second initial service, but a higher-ranked service is documented and no second IV site is: it is an add-on${fixTo}.`;
    case "concurrent-as-sequential":
      return o.kind === "shadow" ? `${info.code} is a sequential code, but ${o.shadow.reason}.` : `${info.code} reports a sequential infusion, but ${to ? svc(to) : "the infusion"} ran at the same time as another${fixTo}.`;
    case "sequential-as-concurrent":
      return `96368 reports an infusion running at the same time as another, but ${to ? svc(to) : "the infusion"} was given after the other${fixTo}.`;
    case "same-drug-as-new":
      return o.kind === "shadow" ? `96375 is for a new drug, but ${o.shadow.reason}.` : `96375 is for a push of a new drug, but this is a repeat push of the same drug${fixTo}.`;
    case "new-drug-as-same":
      return `96376 is for a repeat push of the same drug, but ${to ? svc(to) : "this push"} is a new drug${fixTo}.`;
    case "facility-only":
    case "not-reportable":
      return o.kind === "shadow" ? `${info.code} is not reportable here: ${o.shadow.reason}.` : `${info.code} is not reportable here.`;
    case "units": {
      const want = input.derivation.lines.filter((l) => l.code === info.code).reduce((n, l) => n + l.units, 0);
      const line = input.derivation.lines.find((l) => l.code === info.code) ?? input.derivation.lines.find((l) => info.primaries.includes(l.code));
      return `${info.code} ×${item.units} is claimed, but the chart supports ×${want}${line ? `: ${line.reason}` : ""}.`;
    }
    case "wrong-code":
    case "payer-edit":
      return `${info.code} does not describe ${to ? svc(to) : "the documented service"}${fixTo}.`;
    default: {
      const want = input.derivation.lines.filter((l) => l.code === info.code).reduce((n, l) => n + l.units, 0);
      if (want) return `${info.code} ×${item.units} is claimed, but the documented administrations support ${info.code} ×${want}: ${input.derivation.lines.find((l) => l.code === info.code)!.reason}.`;
      return `No documented administration supports ${code4(info)}: remove it, or document the service it reports.`;
    }
  }
}

function checkDrugLines(input: CheckInput, items: { item: ClaimItem; dc: DrugCode }[], report: (rule: string, span: Span, message: string, fix?: Fix, extra?: Parameters<typeof makeFinding>[4]) => void) {
  const { claim, ctx, derivation, text } = input;
  const date = ctx.date;
  const byDrug = new Map<string, { item: ClaimItem; dc: DrugCode }[]>();
  for (const x of items) {
    const doc = derivation.drugs.get(x.dc.drug.name.toLowerCase());
    const when = date ? `on ${date}` : "today (no date of service is given; add `date` for an older encounter)";
    if (!inForce(x.dc.code, date)) {
      const pick = doc ? pickDrugCode(doc, date) : undefined;
      const now = pick?.code ?? codesInForce(x.dc.drug, date).find((c) => c.derive !== false);
      const replacement = now ? { code: now.code, units: pick?.units ?? x.item.units, modifiers: x.item.modifiers.map((m) => m.value) } : undefined;
      const status = x.dc.code.until && (!date || date > x.dc.code.until) ? `was retired after ${x.dc.code.until}` : `was not yet in force (from ${x.dc.code.from})`;
      report("retired-code", x.item.codeSpan, `${x.dc.code.code} (${x.dc.drug.name}, ${formatUnit(x.dc.code)}) ${status}; the code in force ${when} is ${now ? `${now.code} (${formatUnit(now)})${pick ? `: ${doc!.total ? `${doc!.total.value} ${doc!.total.unit}` : "the documented dose"} = ${now.code} ×${pick.units}` : ""}` : "not in the drug table"}.`, replacement ? { title: `Change to ${formatItem(replacement)}`, edits: [replaceItem(text, claim, x.item, [replacement])] } : undefined);
      continue;
    }
    if (!doc) {
      report("unsupported-code", x.item.span, `${x.item.code} bills ${x.dc.drug.name}, but no ${x.dc.drug.name} administration is documented in this encounter.`, { title: `Remove '${text.slice(x.item.span.start, x.item.span.end)}'`, edits: [replaceItem(text, claim, x.item, [])] });
      continue;
    }
    byDrug.set(x.dc.drug.name, [...(byDrug.get(x.dc.drug.name) ?? []), x]);
  }
  for (const [name, list] of byDrug) {
    const doc = derivation.drugs.get(name.toLowerCase())!;
    const dose = doc.total ? `${doc.total.value} ${doc.total.unit}` : "the documented dose";
    if (list.length === 1) {
      const { item, dc } = list[0];
      const amount = doc.units.get(dc.code.code);
      const want = amount === undefined ? undefined : billingUnits(amount, dc.code);
      if (want !== undefined && want !== item.units) {
        const fixed = { code: item.code, units: want, modifiers: item.modifiers.map((m) => m.value) };
        report("drug-units", item.span, `${item.code} ×${item.units} disagrees with the documented ${name} dose: ${dose} (${item.code} is billed ${formatUnit(dc.code)}) is ${item.code} ×${want} (units are the dose divided by the billing unit, rounded up).`, { title: `Change to ${formatItem(fixed)}`, edits: [replaceItem(text, claim, item, [fixed])] }, { related: doc.admins.map((a) => ({ span: input.enc.administrations[a].span, message: `${name} documented here` })) });
      }
      continue;
    }
    // Several codes for one drug (e.g. J2920 + J2930): the strengths billed must cover the dose without a spare unit.
    let cover = 0;
    let smallest = Infinity;
    let amount: number | undefined;
    for (const { item, dc } of list) {
      cover += item.units * dc.code.unit.amount;
      smallest = Math.min(smallest, dc.code.unit.amount);
      amount = doc.units.get(dc.code.code);
    }
    if (amount !== undefined && (cover < amount - 1e-9 || cover - smallest >= amount - 1e-9))
      report("drug-units", list[0].item.span, `The ${name} lines bill ${cover} ${list[0].dc.code.unit.unit} in all, but ${dose} is documented: the units should cover the dose without a spare unit.`);
  }
  // Drug lines the chart supports but the claim lacks: only when the claim lists HCPCS lines at all.
  if (!items.length) return;
  const claimedDrugs = new Set(items.map((x) => x.dc.drug.name));
  for (const line of derivation.lines) {
    if (line.kind !== "drug" || claimedDrugs.has(line.drug!)) continue;
    const add = { code: line.code, units: line.units, modifiers: [] };
    report("missing-code", claim.keywordSpan, `${formatItem(add)} (${line.drug}) is missing from the claim: ${line.reason}.`, { title: `Add ${formatItem(add)} to the claim`, edits: [appendItems(claim, [add])] }, { related: line.admins.map((a) => ({ span: input.enc.administrations[a].span, message: `${line.drug} documented here` })) });
  }
}

function checkPayerEdits(input: CheckInput, report: (rule: string, span: Span, message: string, fix?: Fix, extra?: Parameters<typeof makeFinding>[4]) => void) {
  const { claim, ctx } = input;
  for (const edit of ctx.payer?.edits ?? []) {
    if (edit.settings && (!ctx.setting || !edit.settings.includes(ctx.setting))) continue;
    const item = claim.items.find((i) => i.code === edit.code);
    if (!item) continue;
    if (edit.withAny && !claim.items.some((i) => edit.withAny!.includes(i.code))) continue;
    const units = claim.items.filter((i) => i.code === edit.code).reduce((n, i) => n + i.units, 0);
    if (edit.maxUnits !== undefined && units <= edit.maxUnits) continue;
    report("payer-edit", item.span, `${ctx.payer!.title}: ${edit.message}`, undefined, { severity: edit.severity, source: edit.source });
  }
}
