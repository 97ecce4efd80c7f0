// `encounter-lint --print-config FILE`: the configuration that applies to FILE, after --config,
// the nearest encounter-lint.config.json and --rule overrides, as JSON: every key of the file
// (setting, payer, rules, drugs, payers, ptp, mue) and the command line's options that change findings.
import { loadConfig } from "./config.js";
import type { LintSettings, OptionsResolver } from "./lint-file.js";

export function printConfig(file: string, resolver: OptionsResolver, settings: LintSettings): string {
  const configFile = resolver.configFor(file);
  const config = configFile ? loadConfig(configFile) : {};
  const rules = { ...config.rules, ...settings.overrides };
  const unused = settings.reportUnusedDisableDirectives && { reportUnusedDisableDirectives: true };
  return JSON.stringify({ configFile, ...config, rules, ...unused }, null, 2) + "\n";
}
