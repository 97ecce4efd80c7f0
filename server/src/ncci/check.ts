// The two rules over the official edit files (LANGUAGE.md §4 step 8): `ptp-edit` and
// `mue-exceeded`. Pure: the claim as parsed, the encounter's setting and date, and the loaded
// edits in; findings out. They apply to every code on the claim, checked or not, and rank after
// the engine's own rules: a claim line that already has an engine error gets no NCCI error.
import type { SettingName } from "../data/types.js";
import type { Claim, ClaimItem } from "../language/ast.js";
import { replaceItem } from "../engine/claim-text.js";
import { makeFinding, type Finding } from "../engine/finding.js";
import { isNcciModifier } from "../engine/catalogue.js";
import { codeKey, codeName } from "./delimited.js";
import { findColumn1 } from "./ptp.js";
import type { EditSetting, MueEdit, NcciEdits } from "./types.js";

export interface NcciInput {
  claim: Claim;
  /** The file text, for the fix's edit. */
  text: string;
  /** Index of the encounter the claim belongs to. */
  encounter: number;
  setting?: SettingName;
  /** The encounter's `date` (YYYY-MM-DD), if it states one. */
  date?: string;
  edits: NcciEdits;
}

/** home is practitioner billing (POS 12); an encounter with no setting is coded as an office one (ARCHITECTURE.md). */
const tableOf = (s: SettingName | undefined): EditSetting => (s === "hopd" ? "hopd" : "office");
const TABLE_WORDS: Record<EditSetting, string> = { office: "practitioner", hopd: "outpatient hospital" };

/** The date of service as YYYYMMDD; with none, the newest effective date loaded, never the clock. */
function dateOf(input: NcciInput): number | undefined {
  return input.date ? Number(input.date.replaceAll("-", "")) : input.edits.newestEffective;
}

const showDate = (n: number) => `${Math.floor(n / 10000)}-${String(Math.floor(n / 100) % 100).padStart(2, "0")}-${String(n % 100).padStart(2, "0")}`;
const hasAssociated = (i: ClaimItem) => i.modifiers.some((m) => isNcciModifier(m.value));

interface PtpHit {
  column1: ClaimItem;
  row: number;
  indicator: number;
}

/** `ptp-edit`: one finding per column-2 line; an indicator-0 edit wins over an indicator-1 one. */
export function ptpFindings(input: NcciInput): Finding[] {
  const setting = tableOf(input.setting);
  const table = input.edits.ptp[setting];
  const date = dateOf(input);
  if (!table || date === undefined) return [];
  const items = input.claim.items;
  const hits = new Map<ClaimItem, PtpHit>();
  for (const column1 of items) {
    const c = findColumn1(table, codeKey(column1.code));
    if (c < 0) continue;
    for (let r = table.start[c]; r < table.start[c + 1]; r++) {
      const indicator = table.modifier[r];
      if (indicator === 9 || date < table.effective[r] || date > table.deletion[r]) continue;
      const code2 = codeName(table.column2[r]);
      for (const column2 of items) {
        if (column2 === column1 || column2.code !== code2 || column2.code === column1.code) continue;
        if (indicator === 1 && (hasAssociated(column1) || hasAssociated(column2))) continue;
        const prev = hits.get(column2);
        if (!prev || indicator < prev.indicator) hits.set(column2, { column1, row: r, indicator });
      }
    }
  }
  return items.filter((i) => hits.has(i)).map((column2) => ptpFinding(input, setting, column2, hits.get(column2)!));
}

