// encounter-lint.config.json and the tables it names, checked the one way for the CLI and the
// language server: every problem is one line naming the file, the field and what was expected.
// No I/O here: the caller hands in how to read a file (the CLI and the server's Node host read
// the disk; the browser playground has no configuration).
import { dirname, resolve } from "node:path";
import type { DrugEntry, PayerProfile, SettingName } from "../data/types.js";
import { PAYERS } from "../data/payers/index.js";
import type { AnalyzeOptions } from "../engine/analyze.js";
import { adminCode, BUILTIN_DRUGS, DrugTable } from "../engine/catalogue.js";
import { RULES, type Severity } from "../engine/rules.js";
import { normalizeName } from "../language/names.js";
import { editEntries, type EditFileEntry, type NcciEdits } from "../ncci/index.js";

export const CONFIG_NAME = "encounter-lint.config.json";
const SEVERITIES = ["off", "info", "warning", "error"];
const SETTINGS = ["office", "hopd", "home"];
const CLASSES = ["chemo", "hormonal", "therapeutic", "fluid"];
const UNITS = ["mg", "mcg", "g", "mL", "mEq", "units"];

/** A problem in a configuration or a file it names, as one line for the user. */
export class ConfigError extends Error {}

/** Reads a named file's text; throws when it cannot (the message says why). */
export type ReadText = (path: string) => string;

export interface Config {
  setting?: SettingName;
  payer?: string;
  rules?: Record<string, Severity | "off">;
  drugs?: string[];
  payers?: string[];
  ptp?: EditFileEntry[];
  mue?: EditFileEntry[];
}

class Bad extends ConfigError {
  constructor(file: string, field: string, expected: string, found?: unknown) {
    super(`${file}: '${field}' ${expected}${found === undefined ? "" : ` (found ${JSON.stringify(found)})`}`);
  }
}

