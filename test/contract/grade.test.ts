// Grading for educators: one folder per student, files found by name, partial credit per
// encounter (documentation, each claim line), totals per student, text, markdown and json; a
// claim that does not parse is said as such. And `key` on one file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = process.cwd();
const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [join(ROOT, "out/cli.cjs"), ...args], { cwd, encoding: "utf8" });
const EXERCISE = readFileSync("exercises/03-hydration.encounter", "utf8");
const answer = (claim: string) => `${EXERCISE.trimEnd()}\n  ${claim}\n`;

/** A key of the three exercises and a class: ann (all right), ben (files in a subfolder, one wrong line), cy (a comma missing, one file missing). */
function classroom(): { dir: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), "encounter-grade-"));
  const key = join(dir, "key.json");
  assert.equal(cli(["key", "exercises", "--format", "json", "-o", key]).status, 0);
  const put = (student: string, file: string, text: string) => {
    mkdirSync(join(dir, "class", student, file, ".."), { recursive: true });
    writeFileSync(join(dir, "class", student, file), text);
  };
  for (const f of ["01-rchop.encounter", "02-folfox.encounter"]) {
    const solved = readFileSync(`test/explain/fixtures/${f}`, "utf8").replace("96367", "96368");
    put("ann", f, solved);
    put("ben", `week1/${f}`, solved);
    put("cy", f, solved);
  }
  put("ann", "03-hydration.encounter", answer("claim 96374, 96361 x2"));
  put("ben", "week1/03-hydration.encounter", answer("claim 96374, 96361 x3, 96375"));
  return { dir, key };
}

test("grade: a folder per student, files by name, partial credit per claim line, totals per student", () => {
  const { dir, key } = classroom();
  const r = cli(["grade", "--key", key, join(dir, "class")]);
  assert.equal(r.status, 1, r.stderr);
  const out = r.stdout;
  assert.match(out, /^ann: 13\/13 \(100%\)\n  01-rchop\.encounter: 4\/4\n  02-folfox\.encounter: 6\/6\n  03-hydration\.encounter: 3\/3\n/);
  // ben: 96361 x3 is not the answer's 96361 x2 (missing one line, one line too many), and 96375 is not in the answer.
  assert.match(out, /\nben: 11\/13 \(85%\)\n[\s\S]*  03-hydration\.encounter: 1\/3\n    'Steroid and fluids': 1\/3; missing 96361 x2; not in the answer 96361 x3, 96375; findings: [a-z, -]+\n/);
  assert.match(out, /\ncy: 10\/13 \(77%\)\n[\s\S]*  03-hydration\.encounter: 0\/3\n    'Steroid and fluids': 0\/3; file missing; missing 96374, 96361 x2\n/);
  assert.match(out, /\nFindings per rule:\n/);
});

test("grade: a missing comma is 'the claim line does not parse', not 'no claim'", () => {
  const { dir, key } = classroom();
  writeFileSync(join(dir, "class/cy/03-hydration.encounter"), answer("claim 96374 96361 x2"));
  const out = cli(["grade", "--key", key, join(dir, "class/cy")]).stdout;
  assert.match(out, /'Steroid and fluids': 1\/3; the claim line does not parse; line 6 does not parse: '96361' is not understood here[^\n]*; missing 96374, 96361 x2/);
  assert.doesNotMatch(out, /no claim/);
});

test("grade --format json and markdown carry the same scores", () => {
  const { dir, key } = classroom();
  const json = JSON.parse(cli(["grade", "--key", key, "--format", "json", join(dir, "class")]).stdout);
  assert.deepEqual(json.students.map((s: { student: string; points: number; max: number }) => [s.student, s.points, s.max]), [["ann", 13, 13], ["ben", 11, 13], ["cy", 10, 13]]);
  const hydration = json.students[1].files[2].encounters[0];
  assert.deepEqual([hydration.documentation, hydration.missing, hydration.extra], [true, ["96361 x2"], ["96361 x3", "96375"]]);
  const md = cli(["grade", "--key", key, "--format", "markdown", join(dir, "class")]).stdout;
  assert.match(md, /^# Grades\n\n\| student \| score \|\n\|---\|---\|\n\| ann \| 13\/13 \(100%\) \|\n\| ben \| 11\/13 \(85%\) \|\n\| cy \| 10\/13 \(77%\) \|\n/);
  assert.match(md, /\| 03-hydration\.encounter \| Steroid and fluids \| 1\/3 \| missing 96361 x2; not in the answer 96361 x3, 96375; findings: [^|]+\|/);
  assert.equal(cli(["grade", "--key", key, "--format", "pdf", join(dir, "class")]).status, 2);
});

test("key on a single file has the file's name as its heading", () => {
  const md = cli(["key", "exercises/01-rchop.encounter"]).stdout;
  assert.match(md, /^# Answer key\n\n## 01-rchop\.encounter\n\n### R-CHOP day 1\n/);
  const json = JSON.parse(cli(["key", "--format", "json", "exercises/01-rchop.encounter"]).stdout);
  assert.equal(json.exercises[0].file, "01-rchop.encounter");
});

test("key and grade read the exercises' configuration, as lint does (its drug tables here)", () => {
  const dir = mkdtempSync(join(tmpdir(), "encounter-grade-config-"));
  mkdirSync(join(dir, "exercises"));
  mkdirSync(join(dir, "class/ann"), { recursive: true });
  const chart = 'encounter "Mitomycin"\n  setting office\n  push Mutamycin 20mg\n';
  writeFileSync(join(dir, "exercises/mito.encounter"), chart);
  writeFileSync(join(dir, "class/ann/mito.encounter"), `${chart}  claim 96409, J9280 x4\n`);
  const keyOf = () => JSON.parse(cli(["key", "exercises", "--format", "json"], dir).stdout).exercises[0].encounters[0].claim;
  assert.deepEqual(keyOf(), ["96374"], "without the drug table, Mutamycin is an unknown, non-chemo drug");
  writeFileSync(join(dir, "encounter-lint.config.json"), JSON.stringify({ drugs: ["drugs.json"] }));
  writeFileSync(join(dir, "drugs.json"), JSON.stringify([{ name: "mitomycin", aliases: ["Mutamycin"], class: "chemo", codes: [{ code: "J9280", unit: { amount: 5, unit: "mg" } }], source: "HCPCS J9280 per 5 mg" }]));
  assert.deepEqual(keyOf(), ["96409", "J9280 x4"]);
  assert.equal(cli(["key", "exercises", "--format", "json", "-o", "key.json"], dir).status, 0);
  const graded = cli(["grade", "--key", "key.json", "--format", "json", "class"], dir);
  assert.equal(graded.status, 0, graded.stdout + graded.stderr);
  const ann = JSON.parse(graded.stdout).students[0];
  assert.equal(ann.points, ann.max);
  assert.deepEqual(ann.files[0].encounters[0].findings, [], "the student's chart is read with the same drug table");
});
