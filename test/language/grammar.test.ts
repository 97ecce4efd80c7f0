// The hand-written statement reader (parser.ts) and the chevrotain grammar that words its syntax
// errors (grammar.ts) accept exactly the same lines: a line the reader cannot read always gets a
// syntax message, and the grammar never rejects a line the reader read. Lines of random words
// and lines made from the grammar's own forms (about half of them valid). Fixed seed; FUZZ_RUNS
// scales it. The parse snapshot pins the trees and messages themselves.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { tokenize } from "../../server/src/language/lexer.js";
import { entryFor, readsWhole } from "../../server/src/language/parser.js";
import { syntaxErrors } from "../../server/src/language/grammar.js";
import { parseStatements } from "../../server/src/language/parse.js";
import { RUNS, SEED } from "../fuzz/inputs.js";

const pick = <X>(...xs: X[]) => fc.constantFrom(...xs);
const WORDS = [
  "encounter", "setting", "pos", "payer", "bsa", "weight", "date", "primary", "push", "infuse", "hydrate", "inject", "pump", "refill", "flush", "oral", "claim",
  "drug", "hcpcs", "per", "at", "with", "site", "implanted", "port", "draw", "visit", "waste", "sc", "im", "subq", "intrathecal", '"quoted name"', '"open',
  "rituximab", "hydration", "office", "foo", "chemo", "xs", "59", "11", "1.5", "2026-05-23", "09:00", "25:00", "1.8m2", "70kg", "700mg", "375mg/m2", "1L",
  "240min", "1h30min", "0002M", "96413", "J9312", "0591T", "x3", "×2", "-", ",", "+",
];
const randomLine = fc.array(pick(...WORDS), { minLength: 1, maxLength: 9 }).map((ws) => ws.join(" "));

const drug = pick("rituximab", '"normal saline"', "a b c", "hydration", "5-FU");
const dose = pick("700mg", "375 mg/m2", "1L", "0.3 l", "99999999999mg");
const clause = fc.oneof(
  dose,
  pick("240min", "1h30min", "09:00", "9:05-13:00", "25:00", "at 09:00", "site 2", "site 0", "sc", "intrathecal", "implanted", "waste 5mg", "waste"),
  fc.tuple(drug, fc.option(dose), fc.option(pick("waste 2mg", "waste 2mg/kg"))).map(([d, o, w]) => ["+", d, o ?? "", w ?? ""].join(" ")),
  drug.map((d) => `with ${d}`),
);
const verbs = pick("push", "infuse", "hydrate", "inject", "pump", "oral", "refill pump", "refill implanted pump", "flush port", "draw port", "refill");
const administration = fc.tuple(verbs, fc.option(drug), fc.array(clause, { maxLength: 5 })).map(([v, d, cs]) => [v, d ?? "", ...cs].join(" "));
const item = fc
  .tuple(pick("96413", "J9312", "0002M", "g0463"), fc.array(pick("-59", "-xs", "-at", "-123", "-x", "-"), { maxLength: 3 }), fc.option(pick("x3", "x0", "× 2")))
  .map(([c, m, u]) => `${c}${m.join("")} ${u ?? ""}`);
const claim = fc.tuple(pick("claim", ""), fc.array(item, { maxLength: 4 }), pick("", ",", " ,,")).map(([k, is, tail]) => `${k} ${is.join(", ")}${tail}`);
const field = pick("setting hopd", "setting mars", "setting", "pos 11", "pos x", "payer medicare", 'payer "blue cross"', "bsa 1.8m2", "bsa 1.8", "weight 70kg", "date 2026-02-30", "primary hydration", "primary");
const header = fc.tuple(pick("encounter", 'encounter "Day 1"', "encounter Day 2 2026-01-01 96413", 'encounter "A" B'), fc.array(field, { maxLength: 3 })).map(([h, fs]) => [h, ...fs].join(" "));
const other = pick("drug mitomycin chemo hcpcs J9280 per 5mg", 'drug "x y" fluid', "drug foo", "drug foo chemo hcpcs", "drug foo chemo hcpcs J9280 per", "visit 99213", "visit 0002m", "visit x", "visit");
const formedLine = fc.oneof(administration, claim, field, header, other);

/** The reader reads the line whole exactly when the grammar finds no syntax error in it. */
function agree(text: string) {
  const tokens = tokenize(text).tokens;
  const rule = tokens.length ? entryFor(tokens[0]) : undefined;
  if (!rule) return;
  assert.equal(readsWhole(tokens), syntaxErrors(tokens, rule).length === 0, text);
}

test("the reader and the grammar accept the same random lines", () => {
  fc.assert(fc.property(randomLine, agree), { seed: SEED, numRuns: RUNS ?? 3000 });
});

test("the reader and the grammar accept the same lines made from the grammar's forms", () => {
  fc.assert(fc.property(formedLine, agree), { seed: SEED, numRuns: RUNS ?? 3000 });
});

test("a line the reader cannot read gets the grammar's message, after which its values' problems follow", () => {
  const messages = (text: string) => parseStatements(text).errors.map((e) => e.message);
  assert.deepEqual(messages("setting mars venus"), [
    "'venus' is not understood here: write setting office, setting hopd or setting home",
    "unknown setting 'mars': write office (POS 11), hopd (hospital outpatient, POS 19/22) or home (POS 12)",
  ]);
  assert.deepEqual(messages("push x 25:00 site"), [
    "expected a number but found the end of the line: after the drug write a dose (700mg), a duration (240min), times (09:00-13:00 or at 09:00), with DRUG, site N, a route (sc, im, intralesional, intrathecal), + DRUG for a second drug in the same bag, or waste DOSE",
    "'25:00' is not a time of day (00:00 to 23:59)",
  ]);
});
