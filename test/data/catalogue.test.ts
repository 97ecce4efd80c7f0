// The lookups the engine calls over the reference data: products and their codes, wrong-product
// codes, containers, OPPS status, E/M and laboratory codes, modifiers and payer rules.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PAYERS } from "../../server/src/data/payers/index.js";
import {
  BUILTIN_DRUGS, containerOf, emBundling, isEmCode, isKnownModifier, isLabCode, isNcciModifier, modifierValidOn,
  moleculeOf, oppsStatus, otherCode, wasteRequirement, wrongProductCode,
} from "../../server/src/engine/catalogue.js";
import { normalizeName } from "../../server/src/language/names.js";
import { derived } from "../helpers.js";

const drug = (name: string) => BUILTIN_DRUGS.byName(normalizeName(name))!;
const codes = (name: string, date?: string) => BUILTIN_DRUGS.product(normalizeName(name), date)!.codes.map((c) => c.code);
const medicare = PAYERS.find((p) => p.id === "medicare")!;
const ibx = PAYERS.find((p) => p.id === "ibx")!;

test("a documented name resolves to its product's own codes; the generic means the reference product", () => {
  assert.deepEqual(codes("Truxima"), ["Q5115"]);
  assert.deepEqual(codes("rituximab-abbs"), ["Q5115"]);
  assert.deepEqual(codes("RUXIENCE"), ["Q5119"]);
  assert.deepEqual(codes("rituximab"), ["J9312"]);
  assert.deepEqual(codes("Rituxan"), ["J9312"]);
  assert.deepEqual(codes("ziextenzo"), ["Q5120"]);
  assert.equal(drug("Truxima").class, "chemo");
  assert.equal(drug("Udenyca").class, "therapeutic");
  assert.equal(moleculeOf(drug("Truxima")), moleculeOf(drug("Rituxan")));
});

test("a generic of a per-product drug takes the NOS code; a product's name takes its own", () => {
  assert.deepEqual(codes("cyclophosphamide", "2025-06-01"), ["J9075"]);
  assert.deepEqual(codes("cyclophosphamide", "2023-06-01"), ["J9070"]);
  assert.deepEqual(codes("Frindovyx", "2025-06-01"), ["J9072"]);
  assert.deepEqual(codes("Frindovyx", "2023-06-01"), [], "J9072 starts 2024-01-01");
  assert.deepEqual(codes("Riabni", "2021-06-30"), [], "Q5123 starts 2021-07-01");
  assert.deepEqual(codes("Riabni", "2021-07-01"), ["Q5123"]);
});

test("a claimed code tells which product it bills", () => {
  assert.equal(BUILTIN_DRUGS.productOfCode("Q5115")?.name, "Truxima");
  assert.equal(BUILTIN_DRUGS.productOfCode("J9312")?.name, "rituximab");
  assert.equal(BUILTIN_DRUGS.productOfCode("J9071")?.name, "cyclophosphamide");
  assert.equal(BUILTIN_DRUGS.productOfCode("99213"), undefined);
});

test("wrong-product-code: another product of the same molecule, and only that", () => {
  assert.equal(wrongProductCode(BUILTIN_DRUGS, drug("Truxima"), "J9312")?.drug.name, "rituximab");
  assert.equal(wrongProductCode(BUILTIN_DRUGS, drug("Truxima"), "Q5119")?.drug.name, "Ruxience");
  assert.equal(wrongProductCode(BUILTIN_DRUGS, drug("rituximab"), "Q5115")?.drug.name, "Truxima");
  assert.equal(wrongProductCode(BUILTIN_DRUGS, drug("Frindovyx"), "J9075")?.drug.name, "cyclophosphamide");
  assert.equal(wrongProductCode(BUILTIN_DRUGS, drug("Truxima"), "Q5115"), undefined, "its own code");
  assert.equal(wrongProductCode(BUILTIN_DRUGS, drug("cyclophosphamide"), "J9071"), undefined, "a manufacturer code of the generic itself");
  assert.equal(wrongProductCode(BUILTIN_DRUGS, drug("Truxima"), "J9035"), undefined, "another molecule");
  assert.equal(wrongProductCode(BUILTIN_DRUGS, drug("Truxima"), "96413"), undefined, "not a drug code");
});

test("the engine derives a product's own line: Truxima 700 mg is Q5115 x70, rituximab 700 mg J9312 x70", () => {
  assert.match(derived("setting hopd\ninfuse Truxima 700mg 240min\n"), /Q5115 x70/);
  assert.doesNotMatch(derived("setting hopd\ninfuse Truxima 700mg 240min\n"), /J9312/);
  assert.match(derived("setting hopd\ninfuse rituximab 700mg 240min\n"), /J9312 x70/);
  assert.match(derived("setting hopd\ninfuse rituximab-abbs 700mg 240min\n"), /^96413, 96415 x3, Q5115 x70$/);
});

