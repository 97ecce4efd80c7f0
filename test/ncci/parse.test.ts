// Reading the CMS layouts (SYNTHETIC files: test/fixtures/ncci/README.md).
import { test } from "node:test";
import assert from "node:assert/strict";
import { codeName, split } from "../../server/src/ncci/delimited.js";
import { settingFromName } from "../../server/src/ncci/entries.js";
import { findColumn1 } from "../../server/src/ncci/ptp.js";
import { codeKey } from "../../server/src/ncci/delimited.js";
import { NO_DELETION, type NcciEdits } from "../../server/src/ncci/types.js";
import { editsFrom, fixtureEdits } from "./harness.js";

/** Every PTP row of a setting as "col1 col2 effective deletion modifier". */
function ptpRows(e: NcciEdits, setting: "office" | "hopd" = "office"): string[] {
  const t = e.ptp[setting]!;
  const out: string[] = [];
  t.column1.forEach((c, i) => {
    for (let r = t.start[i]; r < t.start[i + 1]; r++) out.push(`${codeName(c)} ${codeName(t.column2[r])} ${t.effective[r]} ${t.deletion[r] === NO_DELETION ? "*" : t.deletion[r]} ${t.modifier[r]}`);
  });
  return out;
}

const HEADER = "Column 1\tColumn 2\tEffective Date\tDeletion Date\tModifier";

test("CMS-style PTP text: preamble skipped, quoted header cells spanning lines, CRLF, blank row skipped", () => {
  const e = fixtureEdits();
  assert.deepEqual(ptpRows(e), [
    "96365 96374 20200101 20251231 1",
    "96372 96374 20260401 * 0",
    "96409 96411 20200101 * 9",
    "96413 96360 20200101 * 0",
    "96413 96375 20200101 * 1",
  ]);
  assert.deepEqual(ptpRows(e, "hopd"), ["96374 96375 20200101 * 0"]);
  assert.equal(e.counts.skipped, 1);
  assert.equal(e.newestEffective, 20260401);
});

test("CSV and tab-separated files give the same rows", () => {
  const tsv = editsFrom("ptp", `${HEADER}\nJ9312\t96413\t20240101\t*\t1\n`);
  const csv = editsFrom("ptp", `${HEADER.replaceAll("\t", ",")}\r\nJ9312,96413,20240101,*,1\r\n`);
  assert.deepEqual(ptpRows(tsv), ["J9312 96413 20240101 * 1"]);
  assert.deepEqual(ptpRows(csv), ptpRows(tsv));
});

test("header cells match by prefix, any case, runs of spaces and line breaks as one space; other columns ignored", () => {
  const text = 'title line\n"COLUMN  1","column 2 (component)",Rationale,"effective\n date","Deletion   Date *=no data","MODIFIER 0=not allowed"\n0591T,96372,"a, b",20250101,20251231,0\n';
  assert.deepEqual(ptpRows(editsFrom("ptp", text)), ["0591T 96372 20250101 20251231 0"]);
});

test("a title line naming one column is not taken for the header", () => {
  const text = `Column 1/Column 2 Edits\n${HEADER}\n96413\t96360\t20200101\t*\t0\n`;
  assert.deepEqual(ptpRows(editsFrom("ptp", text)), ["96413 96360 20200101 * 0"]);
});

test("a quoted cell may hold the delimiter and doubled quotes", () => {
  assert.deepEqual(split('a,"b, ""c""",d', ","), ["a", 'b, "c"', "d"]);
  assert.deepEqual(split("a\tb", "\t"), ["a", "b"]);
});

test("a missing column is one line naming the file and the column", () => {
  assert.throws(() => editsFrom("ptp", "Column 1\tColumn 2\tEffective Date\tModifier\n96413\t96360\t20200101\t0\n", "ccipra.txt"), {
    message: "ccipra.txt: the header row (line 1) has no 'Deletion Date' column",
  });
  assert.throws(() => editsFrom("mue", "HCPCS/CPT Code,Practitioner Services MUE Values\n96372,2\n", "mue.csv"), {
    message: "mue.csv: the header row (line 1) has no 'MUE Adjudication Indicator' column",
  });
  assert.throws(() => editsFrom("ptp", "nothing here\n1,2,3\n", "x.txt"), { message: /^x\.txt: no header row naming 'Column 1', 'Column 2'/ });
});

