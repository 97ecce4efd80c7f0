// The configured NCCI edit files (`ptp`, `mue`) for the CLI: read once per run. The main thread
// loads them (for every configuration the run uses) and hands the loaded tables to the worker
// threads, whose PTP rows sit in shared memory, so `--jobs N` neither re-reads nor copies them.
import { readFileSync } from "node:fs";
import { EditFileError, loadEdits, type EditFileEntry, type NcciEdits } from "../../server/src/ncci/index.js";
import { UsageError } from "./files.js";

export interface EditFileConfig {
  ptp?: EditFileEntry[];
  mue?: EditFileEntry[];
}

/** Configuration or file problems become usage errors: one line, exit 2. */
function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw e instanceof EditFileError ? new UsageError(e.message) : e;
  }
}

/** A configuration was read: note for --stats whether it names edit files. */
export function noteEditFiles(config: EditFileConfig): void {
  if (config.ptp?.length || config.mue?.length) log.configured = true;
}

/** What this run loaded, for --stats. */
const log = { configured: false, files: 0, ptp: 0, mue: 0, skipped: 0, ms: 0 };
const loaded = new Map<string, NcciEdits>();

/** A new run (the CLI is also run in-process by tests): its files are loaded afresh, and counted. */
export function startRun(): void {
  Object.assign(log, { configured: false, files: 0, ptp: 0, mue: 0, skipped: 0, ms: 0 });
  loaded.clear();
}
const read = (path: string) => readFileSync(path, "latin1"); // CMS files are ASCII; Latin-1 decodes fastest and never fails

/** The edits a configuration names (undefined when it names none), loaded once per process. */
export function editsFor(config: EditFileConfig): NcciEdits | undefined {
  const ptp = config.ptp ?? [];
  const mue = config.mue ?? [];
  if (!ptp.length && !mue.length) return undefined;
  const key = JSON.stringify([ptp, mue]);
  let edits = loaded.get(key);
  if (!edits) {
    const t0 = performance.now();
    edits = usage(() => loadEdits(ptp, mue, read));
    loaded.set(key, edits);
    Object.assign(log, { files: log.files + edits.files.length, ptp: log.ptp + edits.counts.ptp, mue: log.mue + edits.counts.mue, skipped: log.skipped + edits.counts.skipped, ms: log.ms + performance.now() - t0 });
  }
  return edits;
}

/** The --stats line about the edit files. */
export function editFilesStats(): string {
  const n = (v: number) => v.toLocaleString("en-US");
  if (!log.configured) return "NCCI edit files: none configured (ptp-edit and mue-exceeded are silent)";
  if (!log.files) return "NCCI edit files: configured, not needed (every file came from the cache)";
  const skipped = log.skipped ? `, ${n(log.skipped)} blank row${log.skipped === 1 ? "" : "s"} skipped` : "";
  return `NCCI edit files: ${log.files} loaded once in ${Math.round(log.ms)} ms: ${n(log.ptp)} PTP edits, ${n(log.mue)} MUEs${skipped}`;
}
