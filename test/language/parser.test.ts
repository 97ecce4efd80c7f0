import { test } from "node:test";
import assert from "node:assert/strict";
import { parse, parseStatements } from "../../server/src/language/parse.js";
import type { Administration } from "../../server/src/language/ast.js";
import { tokenize } from "../../server/src/language/lexer.js";

const names = (text: string) => tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

test("lexer keeps drug names, codes, doses, durations and times whole", () => {
  assert.deepEqual(names("push 5-FU 400mg 4min"), ["Kw_push:push", "Identifier:5-FU", "Dose:400mg", "Duration:4min"]);
  assert.deepEqual(names("claim 96413-59, J9000 x6, 96415 ×3"), [
    "Kw_claim:claim", "Code:96413", "Dash:-", "NumberLit:59", "Comma:,", "Code:J9000", "Units:x6", "Comma:,", "Code:96415", "Units:×3",
  ]);
  assert.deepEqual(names("infuse x 09:00-13:00 1h30min 375 mg/m2"), ["Kw_infuse:infuse", "Identifier:x", "Time:09:00", "Dash:-", "Time:13:00", "Duration:1h30min", "Dose:375 mg/m2"]);
  assert.deepEqual(names("bsa 1.8 m2; weight 70kg; date 2026-05-23"), ["Kw_bsa:bsa", "Area:1.8 m2", "Semicolon:;", "Kw_weight:weight", "Mass:70kg", "Semicolon:;", "Kw_date:date", "DateLit:2026-05-23"]);
  assert.deepEqual(names("refill implanted pump"), ["Kw_refill:refill", "Kw_implanted:implanted", "Kw_pump:pump"]);
  assert.deepEqual(names("PUSH Pumpkin"), ["Kw_push:PUSH", "Identifier:Pumpkin"]);
});

test("a one-line file with ';' is a whole valid file", () => {
  const f = parse("push doxorubicin 5min; infuse rituximab 240min", { fileName: "one-line" });
  assert.equal(f.errors.length, 0);
  assert.equal(f.encounters.length, 1);
  assert.equal(f.encounters[0].name, "one-line");
  assert.equal(f.encounters[0].implicit, true);
  assert.deepEqual(f.encounters[0].administrations.map((a) => [a.verb, a.drug?.key, a.duration?.value]), [["push", "doxorubicin", 5], ["infuse", "rituximab", 240]]);
});

test("headers, inline fields, file-wide defaults and drug declarations", () => {
  const f = parse(`setting hopd
payer medicare
drug mitomycin chemo hcpcs J9280 per 5mg
encounter "Day 1" date 2026-05-01 bsa 1.8m2
  push mitomycin 10mg
encounter Day 2 setting office
  weight 70kg
  primary "normal saline"
`);
  assert.deepEqual(f.errors, []);
  assert.equal(f.defaults.setting?.value, "hopd");
  assert.equal(f.defaults.payer?.value, "medicare");
  assert.deepEqual(f.encounters.map((e) => e.name), ["Day 1", "Day 2"]);
  assert.equal(f.encounters[0].fields.date?.value, "2026-05-01");
  assert.equal(f.encounters[0].fields.bsa?.value, 1.8);
  assert.equal(f.encounters[1].fields.setting?.value, "office");
  assert.equal(f.encounters[1].fields.weight?.value, 70);
  assert.equal(f.encounters[1].fields.primary?.value.key, "normal-saline");
  assert.equal(f.drugs[0].name.text, "mitomycin");
  assert.equal(f.drugs[0].drugClass.value, "chemo");
  assert.equal(f.drugs[0].hcpcs?.value, "J9280");
  assert.deepEqual([f.drugs[0].per?.value, f.drugs[0].per?.unit], [5, "mg"]);
});

test("claim items on the claim line and on following lines, with modifiers and units", () => {
  const text = `push ondansetron 8mg
claim 96374-59 x1,
  96375 x 2, J2405-JW
  J1200
# a comment between claim lines
  J9000`;
  const f = parse(text);
  assert.deepEqual(f.errors, []);
  const items = f.encounters[0].claim!.items;
  assert.deepEqual(items.map((i) => [i.code, i.modifiers.map((m) => m.value), i.units]), [
    ["96374", ["59"], 1], ["96375", [], 2], ["J2405", ["JW"], 1], ["J1200", [], 1], ["J9000", [], 1],
  ]);
  assert.equal(text.slice(items[1].span.start, items[1].span.end), "96375 x 2");
});

