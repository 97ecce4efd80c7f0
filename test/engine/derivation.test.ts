// Derivation scenarios: domain.md §2's worked unit examples and the rules of LANGUAGE.md §4.
import { test } from "node:test";
import assert from "node:assert/strict";
import { derived, analyze } from "../helpers.js";
import { fixText } from "../../server/src/engine/fix-text.js";

const cases: [string, string, string][] = [
  ["non-chemo IV drug 14 min is a push", "infuse ondansetron 8mg 14min", "96374, J2405 x8"],
  ["non-chemo IV drug 16 min is an infusion", "infuse ondansetron 16min", "96365"],
  ["chemo infusion 90 min: no additional hour", "infuse rituximab 90min", "96413"],
  ["chemo infusion 91 min: one additional hour", "infuse rituximab 91min", "96413, 96415"],
  ["chemo infusion 4 h: three additional hours", "infuse rituximab 4h", "96413, 96415 x3"],
  ["150 min: one additional hour; 151 min: two", "infuse rituximab 150min", "96413, 96415"],
  ["151 min: two additional hours", "infuse rituximab 151min", "96413, 96415 x2"],
  ["hydration alone 30 min: nothing", "hydrate 30min", "none"],
  ["hydration alone 31 min", "hydrate 31min", "96360"],
  ["hydration alone 91 min", "hydrate 91min", "96360, 96361"],
  ["hydration 95 min after a chemo push", "push doxorubicin\nhydrate 95min", "96409, 96361 x2"],
  ["secondary hydration 175 min is 96361 x3", "push ondansetron\nhydrate 175min", "96374, 96361 x3"],
  ["same drug pushed twice 25 min apart, hopd", "setting hopd\npush ondansetron at 09:00\npush ondansetron at 09:25", "96374"],
  ["same drug pushed twice 2 h apart, hopd", "setting hopd\npush ondansetron at 09:00\npush ondansetron at 11:00", "96374, 96376"],
  ["same drug pushed twice 2 h apart, office", "setting office\npush ondansetron at 09:00\npush ondansetron at 11:00", "96374"],
  ["leucovorin alongside oxaliplatin", "infuse oxaliplatin 2h\ninfuse leucovorin 2h with oxaliplatin", "96413, 96415, 96368"],
  ["overlapping times are concurrent", "infuse oxaliplatin 09:00-11:00\ninfuse leucovorin 10:59-12:00", "96413, 96415, 96368"],
  ["touching times are sequential", "infuse oxaliplatin 09:00-11:00\ninfuse leucovorin 11:00-12:00", "96413, 96415, 96367"],
  ["sequential chemo infusion of a different drug", "infuse paclitaxel 180min\ninfuse carboplatin 30min", "96413, 96415 x2, 96417"],
  ["sequential chemo infusion with its own hours", "infuse paclitaxel 60min\ninfuse carboplatin 150min", "96413, 96417, 96415"],
  ["a push stays a push whatever its length (revision 2)", "push ondansetron 20min", "96374"],
  ["96376 from the last reported push: 10:00, 10:20, 10:45 give one 96376", "setting hopd\npush ondansetron 4mg at 10:00\npush ondansetron 4mg at 10:20\npush ondansetron 4mg at 10:45", "96374, 96376, J2405 x12"],
  ["96376 exactly 30 minutes after the reported push", "setting hopd\npush ondansetron 4mg at 10:00\npush ondansetron 4mg at 10:30", "96374, 96376, J2405 x8"],
  ["96376 twice when each is 30 minutes after the last reported one", "setting hopd\npush ondansetron 4mg at 10:00\npush ondansetron 4mg at 10:30\npush ondansetron 4mg at 10:50\npush ondansetron 4mg at 11:00", "96374, 96376 x2, J2405 x16"],
  ["hydration counts only minutes outside a drug infusion", "setting hopd\nhydrate NS 16:00-19:00\ninfuse \"magnesium sulfate\" 2g 17:00-18:00", "96365, 96361 x2, J3475 x4"],
  ["hydration around a timed push loses the push's minutes", "setting hopd\nhydrate NS 09:00-09:35\npush ondansetron 4mg 09:10-09:15", "96374, J2405 x4"],
  ["a push with only `at` takes no time from hydration", "setting hopd\nhydrate NS 09:00-09:35\npush ondansetron 4mg at 09:10", "96374, 96361, J2405 x4"],
  ["a pump takes hydration time from its start", "setting hopd\ninfuse oxaliplatin 09:00-11:00\nhydrate NS 11:00-12:00\npump fluorouracil 2400mg at 11:45 46h", "96413, 96415, 96361, 96416, J9190 x5"],
  ["a pump started inside hydration leaves 30 counted minutes: not reportable", "setting hopd\ninfuse oxaliplatin 09:00-11:00\nhydrate NS 11:00-12:00\npump fluorouracil 2400mg at 11:30 46h", "96413, 96415, 96416, J9190 x5"],
  ["two overlapping hydration bags count the union of their minutes", "setting hopd\nhydrate NS 09:00-10:00\nhydrate D5W 09:30-10:30", "96360"],
  ["hydration `with` an untimed infusion counts its minutes less the infusion's", "setting hopd\ninfuse \"magnesium sulfate\" 2g 60min\nhydrate NS 100min with \"magnesium sulfate\"", "96365, 96361, J3475 x4"],
  ["hydration `with` a longer infusion counts nothing", "setting hopd\ninfuse \"magnesium sulfate\" 2g 120min\nhydrate NS 100min with \"magnesium sulfate\"", "96365, 96366, J3475 x4"],
  ["clock times cross midnight: saline inside an overnight rituximab infusion", "setting hopd\ninfuse rituximab 22:00-01:00\nhydrate NS 00:10-00:50", "96413, 96415 x2"],
  ["pushes at 23:50 and 00:05 are 15 minutes apart", "setting hopd\npush ondansetron 4mg at 23:50\npush ondansetron 4mg at 00:05", "96374, J2405 x8"],
  ["pushes at 23:50 and 00:30 are 40 minutes apart", "setting hopd\npush ondansetron 4mg at 23:50\npush ondansetron 4mg at 00:30", "96374, 96376, J2405 x8"],
  ["an infusion of 15 min or less is a push", "infuse ondansetron 15min", "96374"],
  ["a chemo push of 30 min stays a chemo push", "push doxorubicin 60mg 30min", "96409, J9000 x6"],
  ["an infusion without timing is a push", "infuse ondansetron", "96374"],
  ["a second bag of the same drug adds its minutes", "infuse rituximab 60min\ninfuse rituximab 40min", "96413, 96415"],
  ["hopd hierarchy: chemo infusion is initial whatever the order", "setting hopd\npush ondansetron\ninfuse rituximab 30min", "96413, 96375"],
  ["ties go to the earliest start", "setting hopd\ninfuse ondansetron 10:00-10:30\ninfuse \"magnesium sulfate\" 09:00-09:30", "96365, 96367"],
  ["office primary reason picks the initial service", "setting office\nprimary ondansetron\npush ondansetron\ninfuse \"magnesium sulfate\" 30min", "96374, 96367"],
  ["a separate IV site gets its own initial with XS", "setting hopd\ninfuse rituximab 60min\npush ondansetron site 2", "96413, 96374-XS"],
  ["hydration concurrent with an infusion is not reportable", "infuse rituximab 09:00-10:00\nhydrate 09:00-10:00", "96413"],
  ["hydration 'with' an infusion is concurrent", "infuse rituximab 60min\nhydrate 60min with rituximab", "96413"],
  ["an infused fluid is hydration", "infuse \"normal saline\" 60min", "96360"],
  ["magnesium sulfate as a drug is a therapeutic infusion", "infuse \"magnesium sulfate\" 60min", "96365"],
  ["injections: SC therapeutic, SC chemo, IM hormonal, intrathecal chemo", "inject denosumab sc\ninject bortezomib sc\ninject fulvestrant im\ninject \"methotrexate\" intrathecal", "96372, 96401, 96402"],
  ["pump start (chemo over 8 h)", "pump fluorouracil 46h", "96416"],
  ["Medicare pump start in an office is G0498", "payer medicare\nsetting office\npump fluorouracil 46h", "G0498"],
  ["Medicare implanted pump stays 96416", "payer medicare\nsetting office\npump fluorouracil 46h implanted", "96416"],
  ["pump refills", "refill pump\nrefill implanted pump", "96521, 96522"],
  ["port flush as the sole service", "flush port", "96523"],
  ["port flush beside another service is not reportable", "flush port\npush ondansetron", "96374"],
  ["oral drugs have no administration code", "oral prednisone 100mg", "none"],
  ["96368 once per encounter", "infuse oxaliplatin 3h\ninfuse leucovorin 2h with oxaliplatin\ninfuse ondansetron 30min with oxaliplatin", "96413, 96415 x2, 96368"],
  ["a repeat chemo push of the same drug has no code", "push doxorubicin\npush doxorubicin", "96409"],
  ["two chemo infusions at once: the second has no code", "infuse oxaliplatin 09:00-11:00\ninfuse irinotecan 09:30-11:00", "96413, 96415"],
  ["end before start is the next day", "infuse rituximab 23:00-01:00", "96413, 96415"],
  ["at + duration gives the interval", "infuse oxaliplatin at 09:00 120min\ninfuse leucovorin at 10:00 60min", "96413, 96415, 96368"],
  // HCPCS drug lines
  ["HCPCS units round up", "push doxorubicin 95mg", "96409, J9000 x10"],
  ["methylprednisolone 125 mg before April 2024: J2930 x1", "date 2024-01-15\npush methylprednisolone 125mg", "96374, J2930"],
  ["methylprednisolone 40 mg before April 2024: J2920 x1 (smaller strength on a tie)", "date 2024-01-15\npush methylprednisolone 40mg", "96374, J2920"],
  ["methylprednisolone 125 mg from April 2024: J2919 x25", "date 2024-04-01\npush methylprednisolone 125mg", "96374, J2919 x25"],
  ["cyclophosphamide before April 2024: J9070", "date 2023-12-01\npush cyclophosphamide 1000mg", "96409, J9070 x10"],
  ["mg/m2 with bsa", "bsa 1.8m2\ninfuse oxaliplatin 85mg/m2 120min", "96413, 96415, J9263 x306"],
  ["mg/kg with weight", "weight 70kg\ninfuse \"iron sucrose\" 3mg/kg 30min", "96365, J1756 x210"],
  ["mg/m2 without bsa: no drug line", "infuse oxaliplatin 85mg/m2 120min", "96413, 96415"],
  ["grams are converted", "infuse \"magnesium sulfate\" 2g 60min", "96365, J3475 x4"],
  ["declared drug with its code and unit", "drug mitomycin chemo hcpcs J9280 per 5mg\npush mitomycin 12mg", "96409, J9280 x3"],
];

