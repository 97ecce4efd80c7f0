// The revision-2 words in the editor: semantic tokens and completion (service layer, no protocol).
import { test } from "node:test";
import assert from "node:assert/strict";
import { complete } from "../../server/src/service/completion.js";
import { DocumentModel } from "../../server/src/service/document-model.js";
import { semanticTokens, TOKEN_TYPES } from "../../server/src/service/semantic-tokens.js";
import { formatText } from "../../server/src/service/format.js";

const tokens = (text: string) => semanticTokens(text).map((t) => `${text.slice(t.start, t.start + t.length)}:${TOKEN_TYPES[t.type]}`);
const labels = (text: string) => complete(new DocumentModel({ fileName: "t" }).update(text), text.length).map((c) => c.label);

test("semantic tokens: visit, draw, waste, '+' and its drug, codes in every form", () => {
  assert.deepEqual(tokens("visit 99213\ndraw port\ninfuse a 2g + b 20mEq waste 1L\nclaim 0591T, 0002M x2\n0003M"), [
    "visit:keyword", "99213:enumMember",
    "draw:function", "port:keyword",
    "infuse:function", "a:variable", "2g:number", "+:operator", "b:variable", "20mEq:number", "waste:keyword", "1L:number",
    "claim:keyword", "0591T:enumMember", ",:operator", "0002M:enumMember", "x2:number",
    "0003M:enumMember",
  ]);
  assert.deepEqual(tokens("pump x 2760m"), ["pump:function", "x:variable", "2760m:number"]);
});

test("completion: new statement words, port, clauses, units, hydration, modifiers", () => {
  const start = labels("");
  for (const w of ["visit", "draw", "push", "claim"]) assert.ok(start.includes(w), w);
  assert.deepEqual(labels("draw "), ["port"]);
  assert.deepEqual(labels("infuse rituximab 700mg "), ["with", "at", "site", "waste", "+"]);
  assert.deepEqual(labels("infuse rituximab 700mg waste 50"), ["50mg", "50mcg", "50g", "50mL", "50L", "50mEq", "50units", "50mg/m2", "50mg/kg", "50min", "50h"]);
  assert.ok(labels("infuse magnesium-sulfate 2g + ").includes("\"potassium chloride\""));
  assert.equal(labels("primary ")[0], "hydration");
  const mods = labels("claim 96413-");
  for (const m of ["25", "59", "XS", "JW", "JZ", "JG", "TB", "GA", "GY", "GZ", "KX", "76", "77"]) assert.ok(mods.includes(m), m);
  assert.ok(labels("visit ").includes("96413"));
});

test("formatting aligns claim continuation lines in the new code forms", () => {
  assert.equal(formatText("encounter A\n  claim 96413,\n0591T\n3074F x2"), "encounter A\n  claim 96413,\n        0591T\n        3074F x2");
});
