// `encounter-lint explain FILE`.
import { analyzeText } from "../../../server/src/engine/analyze.js";
import { explainText } from "../../../server/src/explain/text.js";
import { UsageError } from "../files.js";
import { emit, parseOptions, readText, type Io } from "../io.js";
import { fileOptions } from "../report.js";

export function explainCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseOptions(argv, { output: { type: "string", short: "o" } });
  if (positionals.length !== 1) throw new UsageError("explain takes one FILE");
  const path = positionals[0];
  const text = readText(path);
  const analysis = analyzeText(text, fileOptions(path, {}));
  emit(explainText(path, text, analysis), values.output as string | undefined, io);
  return analysis.findings.some((f) => f.severity === "error") ? 1 : 0;
}