for (const [name, text, want] of cases) test(name, () => assert.equal(derived(text), want));

test("the initial-service explanation says when the hierarchy stood in for the primary reason", () => {
  const a = analyze("setting office\npush ondansetron\ninfuse rituximab 30min");
  assert.match(a.encounters[0].derivation.notes.join(" "), /No primary reason for the encounter is stated/);
});

test("counted hydration time says what was taken away", () => {
  const a = analyze("drug ceftriaxone therapeutic\nsetting hopd\nhydrate \"normal saline\" 16:00-19:00\ninfuse ceftriaxone 17:00-18:00");
  const line = a.encounters[0].derivation.lines.find((l) => l.code === "96361")!;
  assert.match(line.reason, /^180 min \(3 h\) of hydration documented, 60 min \(1 h\) during the ceftriaxone infusion: 120 min \(2 h\) counted/);
});

test("hydration wholly inside an infusion is not reportable and says so", () => {
  const a = analyze("setting hopd\ninfuse rituximab 700mg 22:00-01:00\nhydrate NS 00:10-00:50\nclaim 96413, 96415 x2, 96361");
  const f = a.findings.find((x) => x.rule === "not-reportable")!;
  assert.match(f.message, /96361 is not reportable here: the normal saline hydration runs wholly during the rituximab infusion/);
});

