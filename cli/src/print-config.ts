// `encounter-lint --print-config FILE`: the configuration that applies to FILE, after --config,
// the nearest encounter-lint.config.json and --rule overrides, as JSON (paths made absolute).
import { loadConfig } from "./config.js";
import type { OptionsResolver } from "./lint-file.js";
import type { Severity } from "../../server/src/engine/rules.js";

export function printConfig(file: string, resolver: OptionsResolver, overrides: Record<string, Severity | "off">): string {
  const configFile = resolver.configFor(file);
  const config = configFile ? loadConfig(configFile) : {};
  const rules = { ...config.rules, ...overrides };
  return JSON.stringify({ configFile, ...config, rules }, null, 2) + "\n";
}
