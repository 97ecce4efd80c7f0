// `encounter-lint --init`: a starter encounter-lint.config.json in the working folder. JSON has no
// comments, so every setting is shown, switched off, in the "$comment" list; the file as written
// changes nothing. It never overwrites a configuration.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_NAME } from "./config.js";
import { UsageError } from "./files.js";
import { nameTaken, writeFileAtomic } from "./safe-write.js";

const SCHEMA = "node_modules/encounter-lint/schemas/encounter-lint.config.schema.json";

export const STARTER_COMMENT = [
  "Written by `encounter-lint --init`. Every key is optional: copy a line below out of this list to use it.",
  '"setting": "office"            -- office (POS 11), hopd (POS 19/22) or home (POS 12), for encounters that state none',
  '"payer": "medicare"            -- payer profile for encounters that state none',
  '"rules": { "missing-code": "error" }   -- severity per rule id: off, info, warning or error',
  '"drugs": ["drugs.json"]        -- extra drug tables (name, class, HCPCS codes with billing units, source)',
  '"payers": ["payers/acme.json"] -- extra payer profiles',
  '"ptp": ["ccipra-ptp.txt"]      -- CMS NCCI procedure-to-procedure edit files, as CMS publishes them (docs/ncci-edits.md)',
  '"mue": ["mue-practitioner.csv"] -- CMS medically unlikely edit files, as CMS publishes them',
];

export function initConfig(dir: string): string {
  const file = join(dir, CONFIG_NAME);
  if (nameTaken(file)) throw new UsageError(`${file} already exists; --init never overwrites a configuration`);
  const starter = { ...(existsSync(join(dir, SCHEMA)) && { $schema: `./${SCHEMA}` }), $comment: STARTER_COMMENT };
  // Through a temporary file (a failed write leaves no half configuration), never replacing one
  // written meanwhile.
  writeFileAtomic(file, JSON.stringify(starter, null, 2) + "\n", undefined, false);
  return file;
}
