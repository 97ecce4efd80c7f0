// Process edges shared by the commands: reading files, writing the report, parsing flags.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { UsageError } from "./files.js";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read '${path}': ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : (e as Error).message}`);
  }
}

export function emit(body: string, output: string | undefined, io: Io) {
  if (!output) return io.stdout(body);
  try {
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, body);
  } catch (e) {
    throw new UsageError(`cannot write '${output}': ${(e as Error).message}`);
  }
}
