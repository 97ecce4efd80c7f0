// CLI.md's JSON document, written file by file.
import type { Format } from "./reporter.js";

export const jsonFormat: Format = {
  head: '{\n  "files": [',
  fragment: (f) => `    ${JSON.stringify(f)}`,
  first: "\n",
  between: ",\n",
  tail: ({ errors, warnings, infos, fixable }, empty) =>
    `${empty ? "" : "\n  "}],\n  "errorCount": ${errors},\n  "warningCount": ${warnings},\n  "infoCount": ${infos},\n  "fixableCount": ${fixable}\n}\n`,
};
