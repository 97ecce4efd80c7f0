// One grader for the CLI's `grade` and the playground: an encounter the CLI gives full marks is
// "coded right" in the playground, and one it does not is a note there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gradeFile, keyOf, scoreAnswer } from "../../server/src/engine/grade.js";

const options = { fileName: "ex" };
/** Full marks in the CLI's grade, encounter by encounter, and the playground's score for the same answer. */
function bothGraders(exercise: string, answer: string) {
  const key = keyOf(exercise, options);
  const cli = gradeFile({ file: "ex.encounter", encounters: key }, "ex.encounter", answer, options);
  return { full: cli.encounters.filter((e) => e.points === e.max).length, playground: scoreAnswer(key, answer, options) };
}

test("the playground scores an encounter right exactly when grade gives it full marks", () => {
  const hydration = readFileSync("exercises/03-hydration.encounter", "utf8");
  // An unknown drug is a warning on the chart, not on the claim: the claim is still the answer.
  const unknown = 'encounter "Ceftriaxone"\n  setting office\n  infuse ceftriaxone 1g 09:00-09:40\n';
  for (const [exercise, answer] of [
    [hydration, `${hydration.trimEnd()}\n  claim 96374, 96361 x2\n`],
    [hydration, `${hydration.trimEnd()}\n  claim 96374, 96360\n`],
    [hydration, `${hydration.trimEnd()}\n  claim 96374, 96361 x2, J2919 x25, J7030\n`],
    [unknown, `${unknown}  claim 96365\n`],
    [unknown, `${unknown}  claim 96374\n`],
  ]) {
    const { full, playground } = bothGraders(exercise, answer);
    assert.equal(playground.score, full, answer);
    assert.equal(playground.notes.length, playground.total - playground.score, answer);
  }
});

test("the playground's note for an encounter short of full marks: its findings, the answer and the claim given", () => {
  const hydration = readFileSync("exercises/03-hydration.encounter", "utf8");
  const { playground } = bothGraders(hydration, `${hydration.trimEnd()}\n  claim 96374, 96360\n`);
  assert.match(playground.notes[0], /^'Steroid and fluids': [a-z-]+(, [a-z-]+)* \(answer: 96374, 96361 x2, J2919 x25, J7030; given: 96374, 96360\)$/);
  assert.deepEqual(bothGraders(hydration, hydration).playground.notes, ["'Steroid and fluids': no claim"]);
});
