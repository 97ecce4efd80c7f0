// Revision 2 syntax (LANGUAGE.md §3): visit, draw port, + DRUG, waste, litres, code forms,
// primary hydration, and values that mean nothing (the line then contributes nothing).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/language/parse.js";
import { tokenize } from "../../server/src/language/lexer.js";
import { derived } from "../helpers.js";

const names = (text: string) => tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);
/** Each error as [message, the text its range covers]. */
const errors = (text: string) => parse(text).errors.map((e) => [e.message, slice(text, e.span)]);

test("lexer: '+', the new keywords, litres and the four-digit code forms", () => {
  assert.deepEqual(names("infuse a 2g + b 1L waste 0.5 L"), ["Kw_infuse:infuse", "Identifier:a", "Dose:2g", "Plus:+", "Identifier:b", "Dose:1L", "Kw_waste:waste", "Dose:0.5 L"]);
  assert.deepEqual(names("visit 99213; draw port"), ["Kw_visit:visit", "Code:99213", "Semicolon:;", "Kw_draw:draw", "Kw_port:port"]);
  assert.deepEqual(names("claim 0591T, 3074F, 0001U, 0001A, J9312"), ["Kw_claim:claim", "Code:0591T", "Comma:,", "Code:3074F", "Comma:,", "Code:0001U", "Comma:,", "Code:0001A", "Comma:,", "Code:J9312"]);
  // `0002M` reads as minutes to the lexer; the parser takes it as a code where a code is due.
  assert.deepEqual(names("0002M"), ["Duration:0002M"]);
  assert.deepEqual(names("push x 5L5"), ["Kw_push:push", "Identifier:x", "Identifier:5L5"]);
});

test("visit CODE is a statement of its encounter, with spans", () => {
  const text = "encounter A\n  visit 99213\n  push ondansetron 4mg\n  visit g0463";
  const enc = parse(text).encounters[0];
  assert.deepEqual(parse(text).errors, []);
  assert.deepEqual(enc.visits.map((v) => [v.code.value, slice(text, v.code.span), slice(text, v.keywordSpan), slice(text, v.span)]), [
    ["99213", "99213", "visit", "visit 99213"],
    ["G0463", "g0463", "visit", "visit g0463"],
  ]);
  assert.equal(enc.administrations.length, 1);
  assert.equal(slice(text, enc.span), text);
});

test("visit: a missing or malformed code is a syntax error and no visit", () => {
  // At the end of the line the range is empty, just after the last word.
  assert.deepEqual(parse("visit").errors, [{ message: "expected a code such as 96413 but found the end of the line: write visit and the E/M code, e.g. visit 99213", span: { start: 5, end: 5 }, encounter: 0 }]);
  assert.deepEqual(errors("visit office"), [["expected a code such as 96413 but found 'office': write visit and the E/M code, e.g. visit 99213", "office"]]);
  assert.equal(parse("visit 240min").encounters[0].visits.length, 0);
  assert.deepEqual(errors("visit 99213 x2")[0], ["'x2' is not understood here: write visit and the E/M code, e.g. visit 99213", "x2"]);
  assert.deepEqual(errors("setting hopd\nvisit 99213\nencounter A"), [["this visit comes before the first 'encounter' header: move it below a header", "visit 99213"]]);
});

test("draw port is an administration like flush port", () => {
  const text = "draw port 09:00-09:05\nflush port";
  const [draw, flush] = parse(text).encounters[0].administrations;
  assert.deepEqual([draw.verb, slice(text, draw.verbSpan), slice(text, draw.span), draw.range?.start], ["draw", "draw", "draw port 09:00-09:05", 540]);
  assert.equal(flush.verb, "flush");
  assert.deepEqual(errors("draw blood"), [["expected 'port' but found 'blood': write draw port", "blood"]]);
  assert.deepEqual(parse("draw").errors, [{ message: "expected 'port' but found the end of the line: write draw port", span: { start: 4, end: 4 }, encounter: 0 }]);
});

