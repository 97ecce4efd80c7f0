// Rewrites test/language/parse-snapshot/statements.json, which test/language/parse-snapshot.test.ts
// compares against: every statement, syntax message and directive the parser gives for the
// samples and the .encounter fixtures. Run it ONLY when a change of the language is intended
// (`npm test` never does), and review the diff.
//   node --import tsx scripts/update-parse-snapshot.ts
import { renameSync, writeFileSync } from "node:fs";
import { parseSnapshot, SNAPSHOT_FILE } from "../test/language/parse-snapshot.js";

writeFileSync(`${SNAPSHOT_FILE}.tmp`, parseSnapshot());
renameSync(`${SNAPSHOT_FILE}.tmp`, SNAPSHOT_FILE);
console.log(`wrote ${SNAPSHOT_FILE}`);
