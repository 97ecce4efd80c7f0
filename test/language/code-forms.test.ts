// codeForm (LANGUAGE.md §3 CODE): the form of a claim code. Laboratory ranges are data: test/data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { codeForm } from "../../server/src/language/code-forms.js";

test("codeForm tells each form apart, in either case", () => {
  const forms = ["96413", "99213", "3074F", "0591T", "0001U", "0002M", "0001A", "J9312", "q5115", "G0463", "9641", "964130", "0591X", "JJ123", "", "96-13"].map((c) => [c, codeForm(c)]);
  assert.deepEqual(forms, [
    ["96413", "cpt"], ["99213", "cpt"], ["3074F", "category-ii"], ["0591T", "category-iii"], ["0001U", "pla"], ["0002M", "maaa"], ["0001A", "vaccine"],
    ["J9312", "hcpcs"], ["q5115", "hcpcs"], ["G0463", "hcpcs"], ["9641", "malformed"], ["964130", "malformed"], ["0591X", "malformed"], ["JJ123", "malformed"], ["", "malformed"], ["96-13", "malformed"],
  ]);
});
