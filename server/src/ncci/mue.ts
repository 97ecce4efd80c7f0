// MUE files (CMS "Medically Unlikely Edits": `MCR_MUE_PractitionerServices…`,
// `MCR_MUE_OutpatientHospitalServices…`, and payer files in the same layout). Columns read:
// HCPCS/CPT Code, the column whose name contains "MUE Values", and MUE Adjudication Indicator
// (CMS writes "1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical").
import { badCell, codeAt, codeName, countAt, readHeader, RowReader, type Column } from "./delimited.js";
import type { MueEdit } from "./types.js";
import { pushTo } from "../engine/push-to.js";

const COLUMNS: Column[] = [{ name: "HCPCS/CPT Code" }, { name: "MUE Values", contains: true }, { name: "MUE Adjudication Indicator" }];

/**
 * Add one file's edits to `into` (by code). Rows with an empty code cell are skipped (counted);
 * any other row that does not read is an error naming the file and line (see PtpBuilder.add).
 */
export function addMue(text: string, label: string, fileIndex: number, into: Map<string, MueEdit[]>): { rows: number; skipped: number } {
  const r = new RowReader(text);
  const [cc, cv, ca] = readHeader(r, COLUMNS, label);
  const bad = (col: number, name: string, expected: string) => badCell(label, r.line, name, expected, r.cell(col));
  let rows = 0;
  let skipped = 0;
  while (r.next()) {
    const key = codeAt(r.src, r.start(cc), r.end(cc));
    if (key < 0) {
      if (!r.cell(cc)) {
        skipped++;
        continue;
      }
      throw bad(cc, "HCPCS/CPT Code", "a CPT/HCPCS code");
    }
    const value = countAt(r.src, r.start(cv), r.end(cv));
    if (value < 0) throw bad(cv, "MUE Values", "a whole number of units");
    const mai = Number(r.cell(ca)[0]);
    if (mai !== 1 && mai !== 2 && mai !== 3) throw bad(ca, "MUE Adjudication Indicator", "1, 2 or 3 (CMS: '1 Line Edit', '2 Date of Service Edit: Policy', '3 Date of Service Edit: Clinical')");
    const code = codeName(key);
    pushTo(into, code, { value, mai, file: fileIndex } satisfies MueEdit);
    rows++;
  }
  return { rows, skipped };
}
