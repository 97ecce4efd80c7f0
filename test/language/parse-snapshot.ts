// The parse snapshot: what parseStatements gives (statements, syntax messages, directives) for
// every sample and .encounter fixture, one file per line of JSON so a diff names the file.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseStatements } from "../../server/src/language/parse.js";

export const SNAPSHOT_FILE = "test/language/parse-snapshot/statements.json";
const ROOTS = ["samples", "test/fixtures", "test/grammar", "test/language/parse-snapshot"];

function filesUnder(path: string, out: string[]): string[] {
  if (statSync(path).isDirectory()) for (const e of readdirSync(path).sort()) filesUnder(join(path, e), out);
  else if (path.endsWith(".encounter")) out.push(path);
  return out;
}

/** Every sample and .encounter fixture. */
export const encounterFiles = (): string[] => ROOTS.flatMap((r) => filesUnder(r, []));

/**
 * The snapshot text. Each file is parsed twice, the second time as if it began at offset 1000 of
 * a larger document (the editor re-parses one encounter's text at its offset).
 */
export function parseSnapshot(): string {
  const lines = encounterFiles().map((file) => {
    const text = readFileSync(file, "utf8");
    return JSON.stringify({ file, parsed: parseStatements(text), atOffset1000: parseStatements(text, 1000) });
  });
  return `[\n${lines.join(",\n")}\n]\n`;
}