test("the timeline keeps written order across midnight", () => {
  const a = analyze("setting hopd\ninfuse rituximab 22:00-01:00\nhydrate NS 00:10-00:50");
  const [rtx, ns] = a.encounters[0].derivation.services;
  assert.deepEqual([rtx.start, rtx.end, ns.start, ns.end], [1320, 1500, 1450, 1490]);
});

test("a payer substitution shapes the derivation and fix-all converges (IBX leuprolide)", () => {
  const text = "payer ibx\nsetting office\ninject leuprolide 7.5mg im\nclaim 96402, J1950 x2\n";
  assert.equal(derived(text), "96372, J9217");
  const fixed = fixText(text).text;
  assert.equal(fixed, "payer ibx\nsetting office\ninject leuprolide 7.5mg im\nclaim 96372, J1950 x2\n");
  assert.deepEqual(analyze(fixed).findings.map((f) => f.rule), []);
});

test("primary hydration in an office: 96360 is the initial service", () => {
  assert.equal(derived("setting office\nprimary hydration\ninfuse \"magnesium sulfate\" 2g 09:00-09:40\nhydrate NS 10:00-12:00"), "96365, 96361 x2, J3475 x4");
  assert.equal(derived("setting office\nprimary hydration\nhydrate NS 10:00-12:00\ninject leuprolide 7.5mg im"), "96360, 96361, 96402, J9217");
});

