// Writes schemas/encounter-lint.config.schema.json from the rule catalogue (`npm run docs:schema`).
import { writeFileSync } from "node:fs";
import { RULES } from "../server/src/engine/rules.js";

const severity = { enum: ["off", "info", "warning", "error"] };
const schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "encounter-lint configuration",
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
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
  },
};
writeFileSync("schemas/encounter-lint.config.schema.json", JSON.stringify(schema, null, 2) + "\n");
