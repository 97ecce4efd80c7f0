// Linting one file: read, optionally fix in place, analyse, report. Shared by the main thread
// and the worker threads, so one job and many give the same report.
import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { AnalyzeOptions } from "../../server/src/engine/analyze.js";
import type { Severity } from "../../server/src/engine/rules.js";
import { fixText } from "../../server/src/engine/fix-text.js";
import { ConfigFinder, loadConfig, optionsFrom } from "./config.js";
import { readText } from "./io.js";
import type { NcciEdits } from "../../server/src/ncci/index.js";
import { editsFor } from "./edit-files.js";
import { fileOptions, lintText, type FileReport } from "./report.js";

export interface LintSettings {
  fix: boolean;
  /** --fix-dry-run: fix in memory, report the result and its text, write nothing. */
  dryRun?: boolean;
  /** --config FILE; otherwise each file's nearest encounter-lint.config.json. */
  configFile?: string;
  overrides: Record<string, Severity | "off">;
  /** NCCI edits loaded by the main thread, by configuration file ("" for none), for worker threads. */
  ncci?: Record<string, NcciEdits | undefined>;
}

/** Engine options per config file, built once per process. */
export class OptionsResolver {
  private readonly finder = new ConfigFinder();
  private readonly byConfig = new Map<string, AnalyzeOptions>();

  constructor(private readonly settings: LintSettings) {}

  configFor(path: string): string | null {
    return this.settings.configFile ?? this.finder.find(dirname(path));
  }

  optionsFor(path: string): AnalyzeOptions {
    const config = this.configFor(path);
    const key = config ?? "";
    let o = this.byConfig.get(key);
    if (!o) {
      const c = config ? loadConfig(config) : {};
      const preloaded = this.settings.ncci;
      this.byConfig.set(key, (o = optionsFrom(c, this.settings.overrides, preloaded && key in preloaded ? preloaded[key] : editsFor(c))));
    }
    return o;
  }

  /** Load the edit files of every configuration these files use, once, to hand to worker threads. */
  preloadEdits(paths: readonly string[]): Record<string, NcciEdits | undefined> {
    const out: Record<string, NcciEdits | undefined> = {};
    for (const path of paths) {
      const key = this.configFor(path) ?? "";
      if (!(key in out)) out[key] = this.optionsFor(path).ncci;
    }
    return out;
  }
}

export function lintFile(path: string, settings: LintSettings, resolver: OptionsResolver, text = readText(path)): FileReport {
  const options = resolver.optionsFor(path);
  if (settings.fix) {
    const fixed = fixText(text, fileOptions(path, options));
    if (fixed.text !== text) {
      if (settings.dryRun) return { ...lintText(path, fixed.text, options), output: fixed.text };
      writeFileSync(path, fixed.text);
      text = fixed.text;
    }
  }
  return lintText(path, text, options);
}