test("a data row that does not read is an error naming the file, the line and the column", () => {
  assert.throws(() => editsFrom("ptp", `pre\n${HEADER}\n96413\t96360\t2020-01-01\t*\t0\n`, "p.txt"), {
    message: "p.txt:3: 'Effective Date' must be a date YYYYMMDD (found '2020-01-01')",
  });
  assert.throws(() => editsFrom("ptp", `${HEADER}\n96413\t96360\t20200101\t*\t2\n`, "p.txt"), { message: "p.txt:2: 'Modifier' must be 0, 1 or 9 (found '2')" });
  assert.throws(() => editsFrom("ptp", `${HEADER}\n96413\t9636\t20200101\t*\t0\n`, "p.txt"), { message: "p.txt:2: 'Column 2' must be a CPT/HCPCS code (found '9636')" });
  assert.throws(() => editsFrom("ptp", `${HEADER}\n96413\t96360\t20200101\tnever\t0\n`, "p.txt"), { message: "p.txt:2: 'Deletion Date' must be a date YYYYMMDD or * (found 'never')" });
  assert.throws(() => editsFrom("mue", "HCPCS/CPT Code,MUE Values,MUE Adjudication Indicator\n96372,two,1 Line Edit\n", "m.csv"), { message: "m.csv:2: 'MUE Values' must be a whole number of units (found 'two')" });
  assert.throws(() => editsFrom("mue", "HCPCS/CPT Code,MUE Values,MUE Adjudication Indicator\n96372,2,Line Edit\n", "m.csv"), { message: /^m\.csv:2: 'MUE Adjudication Indicator' must be 1, 2 or 3/ });
});

test("`*` and an empty Deletion Date both mean none", () => {
  assert.deepEqual(ptpRows(editsFrom("ptp", `${HEADER}\n96413\t96360\t20200101\t*\t0\n96413\t96361\t20200101\t\t0\n`)), ["96413 96360 20200101 * 0", "96413 96361 20200101 * 0"]);
});

test("MUE: the values column is found by 'MUE Values' anywhere in its name; the indicator by its first digit", () => {
  const e = fixtureEdits();
  assert.deepEqual([...e.mue.office!.entries()], [
    ["96372", [{ value: 2, mai: 1, file: 2 }]],
    ["96375", [{ value: 2, mai: 3, file: 2 }]],
    ["96376", [{ value: 1, mai: 2, file: 2 }]],
  ]);
  assert.deepEqual([...e.mue.hopd!.entries()], [["96375", [{ value: 5, mai: 3, file: 3 }]]]);
});

test("setting from CMS's file names", () => {
  assert.equal(settingFromName("ccipra-v321r0-f1.txt"), "office");
  assert.equal(settingFromName("dir/CCIOPH-v321r0-f2.xlsx.csv"), "hopd");
  assert.equal(settingFromName("MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"), "office");
  assert.equal(settingFromName("MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv"), "hopd");
  assert.equal(settingFromName("payer-hospital-edits.txt"), "hopd");
  assert.equal(settingFromName("MCR_MUE_DMESupplierServices_Eff_01-01-2026.csv"), undefined);
  assert.equal(settingFromName("practitioner-vs-hospital.txt"), undefined);
});

test("rows are grouped by column-1 code for lookups", () => {
  const t = fixtureEdits().ptp.office!;
  const i = findColumn1(t, codeKey("96413"));
  assert.equal(t.start[i + 1] - t.start[i], 2);
  assert.equal(findColumn1(t, codeKey("96360")), -1);
  assert.equal(codeName(codeKey("j9312")), "J9312");
});
