// Linting one file: read, optionally fix (atomically), analyse, report. Shared by the main thread
// and the worker threads, so one job and many give the same report.
import { dirname } from "node:path";
import type { AnalyzeOptions } from "../../server/src/engine/analyze.js";
import { RULES, type Severity } from "../../server/src/engine/rules.js";
import { fixText } from "../../server/src/engine/fix-text.js";
import { ConfigFinder, loadConfigData, optionsFrom, type ConfigData } from "./config.js";
import { formatFor } from "./formatters/index.js";
import { countsOf, type Counts, type Format } from "./formatters/reporter.js";
import { DEFAULT_MAX_FILE_BYTES, readLintable, type Readable } from "./io.js";
import type { NcciEdits } from "../../server/src/ncci/index.js";
import { editsFor } from "./edit-files.js";
import { fileOptions, lintText, type FileReport } from "./report.js";
import { replaceIfUnchanged } from "./safe-write.js";

export interface LintSettings {
  fix: boolean;
  /** --fix-dry-run: fix in memory, report the result and its text, write nothing. */
  dryRun?: boolean;
  /** --config FILE; otherwise each file's nearest encounter-lint.config.json. */
  configFile?: string;
  overrides: Record<string, Severity | "off">;
  /** --max-file-size: larger files get a file-too-large finding and are not read. */
  maxFileBytes?: number;
  /** --report-unused-disable-directives: a disable directive that silences nothing is a finding. */
  reportUnusedDisableDirectives?: boolean;
  /** Config files already loaded by the main thread (workers reuse them instead of re-reading). */
  loaded?: Record<string, ConfigData>;
  /** NCCI edits loaded by the main thread, by configuration file ("" for none), for worker threads. */
  ncci?: Record<string, NcciEdits | undefined>;
  /** The report format's name and colour (workers build their own copy of the format). */
  format: string;
  color: boolean;
  /** --quiet: errors only. */
  quiet: boolean;
  /** The run keeps reports in a cache, so each file's full report comes back too. */
  keepReports: boolean;
}

/** A linted file as the report writer needs it: its finished text and its totals. */
export interface Linted {
  fragment: string;
  counts: Counts;
  /** The full report (before --quiet), for the cache. */
  report?: FileReport;
  /** Set when --fix left the file alone because it changed while being fixed. */
  notice?: string;
}

/** Engine options per config file, built once per process. */
export class OptionsResolver {
  private readonly finder = new ConfigFinder();
  private readonly byConfig = new Map<string, AnalyzeOptions>();
  readonly loaded: Record<string, ConfigData>;

  constructor(private readonly settings: Pick<LintSettings, "fix" | "configFile" | "overrides" | "maxFileBytes" | "reportUnusedDisableDirectives" | "loaded" | "ncci">) {
    this.loaded = { ...settings.loaded };
  }

  /** For the commands that read files as lint does without fixing or overriding anything (explain, key, grade). */
  static forReading(configFile: string | undefined): OptionsResolver {
    return new OptionsResolver({ fix: false, overrides: {}, configFile });
  }

  configFor(path: string): string | null {
    return this.settings.configFile ?? this.finder.find(dirname(path));
  }

  optionsFor(path: string): AnalyzeOptions {
    const config = this.configFor(path);
    const key = config ?? "";
    let o = this.byConfig.get(key);
    if (!o) {
      const data = (this.loaded[key] ??= loadConfigData(config));
      const preloaded = this.settings.ncci;
      o = optionsFrom(data, this.settings.overrides, preloaded && key in preloaded ? preloaded[key] : editsFor(data.config));
      if (this.settings.reportUnusedDisableDirectives) o.reportUnusedDisableDirectives = true;
      this.byConfig.set(key, o);
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

export interface LintResult {
  report: FileReport;
  /** Set when --fix left the file alone because it changed while being fixed. */
  notice?: string;
}

/** `given`: the text already read (standard input), under the same size limit as a file. */
export function lintFile(path: string, settings: Pick<LintSettings, "fix" | "dryRun" | "maxFileBytes">, resolver: OptionsResolver, given?: Readable): LintResult {
  const options = resolver.optionsFor(path);
  const max = settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const read = given ?? readLintable(path, max);
  if (read.text === undefined) return { report: tooLarge(path, read.size, max, options) };
  let text = read.text;
  let notice: string | undefined;
  if (settings.fix) {
    const fixed = fixText(text, fileOptions(path, options));
    if (fixed.text !== text) {
      if (settings.dryRun) return { report: { ...lintText(path, fixed.text, options), output: fixed.text } };
      if (replaceIfUnchanged(path, text, fixed.text)) text = fixed.text;
      else notice = `'${path}' changed while it was being fixed; it was left as it is (run --fix again)`;
    }
  }
  return { report: lintText(path, text, options), notice };
}

/** One file's report turned into its part of the output (here or in a worker thread). */
export class FileLinter {
  readonly format: Format;
  readonly resolver: OptionsResolver;

  constructor(private readonly settings: LintSettings) {
    this.format = formatFor(settings.format, settings.color);
    this.resolver = new OptionsResolver(settings);
  }

  /** `given`: standard input's text (or size), linted as the file `path`. */
  lint(path: string, given?: Readable): Linted {
    const r = lintFile(path, this.settings, this.resolver, given);
    return { ...this.finish(r.report), notice: r.notice };
  }

  /** The text and totals of a report (a cached one, or one just made). */
  finish(report: FileReport): Linted {
    const shown = this.settings.quiet ? { ...report, findings: report.findings.filter((f) => f.severity === "error") } : report;
    return { fragment: this.format.fragment(shown), counts: countsOf(shown), report: this.settings.keepReports ? report : undefined };
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function tooLarge(path: string, size: number, max: number, options: AnalyzeOptions): FileReport {
  const rule = RULES.get("file-too-large")!;
  const severity = options.severities?.[rule.id] ?? rule.severity;
  const findings =
    severity === "off"
      ? []
      : [{
          rule: rule.id, severity, encounter: null, line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false, source: rule.source,
          message: `This file is ${mb(size)}, over the ${mb(max)} limit: it was not read and none of its encounters was checked. Split it, or raise the limit with --max-file-size.`,
        }];
  return { path, encounters: [], findings };
}
