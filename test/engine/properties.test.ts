// Property tests: random text never throws; a random valid encounter billed with its own derived
// claim has no claim findings; fix-all removes every claim finding and is then a fixed point.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { formatItem } from "../../server/src/engine/claim-text.js";
import { applyEdits } from "../../server/src/engine/finding.js";
import { CLAIM_RULE_PRIORITY } from "../../server/src/engine/rules.js";
import { parse } from "../../server/src/language/parse.js";

// A fixed seed keeps `npm test` repeatable; FC_SEED=<n> explores others (npm run fuzz runs longer).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261127) });

const CLAIM_RULES = new Set([...CLAIM_RULE_PRIORITY, "modifier-not-needed", "modifier-missing", "drug-units"].filter((r) => r !== "payer-edit" && r !== "unknown-code"));
const claimFindings = (text: string) => analyzeText(text).findings.filter((f) => CLAIM_RULES.has(f.rule) && f.severity !== "info");

const drugs = ["rituximab", "Truxima", "doxorubicin", "vincristine", "oxaliplatin", "leucovorin", "5-FU", "ondansetron", "Benadryl", "Solu-Medrol", "famotidine", "pembrolizumab", "ferric-carboxymaltose", "\"normal saline\"", "magnesium-sulfate", "leuprolide", "denosumab", "bortezomib", "zzzumab"];
// Start times through the evening and past midnight, so lines cross midnight (LANGUAGE.md §3 Time).
const startTime = fc.oneof(fc.integer({ min: 420, max: 1439 }), fc.integer({ min: 0, max: 180 }));
const clock = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

const administration = fc.oneof(
  fc.record({
    verb: fc.constantFrom("push", "infuse", "hydrate", "inject", "pump", "oral"),
    drug: fc.constantFrom(...drugs),
    dose: fc.option(fc.integer({ min: 1, max: 2000 }).map((n) => `${n}mg`), { nil: undefined }),
    time: fc.oneof(
      fc.constant(""),
      fc.integer({ min: 1, max: 300 }).map((n) => `${n}min`),
      fc.tuple(startTime, fc.integer({ min: 1, max: 300 })).map(([s, d]) => `${clock(s)}-${clock(s + d)}`),
      fc.tuple(startTime, fc.integer({ min: 1, max: 60 })).map(([s, d]) => `at ${clock(s)} ${d}min`),
    ),
    extra: fc.constantFrom("", "", "", " site 2", " implanted"),
    // Revision 2: discarded amounts and drugs added to the same bag (LANGUAGE.md §3).
    waste: fc.constantFrom("", "", " waste 0mg", " waste 30mg", " waste 5mg"),
    added: fc.constantFrom("", "", "", " + ondansetron 8mg", " + potassium-chloride 20mEq", " + rituximab 100mg waste 20mg", " + Truxima 200mg", " + zzzumab 5mg"),
  }).map((a) => `${a.verb} ${a.drug}${a.dose ? ` ${a.dose}` : ""}${a.dose && a.verb !== "oral" ? a.waste : ""}${a.verb === "infuse" || a.verb === "hydrate" ? a.added : ""}${a.time ? ` ${a.time}` : ""}${a.verb === "inject" ? " sc" : ""}${a.verb === "pump" || a.verb === "push" || a.verb === "infuse" ? a.extra : ""}`),
  fc.constantFrom("refill pump", "refill implanted pump", "flush port", "draw port", "draw port"),
);

const encounter = fc.record({
  setting: fc.constantFrom("", "setting office", "setting hopd", "setting home", "pos 22"),
  payer: fc.constantFrom("", "payer medicare", "payer ibx"),
  date: fc.constantFrom("", "date 2023-06-01", "date 2026-03-01"),
  body: fc.constantFrom("", "bsa 1.8m2"),
  primary: fc.constantFrom("", "", "primary ondansetron", "primary rituximab", "primary doxorubicin", "primary \"normal saline\"", "primary hydration"),
  visit: fc.constantFrom("", "", "visit 99213", "visit 99211", "visit G0463", "visit 99205"),
  admins: fc.array(administration, { minLength: 1, maxLength: 7 }),
});

const render = (e: { setting: string; payer: string; date: string; body: string; primary: string; visit: string; admins: string[] }) =>
  [e.setting, e.payer, e.date, e.body, e.primary, e.visit, ...e.admins].filter(Boolean).join("\n");

test("parse and analyse never throw on random text", () => {
  const alphabet = fc.constantFrom(..."pushinfuse claim 96413-59 x3, J9000 09:00-13:00 at with site 2 mg min h ; \n\"#@×–é\u0000".split(""));
  fc.assert(
    fc.property(fc.string({ unit: alphabet, maxLength: 200 }), fc.string({ maxLength: 100 }), (a, b) => {
      analyzeText(a);
      analyzeText(b);
      parse(a + b);
    }),
    { numRuns: 400 },
  );
});

test("a random encounter billed with its own derived claim has no claim findings", () => {
  fc.assert(
    fc.property(encounter, (e) => {
      const text = render(e);
      const lines = analyzeText(text).encounters[0].derivation.lines;
      const billed = `${text}\nclaim ${lines.map(formatItem).join(", ")}`;
      assert.deepEqual(claimFindings(billed).map((f) => `${f.rule}: ${f.message}`), [], billed);
    }),
    { numRuns: 300 },
  );
});

test("fix-all removes every claim finding and converges", () => {
  const claimItem = fc.tuple(
    fc.constantFrom("96360", "96361", "96365", "96366", "96367", "96368", "96372", "96374", "96375", "96376", "96401", "96402", "96409", "96411", "96413", "96415", "96416", "96417", "96521", "96523", "G0498", "J9000", "J2930", "J2919", "J1200", "J9312", "J0640", "99213", "99211", "G0463", "36591", "85025", "0591T"),
    fc.constantFrom("", "", "-59", "-XS", "-25"),
    fc.constantFrom("", "", " x2", " x3"),
  ).map(([c, m, u]) => `${c}${m}${u}`);
  fc.assert(
    fc.property(encounter, fc.array(claimItem, { maxLength: 6 }), (e, items) => {
      const text = `${render(e)}\nclaim ${items.join(", ")}`;
      const fix = analyzeText(text).encounters[0].fixAll;
      const fixed = fix ? applyEdits(text, fix.edits) : text;
      assert.deepEqual(claimFindings(fixed).map((f) => `${f.rule}: ${f.message}`), [], `before:\n${text}\nafter:\n${fixed}`);
      assert.equal(analyzeText(fixed).encounters[0].fixAll, undefined, "a second fix-all has nothing to change");
    }),
    { numRuns: 300 },
  );
});
