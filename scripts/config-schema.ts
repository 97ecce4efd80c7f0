// Writes schemas/encounter-lint.config.schema.json from the rule catalogue (`npm run docs:schema`).
import { writeFileSync } from "node:fs";
import { RULES } from "../server/src/engine/rules.js";

const severity = { enum: ["off", "info", "warning", "error"] };
/** An NCCI edit file: a path, or { file, setting } when the name does not tell the setting. */
const editFiles = (what: string, names: string) => ({
  description: `${what} (CSV or tab-separated, in the layout CMS publishes), relative to this file. A file serves one setting: "setting" says which, or the file name does (${names}). See docs/ncci-edits.md.`,
  type: "array",
  items: {
    anyOf: [
      { type: "string" },
      {
        type: "object",
        additionalProperties: false,
        required: ["file"],
        properties: {
          file: { type: "string" },
          setting: { enum: ["office", "hopd"], description: "office: practitioner edits; hopd: outpatient hospital edits." },
        },
      },
    ],
  },
});
const schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "encounter-lint configuration",
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    $comment: { description: "Notes for people; ignored (encounter-lint --init lists every setting here).", oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
    setting: { description: "Setting for encounters that state none: office (POS 11), hopd (hospital outpatient, POS 19/22) or home (POS 12).", enum: ["office", "hopd", "home"] },
    payer: { description: "Payer profile for encounters that state none, e.g. medicare.", type: "string" },
    rules: {
      description: "Severity per rule id; off turns a rule off.",
      type: "object",
      additionalProperties: false,
      properties: Object.fromEntries([...RULES.values()].map((r) => [r.id, { ...severity, description: `${r.title} (default: ${r.severity})` }])),
    },
    drugs: { description: "Extra drug tables: JSON files holding a list of drugs (name, aliases, class, codes with billing units and dates, source).", type: "array", items: { type: "string" } },
    payers: { description: "Extra payer profiles: JSON files, one profile each (see docs/payer-profiles.md).", type: "array", items: { type: "string" } },
    ptp: editFiles("CMS NCCI procedure-to-procedure (PTP) edit files, or a payer's in the same layout, for ptp-edit", "ccipra or practitioner: office; ccioph, hospital or outpatient: hopd"),
    mue: editFiles("CMS medically unlikely edit (MUE) tables, or a payer's in the same layout, for mue-exceeded", "…PractitionerServices…: office; …OutpatientHospitalServices…: hopd"),
  },
};
writeFileSync("schemas/encounter-lint.config.schema.json", JSON.stringify(schema, null, 2) + "\n");
