// encounter-lint.config.json for the CLI: found by walking up from each linted file (or given
// with --config), checked by server/src/config (the language server uses the same code). Every
// problem is one line naming the file, the field and what was expected, and stops the run (exit 2).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { PayerProfile } from "../../server/src/data/types.js";
import type { AnalyzeOptions } from "../../server/src/engine/analyze.js";
import { RULES, type Severity } from "../../server/src/engine/rules.js";
import * as shared from "../../server/src/config/config-file.js";
import { CONFIG_NAME, ConfigError, type Config, type ConfigData } from "../../server/src/config/config-file.js";
import { EditFileError } from "../../server/src/ncci/index.js";
import { UsageError } from "./files.js";
import { editsFor, noteEditFiles } from "./edit-files.js";
import { readText } from "./io.js";

export { CONFIG_NAME, type Config, type ConfigData };

/** Configuration problems become usage errors: one line, exit 2. */
function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw e instanceof ConfigError || e instanceof EditFileError ? new UsageError(e.message) : e;
  }
}

/** Configurations, drug tables and payer profiles: capped and checked as text like any whole file. */
const read = (path: string) => readText(path);

export const parseConfig = (file: string, raw: unknown): Config => usage(() => shared.parseConfig(file, raw));
export const parsePayer = (file: string, raw: unknown): PayerProfile => usage(() => shared.parsePayer(file, raw));

/** Read a config and every table it names, checking each (one-line errors naming file and field). */
export function loadConfigData(file: string | null): ConfigData {
  const data = usage(() => shared.loadConfigData(file, read));
  noteEditFiles(data.config);
  return data;
}

/** Turn loaded config data (plus command-line overrides) into engine options; `ncci`: edits already loaded by the main thread. */
export function optionsFrom(data: ConfigData, overrides: Record<string, Severity | "off">, ncci = editsFor(data.config)): AnalyzeOptions {
  return shared.optionsFrom(data, overrides, ncci);
}

/**
 * What a config contributes to a cached result: its text and the content of every file it
 * names (shared.namedFiles), so drug tables, payer profiles and edit files are all covered.
 */
export function configFingerprint(file: string | null): string {
  const h = createHash("sha256");
  if (!file) return "no config";
  const text = readFileSync(file, "utf8");
  h.update(text);
  for (const { key, name, path } of shared.namedFiles(file, text)) {
    h.update(`\0${key}\0${name}\0`);
    try {
      h.update(readFileSync(path));
    } catch {
      h.update("unreadable");
    }
  }
  return h.digest("hex");
}

export const loadConfig = (file: string): Config => usage(() => shared.loadConfig(file, read));

/** The nearest config above `dir`, memoised per folder. */
export class ConfigFinder {
  private readonly byDir = new Map<string, string | null>();

  find(dir: string): string | null {
    const abs = resolve(dir);
    const known = this.byDir.get(abs);
    if (known !== undefined) return known;
    const here = join(abs, CONFIG_NAME);
    const parent = dirname(abs);
    const found = existsSync(here) ? here : parent === abs ? null : this.find(parent);
    this.byDir.set(abs, found);
    return found;
  }
}

export function parseRuleOverride(arg: string): [string, Severity | "off"] {
  const m = /^([a-z-]+)=(off|info|warning|error)$/.exec(arg);
  if (!m) throw new UsageError(`--rule expects ID=off|info|warning|error, not '${arg}'`);
  if (!RULES.has(m[1])) throw new UsageError(`--rule: '${m[1]}' is not a rule id`);
  return [m[1], m[2] as Severity | "off"];
}