function readJson(file: string, read: ReadText): unknown {
  let text: string;
  try {
    text = read(file);
  } catch (e) {
    throw new ConfigError(`cannot read '${file}': ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, "")); // editors on Windows may save a byte-order mark
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (file: string, field: string, v: unknown): string[] => {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw new Bad(file, field, "must be a list of file names", v);
  return v;
};

export function parseConfig(file: string, raw: unknown): Config {
  if (!isObj(raw)) throw new Bad(file, "(top level)", "must be an object");
  const known = ["$schema", "$comment", "setting", "payer", "rules", "drugs", "payers", "ptp", "mue"];
  for (const k of Object.keys(raw)) if (!known.includes(k)) throw new Bad(file, k, `is not a setting (expected one of ${known.slice(2).join(", ")})`);
  const c: Config = {};
  if (raw.setting !== undefined) {
    if (!SETTINGS.includes(raw.setting as string)) throw new Bad(file, "setting", `must be one of ${SETTINGS.join(", ")}`, raw.setting);
    c.setting = raw.setting as SettingName;
  }
  if (raw.payer !== undefined) {
    if (typeof raw.payer !== "string") throw new Bad(file, "payer", "must be a payer name such as \"medicare\"", raw.payer);
    c.payer = raw.payer;
  }
  if (raw.rules !== undefined) {
    if (!isObj(raw.rules)) throw new Bad(file, "rules", "must map rule ids to off, info, warning or error");
    c.rules = {};
    for (const [id, sev] of Object.entries(raw.rules)) {
      if (!RULES.has(id)) throw new Bad(file, `rules.${id}`, "is not a rule id (see the README's rule list)");
      if (!SEVERITIES.includes(sev as string)) throw new Bad(file, `rules.${id}`, `must be one of ${SEVERITIES.join(", ")}`, sev);
      c.rules[id] = sev as Severity | "off";
    }
  }
  if (raw.drugs !== undefined) c.drugs = strings(file, "drugs", raw.drugs).map((p) => resolve(dirname(file), p));
  if (raw.payers !== undefined) c.payers = strings(file, "payers", raw.payers).map((p) => resolve(dirname(file), p));
  if (raw.ptp !== undefined) c.ptp = editEntries(file, "ptp", raw.ptp);
  if (raw.mue !== undefined) c.mue = editEntries(file, "mue", raw.mue);
  return c;
}

const isDate = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function parseDrugTable(file: string, raw: unknown): DrugEntry[] {
  if (!Array.isArray(raw)) throw new Bad(file, "(top level)", "must be a list of drugs");
  return raw.map((d, i) => {
    const at = `[${i}]`;
    if (!isObj(d)) throw new Bad(file, at, "must be a drug object");
    if (typeof d.name !== "string" || !d.name) throw new Bad(file, `${at}.name`, "must be the drug's generic name", d.name);
    if (d.aliases !== undefined && (!Array.isArray(d.aliases) || !d.aliases.every((a) => typeof a === "string"))) throw new Bad(file, `${at}.aliases`, "must be a list of names", d.aliases);
    if (!CLASSES.includes(d.class as string)) throw new Bad(file, `${at}.class`, `must be one of ${CLASSES.join(", ")}`, d.class);
    if (typeof d.source !== "string") throw new Bad(file, `${at}.source`, "must say where the facts come from");
    const codes = (d.codes ?? []) as unknown[];
    if (!Array.isArray(codes)) throw new Bad(file, `${at}.codes`, "must be a list of HCPCS codes");
    codes.forEach((c, j) => {
      const cat = `${at}.codes[${j}]`;
      if (!isObj(c)) throw new Bad(file, cat, "must be a code object");
      if (typeof c.code !== "string" || !/^[A-Z]\d{4}$/.test(c.code)) throw new Bad(file, `${cat}.code`, "must be a HCPCS code such as J9999", c.code);
      if (!isObj(c.unit) || !(typeof c.unit.amount === "number" && c.unit.amount > 0) || !UNITS.includes(c.unit.unit as string))
        throw new Bad(file, `${cat}.unit`, `must be {"amount": N, "unit": one of ${UNITS.join(", ")}}`, c.unit);
      if (c.from !== undefined && !isDate(c.from)) throw new Bad(file, `${cat}.from`, "must be a date YYYY-MM-DD", c.from);
      if (c.until !== undefined && !isDate(c.until)) throw new Bad(file, `${cat}.until`, "must be a date YYYY-MM-DD", c.until);
    });
    return { aliases: [], ...d, codes: codes.map((c) => ({ descriptor: "", source: d.source, ...(c as object) })) } as unknown as DrugEntry;
  });
}

const isCode = (v: unknown) => typeof v === "string" && /^[A-Z0-9]\d{3}[A-Z0-9]$/.test(v);

function list(file: string, field: string, v: unknown): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Bad(file, field, "must be a list", v);
  return v;
}

function settingList(file: string, field: string, v: unknown) {
  if (v !== undefined && (!Array.isArray(v) || !v.every((x) => SETTINGS.includes(x as string)))) throw new Bad(file, field, `must be a list of settings (${SETTINGS.join(", ")})`, v);
}

export function parsePayer(file: string, raw: unknown): PayerProfile {
  if (!isObj(raw)) throw new Bad(file, "(top level)", "must be a payer profile object");
  if (typeof raw.id !== "string") throw new Bad(file, "id", "must be the profile's id");
  if (!Array.isArray(raw.names) || !raw.names.every((n) => typeof n === "string")) throw new Bad(file, "names", "must list the names accepted after `payer`", raw.names);
  if (typeof raw.title !== "string") throw new Bad(file, "title", "must be the payer's name as shown in messages");
  if (typeof raw.source !== "string") throw new Bad(file, "source", "must say where the policy comes from");
  list(file, "substitutions", raw.substitutions).forEach((s, i) => {
    const at = `substitutions[${i}]`;
    if (!isObj(s)) throw new Bad(file, at, "must be an object with code and use", s);
    for (const k of ["code", "use"])
      if (typeof s[k] !== "string" || !adminCode(s[k])) throw new Bad(file, `${at}.${k}`, "must be a drug-administration code this tool knows (96360-96549 or G0498)", s[k]);
    settingList(file, `${at}.settings`, s.settings);
    if (s.pump !== undefined && s.pump !== "portable" && s.pump !== "implanted") throw new Bad(file, `${at}.pump`, "must be portable or implanted", s.pump);
    if (typeof s.reason !== "string") throw new Bad(file, `${at}.reason`, "must say why the code is replaced", s.reason);
    if (s.drugCodes !== undefined && !(Array.isArray(s.drugCodes) && s.drugCodes.every((c) => typeof c === "string" && /^[A-Z]\d{4}$/.test(c))))
      throw new Bad(file, `${at}.drugCodes`, "must list HCPCS drug codes such as \"J1950\"", s.drugCodes);
  });
  list(file, "edits", raw.edits).forEach((e, i) => {
    const at = `edits[${i}]`;
    if (!isObj(e)) throw new Bad(file, at, "must be an object with id and message", e);
    if (typeof e.id !== "string") throw new Bad(file, `${at}.id`, "must be the edit's id", e.id);
    if (typeof e.message !== "string") throw new Bad(file, `${at}.message`, "must be the message shown to the coder", e.message);
    if (e.code !== undefined && !isCode(e.code)) throw new Bad(file, `${at}.code`, "must be a CPT or HCPCS code such as 96413 or J9999", e.code);
    if (e.withAny !== undefined && (!Array.isArray(e.withAny) || !e.withAny.every(isCode))) throw new Bad(file, `${at}.withAny`, "must be a list of CPT or HCPCS codes", e.withAny);
    if (e.maxUnits !== undefined && !(Number.isInteger(e.maxUnits) && (e.maxUnits as number) >= 0)) throw new Bad(file, `${at}.maxUnits`, "must be a whole number of units", e.maxUnits);
    settingList(file, `${at}.settings`, e.settings);
    if (e.severity !== undefined && !["error", "warning", "info"].includes(e.severity as string)) throw new Bad(file, `${at}.severity`, "must be error, warning or info", e.severity);
  });
  checkWasteModifiers(file, raw.wasteModifiers);
  (raw.emBundling as unknown[] | undefined)?.forEach((b, i) => {
    if (!isObj(b) || typeof b.code !== "string" || typeof b.reason !== "string" || typeof b.source !== "string") throw new Bad(file, `emBundling[${i}]`, "must have code, reason and source");
    if (!Array.isArray(b.settings) || !b.settings.every((x) => SETTINGS.includes(x as string))) throw new Bad(file, `emBundling[${i}].settings`, `must list settings among ${SETTINGS.join(", ")}`, b.settings);
  });
  return raw as unknown as PayerProfile;
}

/** The JW/JZ policy of a payer file (PayerProfile.wasteModifiers), when it has one. */
function checkWasteModifiers(file: string, w: unknown) {
  if (w === undefined) return;
  if (!isObj(w)) throw new Bad(file, "wasteModifiers", "must be an object with settings, jwFrom, jzFrom and their sources");
  if (!Array.isArray(w.settings) || !w.settings.every((x) => SETTINGS.includes(x as string))) throw new Bad(file, "wasteModifiers.settings", `must list settings among ${SETTINGS.join(", ")}`, w.settings);
  for (const k of ["jwFrom", "jzFrom"]) if (!isDate(w[k])) throw new Bad(file, `wasteModifiers.${k}`, "must be a date YYYY-MM-DD", w[k]);
  for (const k of ["jwSource", "jzSource", "hopdSource"]) if (typeof w[k] !== "string") throw new Bad(file, `wasteModifiers.${k}`, "must say where the rule comes from");
  if (!Array.isArray(w.hopdSeparatelyPaid) || !w.hopdSeparatelyPaid.every((x) => typeof x === "string")) throw new Bad(file, "wasteModifiers.hopdSeparatelyPaid", 'must list OPPS status indicators such as ["G", "K"]', w.hopdSeparatelyPaid);
}

/** The data files a config names, parsed once (in the main thread; workers get the result). */
export interface ConfigData {
  config: Config;
  drugs: DrugEntry[];
  payers: PayerProfile[];
}

/** Read a config and every table it names, checking each (one-line errors naming file and field). */
export function loadConfigData(file: string | null, read: ReadText): ConfigData {
  const config = file ? loadConfig(file, read) : {};
  const drugs = (config.drugs ?? []).flatMap((f) => parseDrugTable(f, readJson(f, read)));
  const payers = (config.payers ?? []).map((f) => parsePayer(f, readJson(f, read)));
  if (file && config.payer !== undefined) {
    const known = [...payers, ...PAYERS];
    const wanted = normalizeName(config.payer);
    if (!known.some((p) => p.names.some((n) => normalizeName(n) === wanted)))
      throw new Bad(file, "payer", `is not a known payer (known: ${known.map((p) => p.id).join(", ")}; add a profile with "payers")`, config.payer);
  }
  return { config, drugs, payers };
}

/** Turn loaded config data (plus command-line overrides) into engine options; `ncci`: the edits its ptp/mue keys name, loaded. */
export function optionsFrom(data: ConfigData, overrides: Record<string, Severity | "off">, ncci: NcciEdits | undefined): AnalyzeOptions {
  const { config, drugs, payers } = data;
  return {
    defaults: { setting: config.setting, payer: config.payer },
    drugs: drugs.length ? new DrugTable(drugs, BUILTIN_DRUGS) : BUILTIN_DRUGS,
    payers: [...payers, ...PAYERS],
    severities: { ...config.rules, ...overrides },
    ncci,
  };
}

export function loadConfig(file: string, read: ReadText): Config {
  return parseConfig(file, readJson(file, read));
}

/**
 * Every file a config's text names, under any key whose value is a list of file names (or of
 * {"file": ...} entries), so drug tables, payer profiles and edit files added later are covered
 * without listing them here. Read leniently: a config that does not parse names nothing.
 */
export function namedFiles(file: string, text: string): { key: string; name: string; path: string }[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return [];
  }
  const out: { key: string; name: string; path: string }[] = [];
  if (!isObj(raw)) return out;
  for (const [key, v] of Object.entries(raw)) {
    if (!Array.isArray(v)) continue;
    for (const item of v) {
      const name = typeof item === "string" ? item : isObj(item) && typeof item.file === "string" ? item.file : undefined;
      if (name !== undefined) out.push({ key, name, path: resolve(dirname(file), name) });
    }
  }
  return out;
}
