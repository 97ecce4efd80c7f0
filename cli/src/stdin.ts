// Standard input as one file: `--stdin`, or `-` among the paths (ESLint's conventions).
import { readFileSync } from "node:fs";
import { UsageError } from "./files.js";

/** The name standard input is reported under when --stdin-filename gives none. */
export const STDIN_NAME = "<stdin>";

export function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read standard input: ${(e as Error).message}`);
  }
}