// 96368 needs 96365, 96366, 96413, 96415 or 96416; beside a chemo push initial (96409) it is left off.
const orphan96368 = "visit VISIT\ninfuse ceftriaxone 1g 09:30-10:10\npush doxorubicin 30mg\ninfuse leucovorin 400mg 09:00-11:00";

test("modifier 25 is decided on the codes left after an add-on without its primary is dropped", () => {
  const text = `setting office\n${orphan96368.replace("VISIT", "99213")}\nclaim 99213, 96409, 96367`;
  const a = analyze(text);
  assert.equal(derived(text), "99213-25, 96409, 96367, J9000 x3, J0640 x8");
  const visit = a.encounters[0].derivation.lines[0];
  assert.equal(visit.reason, "E/M visit documented as significant and separately identifiable; modifier 25 because 96409, 96367 are reported the same day (NCCI Policy Manual Ch. XI)");
  const f = a.findings.find((x) => x.rule === "modifier-25-missing")!;
  assert.doesNotMatch(f.message, /96368/);
});

test("Medicare's 99211 bundling names only the codes left after an add-on without its primary is dropped", () => {
  const a = analyze(`setting office\npayer medicare\n${orphan96368.replace("VISIT", "99211")}`);
  const [w] = a.encounters[0].derivation.withheld;
  assert.equal(w.rule, "em-bundled");
  assert.match(w.reason, /\(96409, 96367 are derived here\)$/);
});

test("after primary-mismatch the initial line says the hierarchy replaced the primary reason, and why", () => {
  const a = analyze("setting office\nprimary hydration\nhydrate NS 09:00-11:00\npush ondansetron 4mg at 11:05");
  const d = a.encounters[0].derivation;
  assert.equal(d.lines[0].reason, "ondansetron IV push: initial service (hierarchy; with hydration as the initial service, 96375 would have none of its primary codes)");
  assert.doesNotMatch(d.notes.join(" "), /No primary reason for the encounter is stated/);
});

test("primary hydration without reportable hydration: the initial line says so", () => {
  const d = analyze("setting office\nprimary hydration\nhydrate NS 20min\npush ondansetron 4mg").encounters[0].derivation;
  assert.equal(d.lines[0].reason, "ondansetron IV push: initial service (hierarchy; primary hydration, but no reportable hydration)");
});