test("containers are per product code; unsourced codes have none", () => {
  assert.equal(containerOf("Q5115")?.kind, "single");
  assert.equal(containerOf("Q5117")?.kind, "mixed");
  assert.equal(containerOf("Q5111")?.kind, "single");
  assert.equal(containerOf("Q5118"), undefined);
  assert.equal(containerOf("96413"), undefined);
});

test("OPPS status indicators of administration, drug, visit and port-draw codes (April 2026)", () => {
  assert.equal(oppsStatus("96413"), "S");
  assert.equal(oppsStatus("96372"), "Q1");
  assert.equal(oppsStatus("96376"), "N");
  assert.equal(oppsStatus("J9312"), "K");
  assert.equal(oppsStatus("J9072"), "G");
  assert.equal(oppsStatus("J2405"), "N");
  assert.equal(oppsStatus("G0463"), "J2");
  assert.equal(oppsStatus("99213"), "B");
  assert.equal(oppsStatus("36591"), "Q1");
  assert.equal(oppsStatus("85025"), undefined);
});

test("E/M visits are a family of their own; laboratory ranges include PLA codes", () => {
  for (const c of ["99202", "99205", "99211", "99215", "G0463"]) assert.ok(isEmCode(c), c);
  for (const c of ["99201", "99216", "36591", "96413"]) assert.ok(!isEmCode(c), c);
  assert.equal(otherCode("36591")?.family, "port-draw");
  for (const c of ["80047", "85025", "89398", "0001U", "0999U"]) assert.ok(isLabCode(c), c);
  for (const c of ["80046", "89399", "96413", "36591", "0001T", "J9312", "0591T", "0000U", "1000U", "0001M", "8504"]) assert.ok(!isLabCode(c), c);
});

test("modifiers: known, NCCI-associated, and JZ not before 2023", () => {
  for (const m of ["25", "59", "XS", "JW", "jz", "KX", "TB"]) assert.ok(isKnownModifier(m), m);
  assert.ok(!isKnownModifier("ZZ"));
  assert.ok(isNcciModifier("XU") && isNcciModifier("25") && !isNcciModifier("JW") && !isNcciModifier("76"));
  assert.ok(!modifierValidOn("JZ", "2022-12-31"));
  assert.ok(modifierValidOn("JZ", "2023-01-01"));
  assert.ok(modifierValidOn("JZ", undefined));
  assert.ok(modifierValidOn("25", "2001-01-01"));
});

test("Medicare waste modifiers: JW from 2017, JZ from July 2023, office and hopd, hopd only when separately paid", () => {
  assert.deepEqual(pick(wasteRequirement(medicare, "office", "2024-05-01", "K")), { jw: true, jz: true });
  assert.deepEqual(pick(wasteRequirement(medicare, "office", "2023-06-30", "K")), { jw: true, jz: false });
  assert.deepEqual(pick(wasteRequirement(medicare, "office", "2023-07-01", "K")), { jw: true, jz: true });
  assert.equal(wasteRequirement(medicare, "office", "2016-12-31", "K"), undefined);
  assert.deepEqual(pick(wasteRequirement(medicare, undefined, undefined, undefined)), { jw: true, jz: true }, "no setting, no date: office, newest rules");
  assert.deepEqual(pick(wasteRequirement(medicare, "hopd", "2024-05-01", "G")), { jw: true, jz: true });
  assert.equal(wasteRequirement(medicare, "hopd", "2024-05-01", "N"), undefined, "packaged drug");
  assert.equal(wasteRequirement(medicare, "home", "2024-05-01", "K"), undefined);
  assert.equal(wasteRequirement(ibx, "office", "2024-05-01", "K"), undefined);
  assert.equal(wasteRequirement(undefined, "office", "2024-05-01", "K"), undefined);
  assert.match(wasteRequirement(medicare, "office", "2024-05-01", "K")!.source, /MM13056/);
});

test("99211 is bundled with drug administration for Medicare in an office only", () => {
  assert.match(emBundling(medicare, "office", "99211")?.source ?? "", /CR 3631/);
  assert.ok(emBundling(medicare, undefined, "99211"));
  assert.equal(emBundling(medicare, "hopd", "99211"), undefined);
  assert.equal(emBundling(medicare, "office", "99213"), undefined);
  assert.equal(emBundling(ibx, "office", "99211"), undefined);
});

const pick = (r: { jw: boolean; jz: boolean } | undefined) => r && { jw: r.jw, jz: r.jz };