test("+ DRUG [DOSE] [waste DOSE]: additives in the order written, a waste right after a drug is that drug's", () => {
  const text = "infuse magnesium-sulfate 2g waste 1g + potassium-chloride 20mEq waste 5mEq + \"sodium bicarbonate\" 120min";
  const f = parse(text);
  assert.deepEqual(f.errors, []);
  const a = f.encounters[0].administrations[0];
  assert.deepEqual([a.drug?.key, a.dose?.value, a.dose?.unit, a.waste?.value, a.waste?.unit, a.duration?.value], ["magnesium-sulfate", 2, "g", 1, "g", 120]);
  assert.equal(slice(text, a.waste!.span), "1g");
  assert.deepEqual(a.additives!.map((x) => [x.drug.key, x.dose?.value, x.dose?.unit, x.waste?.value, slice(text, x.span)]), [
    ["potassium-chloride", 20, "mEq", 5, "+ potassium-chloride 20mEq waste 5mEq"],
    ["sodium-bicarbonate", undefined, undefined, undefined, '+ "sodium bicarbonate"'],
  ]);
  assert.equal(slice(text, a.span), text);
});

test("a bare waste belongs to the verb's drug, even after an additive's other clauses", () => {
  const a = parse("infuse rituximab 700mg + x 10mg 240min waste 100mg").encounters[0].administrations[0];
  assert.deepEqual([a.waste?.value, a.additives![0].waste], [100, undefined]);
  const b = parse("infuse rituximab waste 100mg 700mg 240min").encounters[0].administrations[0];
  assert.deepEqual([b.drug?.key, b.waste?.value, b.dose?.value], ["rituximab", 100, 700]);
});

test("waste 0mg is a documented zero; no waste clause is no field", () => {
  const [zero, none] = parse("infuse rituximab 700mg waste 0mg 240min\ninfuse rituximab 700mg 240min").encounters[0].administrations;
  assert.deepEqual([zero.waste?.value, zero.waste?.unit], [0, "mg"]);
  assert.equal(none.waste, undefined);
  assert.equal(none.additives, undefined);
});

test("waste and + errors name what was expected; the line contributes nothing", () => {
  assert.deepEqual(parse("infuse rituximab 700mg waste").errors, [{ message: "expected a dose such as 700mg but found the end of the line: after the drug write a dose (700mg), a duration (240min), times (09:00-13:00 or at 09:00), with DRUG, site N, a route (sc, im, intralesional, intrathecal), + DRUG for a second drug in the same bag, or waste DOSE", span: { start: 28, end: 28 }, encounter: 0 }]);
  assert.match(errors("infuse a 2g + 20mEq")[0][0], /^expected a quoted name or a name but found '20mEq'/);
  assert.deepEqual(errors("infuse a 700mg waste 10mg waste 20mg 60min"), [["a waste amount is given twice on this line", "waste 20mg"]]);
  assert.deepEqual(errors("infuse a 700mg waste 10mg/m2 60min"), [["waste 10mg/m2: the discarded amount is an amount of drug (mg, mcg, g, mL, units), not a dose per m2 or kg", "10mg/m2"]]);
  assert.equal(parse("infuse a 700mg waste 10mg waste 20mg 60min").encounters[0].administrations.length, 0);
});

test("litres: 1L, 0.5 L and 1.1 l are millilitres, exactly", () => {
  const text = "hydrate ns 1L 60min\nhydrate ns 0.5 L 60min\nhydrate ns 1.1 l 60min\nhydrate ns 0.0005L 60min";
  const doses = parse(text).encounters[0].administrations.map((a) => [a.dose?.value, a.dose?.unit, slice(text, a.dose!.span)]);
  assert.deepEqual(doses, [[1000, "mL", "1L"], [500, "mL", "0.5 L"], [1100, "mL", "1.1 l"], [0.5, "mL", "0.0005L"]]);
  assert.deepEqual(parse("drug x fluid hcpcs J7050 per 0.25L").drugs[0].per?.value, 250);
});

test("claim items keep every code form as written, upper-cased, with modifiers and units", () => {
  const text = "claim 0591t, 0002M-59 x2, 3074F\n  0003m x3, 99213-25";
  const f = parse(text);
  assert.deepEqual(f.errors, []);
  const items = f.encounters[0].claim!.items;
  assert.deepEqual(items.map((i) => [i.code, i.modifiers.map((m) => m.value), i.units, slice(text, i.codeSpan), slice(text, i.span)]), [
    ["0591T", [], 1, "0591t", "0591t"],
    ["0002M", ["59"], 2, "0002M", "0002M-59 x2"],
    ["3074F", [], 1, "3074F", "3074F"],
    ["0003M", [], 3, "0003m", "0003m x3"],
    ["99213", ["25"], 1, "99213", "99213-25"],
  ]);
});