test("times, past midnight, at + duration, routes, sites", () => {
  const f = parse(`hydrate "normal saline" 1000mL 23:30-01:00
push ondansetron at 09:05 5min site 2
inject denosumab 120mg subcutaneous
infuse oxaliplatin 85mg 120min with leucovorin`);
  const [h, p, i, o] = f.encounters[0].administrations;
  assert.deepEqual([h.range?.start, h.range?.end], [1410, 1500]);
  assert.deepEqual([p.at?.value, p.duration?.value, p.site?.value], [545, 5, 2]);
  assert.equal(i.route?.value, "sc");
  assert.equal(o.with?.key, "leucovorin");
});

test("drug names: multi-word, quoted, case, hyphen, underscore and space are the same", () => {
  const f = parse(`infuse ferric carboxymaltose 750mg 15min
push "Normal Saline"
push normal_saline
push NORMAL-saline`);
  assert.deepEqual(f.encounters[0].administrations.map((a) => a.drug?.key), ["ferric-carboxymaltose", "normal-saline", "normal-saline", "normal-saline"]);
});

test("recovery: every bad line is reported and the good lines around it still parse", () => {
  const text = `encounter A
  pushh doxorubicin 5min
  infuse rituximab 700mg 240minn
  push vincristine 2mg
  claim 96413 96411
encounter B
  push ondansetron 4mg
  claim 96374`;
  const f = parse(text);
  assert.equal(f.errors.length, 3);
  const [verb, duration, claim] = f.errors;
  assert.match(verb.message, /'pushh' does not start a statement: did you mean 'push'\?/);
  assert.equal(text.slice(verb.span.start, verb.span.end), "pushh");
  assert.match(duration.message, /'240minn' is not understood here: after the drug write a dose/);
  assert.match(claim.message, /claim items are codes separated by commas/);
  assert.deepEqual(f.encounters[0].administrations.map((a) => a.drug?.key), ["vincristine"]);
  assert.equal(f.encounters[0].syntaxErrors.length, 3);
  assert.equal(f.encounters[1].syntaxErrors.length, 0);
  assert.equal(f.encounters[1].claim?.items[0].code, "96374");
});

test("values that parse but mean nothing are reported with what was expected", () => {
  const messages = (t: string) => parse(t).errors.map((e) => e.message);
  assert.match(messages("setting clinic")[0], /unknown setting 'clinic': write office .*hopd .*home/);
  assert.match(messages("pos 21")[0], /place of service 21/);
  assert.match(messages("date 2026-02-30")[0], /not a calendar date/);
  assert.match(messages("push x at 25:10")[0], /not a time of day/);
  assert.match(messages('push "unterminated')[0], /no closing quote/);
  assert.match(messages("drug foo chemotherapy")[0], /unknown drug class 'chemotherapy'/);
  assert.match(messages("push x @ 5min")[0], /unexpected character '@'/);
  assert.match(messages("encounter A\n  claim 96413\n  claim 96415")[0], /already has a claim/);
  assert.match(messages("96413")[0], /no 'claim' line just above/);
  assert.match(messages("setting hopd\nencounter A\npush x\nencounter B\n")[0] ?? "none", /none/);
  assert.match(messages("push x\nencounter A")[0], /before the first 'encounter' header/);
});

test("positions are offsets into the file, end exclusive", () => {
  const text = "encounter A\n  push ondansetron 8mg 3min\n  claim 96374 x2";
  const f = parse(text);
  const a = f.encounters[0].administrations[0];
  assert.equal(text.slice(a.span.start, a.span.end), "push ondansetron 8mg 3min");
  assert.equal(text.slice(a.drug!.span.start, a.drug!.span.end), "ondansetron");
  const item = f.encounters[0].claim!.items[0];
  assert.equal(text.slice(item.span.start, item.span.end), "96374 x2");
  assert.equal(text.slice(f.encounters[0].span.start, f.encounters[0].span.end), text);
});

test("parse never throws on hostile input", () => {
  for (const t of ["\u0000\u0001\uffff", "\"".repeat(1000), "x".repeat(100000), "claim ,,,,", "encounter\n".repeat(50), "96413-", "push 5-", "\r\r\n;;;"]) {
    assert.doesNotThrow(() => parse(t));
  }
});

test("a line shorter than the line before it ends where it ends (the lexer reuses token objects from line to line)", () => {
  const alone = parseStatements("claim 96413-").errors.map((e) => e.message);
  assert.deepEqual(parseStatements("payer blue cross shield mutual\nclaim 96413-").errors.map((e) => e.message), alone);
  assert.match(alone[0], /^expected .* but found the end of the line/);
  const [long, short] = parseStatements("push rituximab 5mg 10min 09:00\npush rituximab; infuse").statements as Administration[];
  assert.deepEqual([long.dose?.value, long.duration?.value, long.at?.value], [5, 10, 540]);
  assert.deepEqual([short.drug?.key, short.drug?.span, short.dose, short.duration, short.at], ["rituximab", { start: 36, end: 45 }, undefined, undefined, undefined]);
});
