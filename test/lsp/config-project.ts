// A project with an encounter-lint.config.json that sets every key: setting, payer, rules (a
// severity change and an `off`), an extra drug table, a payer profile and the SYNTHETIC NCCI edit
// files of test/fixtures/ncci. The drug, the payer and the edits are made up for tests only.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const NCCI = "test/fixtures/ncci";
const EDIT_FILES = ["ccipra-v321r0-f1-SYNTHETIC.txt", "MCR_MUE_PractitionerServices_SYNTHETIC.csv", "ccioph-SYNTHETIC.csv", "MCR_MUE_OutpatientHospitalServices_SYNTHETIC.txt"];

export const CONFIG = {
  setting: "office",
  payer: "acme",
  rules: { syntax: "warning", "missing-code": "off" },
  drugs: ["tables/drugs.json"],
  payers: ["tables/acme.json"],
  ptp: ["ccipra-v321r0-f1-SYNTHETIC.txt", { file: "ccioph-SYNTHETIC.csv", setting: "hopd" }],
  mue: ["MCR_MUE_PractitionerServices_SYNTHETIC.csv"],
};

/** SYNTHETIC: no such drug; J9999 is the not-otherwise-classified chemotherapy code. */
export const DRUGS = [{ name: "testamab", aliases: ["Testavia"], class: "chemo", codes: [{ code: "J9999", unit: { amount: 10, unit: "mg" } }], source: "SYNTHETIC test drug" }];

/** SYNTHETIC payer: one 96375 a day. */
export const ACME = {
  id: "acme", names: ["acme"], title: "Acme Health", source: "SYNTHETIC policy",
  edits: [{ id: "acme-96375", code: "96375", maxUnits: 1, severity: "warning", message: "Acme Health pays one 96375 per day without records", source: "SYNTHETIC policy" }],
};

/**
 * With the configuration: two PTP edits (96375 beside 96413, office file), Acme's edit, the bad
 * time as a warning, and the short 96375 (missing-code) turned off. Without it: Testavia is an
 * unknown drug (so 96413 is non-chemo-as-chemo) and neither the PTP edit nor Acme's edit fires.
 */
export const ENCOUNTERS = `encounter "Cisplatin day 1"
date 2026-05-01
infuse cisplatin 100mg 09:00-10:30
push ondansetron 8mg at 08:45
claim 96413, 96375

encounter "Testavia with pushes"
date 2026-05-01
infuse Testavia 100mg 09:00-10:00
push ondansetron 8mg at 08:40
push famotidine 20mg at 08:50
push diphenhydramine 25mg at 10:10
claim 96413, 96375 x2

encounter "Bad time"
date 2026-05-01
push ondansetron 8mg at 25:61
`;

/** The project in a new temporary folder; the encounter file is `day1/a.encounter`. */
export function configProject(): { dir: string; file: string; configFile: string } {
  const dir = mkdtempSync(join(tmpdir(), "encounter-config-"));
  for (const f of EDIT_FILES) copyFileSync(join(NCCI, f), join(dir, f));
  mkdirSync(join(dir, "tables"));
  mkdirSync(join(dir, "day1"));
  writeFileSync(join(dir, "tables/drugs.json"), JSON.stringify(DRUGS));
  writeFileSync(join(dir, "tables/acme.json"), JSON.stringify(ACME));
  const configFile = join(dir, "encounter-lint.config.json");
  writeFileSync(configFile, JSON.stringify(CONFIG, null, 2));
  const file = join(dir, "day1/a.encounter");
  writeFileSync(file, ENCOUNTERS);
  return { dir, file, configFile };
}