test("primary hydration is told apart from primary DRUG", () => {
  const f = parse("encounter A\n  primary hydration\nencounter B\n  primary ondansetron\nencounter C\n  primary \"hydration\"");
  assert.deepEqual(f.encounters.map((e) => [e.fields.primary?.hydration, e.fields.primary?.value.key]), [[true, "hydration"], [false, "ondansetron"], [false, "hydration"]]);
});

test("an invalid time is a syntax error and its administration contributes nothing", () => {
  const text = "setting hopd\ninfuse rituximab 700mg 09:00-25:61\npush ondansetron 4mg";
  assert.deepEqual(errors(text), [["'25:61' is not a time of day (00:00 to 23:59)", "25:61"]]);
  assert.deepEqual(parse(text).encounters[0].administrations.map((a) => a.drug?.key), ["ondansetron"]);
  assert.equal(derived(text), "96374, J2405 x4");
  assert.deepEqual(errors("push x at 24:01"), [["'24:01' is not a time of day (00:00 to 23:59)", "24:01"]]);
  assert.deepEqual(errors("infuse x 23:00-24:00"), []);
});

test("an impossible date is a syntax error and selects no code set", () => {
  for (const d of ["0000-00-00", "2026-02-30", "2026-13-01", "0000-01-01"]) {
    const text = `date ${d}\npush methylprednisolone 125mg 5min`;
    assert.deepEqual(errors(text), [[`'${d}' is not a calendar date: expected the date of service as YYYY-MM-DD, e.g. 2026-05-23`, d]]);
    assert.equal(parse(text).defaults.date, undefined);
  }
  // With no date the newest codes apply, as for a file without a date line.
  assert.equal(derived("date 0000-00-00\npush methylprednisolone 125mg 5min"), derived("push methylprednisolone 125mg 5min"));
  assert.deepEqual(errors("date 2024-02-29"), []);
});

test("numbers that overflow are value errors naming what was expected", () => {
  const big = "9".repeat(400);
  assert.deepEqual(errors(`infuse x ${big}min`), [[`'99999999999999999999…' is too long to be a duration: expected at most 43,200 min (30 days)`, `${big}min`]]);
  assert.deepEqual(errors(`infuse x ${big}h`)[0][0], `'99999999999999999999…' is too long to be a duration: expected at most 43,200 min (30 days)`);
  assert.deepEqual(errors(`push x ${big}mg`), [[`'99999999999999999999…' is too large to be a dose: expected an amount up to 1,000,000,000`, `${big}mg`]]);
  assert.deepEqual(errors(`claim 96413 x${big}`), [[`'x9999999999999999999…' is too many units: expected a whole number up to 9,999,999`, `x${big}`]]);
  assert.deepEqual(errors("pump x 43200min; claim J9312 x9999999; push x 1000000000mg"), []);
  assert.equal(parse(`infuse x ${big}min`).encounters[0].administrations.length, 0);
});

test("a line with a value error is dropped whole, its neighbours stay", () => {
  const text = "encounter A\n  setting clinic\n  push ondansetron 4mg site 0\n  push famotidine 20mg\n  claim 96374";
  const f = parse(text);
  assert.deepEqual(f.errors.map((e) => slice(text, e.span)), ["clinic", "0"]);
  assert.equal(f.encounters[0].fields.setting, undefined);
  assert.deepEqual(f.encounters[0].administrations.map((a) => a.drug?.key), ["famotidine"]);
  assert.equal(f.encounters[0].claim?.items.length, 1);
});

test("the new forms never make parse throw", () => {
  for (const t of ["+", "+ + +", "infuse + ", "waste", "visit", "visit visit", "draw", "draw port +", "claim 0001M-", "0002M x", "primary", "infuse a waste 0mg + b waste", "+ x 5L"]) {
    assert.doesNotThrow(() => parse(t), t);
  }
});
