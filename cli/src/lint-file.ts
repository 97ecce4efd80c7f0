// Linting one file: read, optionally fix in place, analyse, report. Shared by the main thread
// and the worker threads, so one job and many give the same report.
import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { AnalyzeOptions } from "../../server/src/engine/analyze.js";
import type { Severity } from "../../server/src/engine/rules.js";
import { fixText } from "../../server/src/engine/fix-text.js";
import { ConfigFinder, loadConfig, optionsFrom } from "./config.js";
import { readText } from "./io.js";
import { fileOptions, lintText, type FileReport } from "./report.js";

export interface LintSettings {
  fix: boolean;
  /** --config FILE; otherwise each file's nearest encounter-lint.config.json. */
  configFile?: string;
  overrides: Record<string, Severity | "off">;
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
    if (!o) this.byConfig.set(key, (o = optionsFrom(config ? loadConfig(config) : {}, this.settings.overrides)));
    return o;
  }
}

export function lintFile(path: string, settings: LintSettings, resolver: OptionsResolver, text = readText(path)): FileReport {
  const options = resolver.optionsFor(path);
  if (settings.fix) {
    const fixed = fixText(text, fileOptions(path, options));
    if (fixed.text !== text) {
      writeFileSync(path, fixed.text);
      text = fixed.text;
    }
  }
  return lintText(path, text, options);
}
