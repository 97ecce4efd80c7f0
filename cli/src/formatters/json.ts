// CLI.md's JSON document, written file by file.
import { counter, type Reporter, type Sink } from "./reporter.js";

export function jsonReporter(write: Sink): Reporter {
  const total = counter();
  let first = true;
  write('{\n  "files": [');
  return {
    file(f) {
      total.add(f);
      write(`${first ? "\n" : ",\n"}    ${JSON.stringify(f)}`);
      first = false;
    },
    end() {
      const { errors, warnings, infos, fixable } = total.counts;
      write(`${first ? "" : "\n  "}],\n  "errorCount": ${errors},\n  "warningCount": ${warnings},\n  "infoCount": ${infos},\n  "fixableCount": ${fixable}\n}\n`);
    },
  };
}