function ptpFinding(input: NcciInput, setting: EditSetting, column2: ClaimItem, hit: PtpHit): Finding {
  const t = input.edits.ptp[setting]!;
  const a = hit.column1.code;
  const b = column2.code;
  const from = `Edit from ${input.edits.files[t.file[hit.row]]} (${TABLE_WORDS[setting]} PTP edits), in force since ${showDate(t.effective[hit.row])}.`;
  const related = [{ span: hit.column1.span, message: `column 1 of the edit: ${a}` }];
  if (hit.indicator === 0) {
    const message = `${b} is not paid with ${a} on the same date of service: the NCCI PTP edit (column 1 ${a}, column 2 ${b}) has modifier indicator 0, so no modifier bypasses it and the ${b} line is expected to be denied (CARC 236). ${from}`;
    const fix = { title: `Remove ${b} (bundled into ${a} by an NCCI PTP edit)`, edits: [replaceItem(input.text, input.claim, column2, [])] };
    return makeFinding("ptp-edit", column2.span, message, input.encounter, { related, fix });
  }
  const message = `${b} is bundled into ${a} by an NCCI PTP edit (column 1 ${a}, column 2 ${b}) with modifier indicator 1: an NCCI-associated modifier (such as XE, XS, XU or 59) may bypass it only when the record documents a distinct service, and neither line carries one, so the ${b} line is expected to be denied (CARC 236). ${from}`;
  return makeFinding("ptp-edit", column2.span, message, input.encounter, { related });
}

const MAI_WORDS: Record<1 | 2 | 3, string> = {
  1: "adjudication indicator 1: a claim-line edit",
  2: "adjudication indicator 2: a date-of-service edit based on policy, not paid above the MUE even on appeal",
  3: "adjudication indicator 3: a date-of-service edit based on clinical data, payable above the MUE only on appeal with records that support the units",
};

/**
 * `mue-exceeded`: indicator 1 compares each claim line's units; 2 and 3 compare the units of
 * every line of the code (an encounter is one date of service), and each of those lines is
 * denied (CMS MUE FAQ: all units of the code on the claim are denied). With several edits for a
 * code (a CMS file and a payer's), the lowest value that is exceeded is reported.
 */
export function mueFindings(input: NcciInput): Finding[] {
  const setting = tableOf(input.setting);
  const table = input.edits.mue[setting];
  if (!table) return [];
  const out: Finding[] = [];
  for (const item of input.claim.items) {
    const edits = table.get(item.code);
    if (!edits) continue;
    const same = input.claim.items.filter((i) => i.code === item.code);
    const total = same.reduce((n, i) => n + i.units, 0);
    const over = [...edits].sort((x, y) => x.value - y.value).find((e) => (e.mai === 1 ? item.units : total) > e.value);
    if (over) out.push(mueFinding(input, setting, item, over, same, total));
  }
  return out;
}

function mueFinding(input: NcciInput, setting: EditSetting, item: ClaimItem, e: MueEdit, same: ClaimItem[], total: number): Finding {
  const units = (n: number) => `${n} unit${n === 1 ? "" : "s"}`;
  const from = `MUE from ${input.edits.files[e.file]} (${TABLE_WORDS[setting]} MUEs).`;
  if (e.mai === 1) {
    const message = `${item.code} ×${item.units} on this claim line is above its MUE of ${units(e.value)} per line (${MAI_WORDS[1]}): the whole line is expected to be denied (RARC N362). ${from}`;
    return makeFinding("mue-exceeded", item.span, message, input.encounter);
  }
  const lines = same.length > 1 ? ` on ${same.length} lines` : "";
  const message = `${item.code} is claimed ×${total}${lines} for this date of service, above its MUE of ${units(e.value)} per date of service (${MAI_WORDS[e.mai]}): all ${units(total)} of ${item.code} are expected to be denied (RARC N362). ${from}`;
  const related = same.filter((i) => i !== item).map((i) => ({ span: i.span, message: `${i.code} ×${i.units} counts toward the same MUE` }));
  return makeFinding("mue-exceeded", item.span, message, input.encounter, { related });
}

/**
 * Both rules, ranked after the engine's own findings: a claim line that already carries an
 * engine error gets neither, and a line with a PTP error gets no MUE error (one error per line).
 * Call it after the claim check with the encounter's findings so far.
 */
export function ncciFindings(input: NcciInput, engineFindings: readonly Finding[]): Finding[] {
  const taken = engineFindings.filter((f) => f.severity === "error").map((f) => f.span);
  const free = (f: Finding) => !taken.some((s) => s.start < f.span.end && f.span.start < s.end);
  const out: Finding[] = [];
  for (const f of [...ptpFindings(input), ...mueFindings(input)]) {
    if (!free(f)) continue;
    out.push(f);
    taken.push(f.span);
  }
  return out;
}
