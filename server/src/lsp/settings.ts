// Settings per document (section "encounter"), asked of the client once and cached until
// workspace/didChangeConfiguration. Anything malformed falls back to the defaults.
import type { Connection } from "vscode-languageserver";
import { DEFAULT_SETTINGS, SettingsSection, type EncounterSettings } from "../../../common/protocol.js";

export class SettingsCache {
  private cache = new Map<string, Promise<EncounterSettings>>();
  supported = false;

  constructor(private connection: Connection) {}

  get(uri: string): Promise<EncounterSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.supported
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: SettingsSection }).then(normalize, () => DEFAULT_SETTINGS)
        : Promise.resolve(DEFAULT_SETTINGS);
      this.cache.set(uri, s);
    }
    return s;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

const SETTINGS = new Set(["office", "hopd", "home"]);

export function normalize(raw: unknown): EncounterSettings {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, Record<string, unknown> | undefined>;
  const delay = Number(r.validate?.delay);
  const setting = String(r.defaults?.setting ?? "").toLowerCase();
  const payer = r.defaults?.payer;
  return {
    validate: { delay: Number.isFinite(delay) && delay >= 0 ? delay : DEFAULT_SETTINGS.validate.delay },
    defaults: {
      ...(SETTINGS.has(setting) ? { setting: setting as "office" | "hopd" | "home" } : {}),
      ...(typeof payer === "string" && payer ? { payer } : {}),
    },
    inlayHints: { enabled: r.inlayHints?.enabled !== false },
    codeLens: { enabled: r.codeLens?.enabled !== false },
    exerciseMode: (r as Record<string, unknown>).exerciseMode === true,
    reportUnusedDisableDirectives: (r as Record<string, unknown>).reportUnusedDisableDirectives === true,
  };
}
