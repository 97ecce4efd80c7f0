// The default command: lint files and folders (CLI.md), for a pull request's samples or an
// audit export of a million encounters: worker threads, shards, a content cache, streaming reports.
import { realpathSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import pkg from "../../../package.json";
import type { Severity } from "../../../server/src/engine/rules.js";
import { checkCacheLocation, ContentCache } from "../cache.js";
import { useColor } from "../color.js";
import { configFingerprint, parseRuleOverride } from "../config.js";
import { editFilesStats, startRun } from "../edit-files.js";
import { UsageError } from "../files.js";
import { expandPaths, type Expanded } from "../globs.js";
import { IgnoreRules } from "../ignore.js";
import { initConfig } from "../init.js";
import { LINT, parseCommand } from "../options.js";
import { printConfig } from "../print-config.js";
import { readStdin, STDIN_NAME } from "../stdin.js";
import { FORMATS } from "../formatters/index.js";
import { ReportWriter, type Sink } from "../formatters/reporter.js";
import { DEFAULT_MAX_FILE_BYTES, parseSize, readLintable, readText, type Io, type Readable } from "../io.js";
import { FileLinter, type Linted, type LintSettings, type OptionsResolver } from "../lint-file.js";
import { Progress } from "../progress.js";
import { idleCores, lintInThreads, threadsFor, type Task } from "../workers/pool.js";
import { openReportFile } from "../safe-write.js";


export async function lintCommand(argv: string[], io: Io): Promise<number> {
  const parsed = parseCommand(LINT, argv, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  if (values.init) {
    io.stdout(`wrote ${initConfig(process.cwd())}\n`);
    return 0;
  }
  const t0 = performance.now();
  startRun();
  const format = String(values.format);
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${format}': use ${FORMATS.join(", ")}`);
  const maxWarnings = wholeNumber(values["max-warnings"] as string | undefined, "--max-warnings", 0);
  // More threads than cores only costs memory and time (--jobs 1000 took 13 GB).
  const asked = wholeNumber(values.jobs as string | undefined, "--jobs", 1);
  const jobs = asked === undefined ? undefined : Math.min(asked, availableParallelism());
  const fromStdin = !!values.stdin || positionals.includes("-");
  if (fromStdin && values.fix) throw new UsageError("--fix cannot write back to standard input: use --fix-dry-run to see the fixed text");
  if (fromStdin && positionals.some((p) => p !== "-")) throw new UsageError("standard input is linted on its own: give no other paths with --stdin or -");
  const maxFile = values["max-file-size"] as string | undefined;
  const settings: LintSettings = {
    fix: !!values.fix || !!values["fix-dry-run"],
    dryRun: !!values["fix-dry-run"],
    configFile: values.config as string | undefined,
    overrides: Object.fromEntries(((values.rule as string[] | undefined) ?? []).map(parseRuleOverride)) as Record<string, Severity | "off">,
    maxFileBytes: maxFile === undefined ? undefined : parseSize(maxFile, "--max-file-size"),
    reportUnusedDisableDirectives: !!values["report-unused-disable-directives"],
    format,
    color: useColor(argv, process.env, io.isTTY, !!values.output),
    quiet: !!values.quiet,
    keepReports: !!values.cache && !values.fix && !values["fix-dry-run"],
  };
  if (settings.configFile) readText(settings.configFile);
  const linter = new FileLinter(settings);
  const resolver = linter.resolver;
  if (values["print-config"]) {
    io.stdout(printConfig(String(values["print-config"]), resolver, settings));
    return 0;
  }

  const stdin = fromStdin ? { path: (values["stdin-filename"] as string | undefined) ?? STDIN_NAME, read: readStdin(settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES) } : undefined;
  const collected: Expanded = stdin ? { files: [stdin.path], ignoredByName: [], skipped: [] } : await lintedFiles(positionals, values);
  let files = collected.files;
  if (values.shard) files = shard(files, String(values.shard));
  const output = values.output as string | undefined;
  if (output) refuseInputAsOutput(output, files);
  // Everything that can stop the run with exit 2 is checked before the first byte of the report.
  for (const path of files) resolver.optionsFor(path);
  settings.loaded = resolver.loaded;
  const cacheDir = (values["cache-location"] as string | undefined) ?? ".encounter-lint-cache";
  const useCache = !!values.cache && !settings.fix && !stdin;
  if (useCache) checkCacheLocation(cacheDir);
  for (const f of collected.ignoredByName) io.stderr(`encounter-lint: ${f} is skipped: it matches an ignore pattern\n`);
  const tCollect = performance.now();

  const target = output ? openReportFile(output) : undefined;
  try {
    const stats = await lintAll(files, settings, linter, {
      io, jobs, stdin: stdin?.read,
      write: target ? (s) => target.write(s) : io.stdout,
      cache: useCache ? new ContentCache(cacheDir, pkg.version) : undefined,
    });
    target?.commit();
    if (values.stats) {
      const ms = (a: number, b: number) => `${Math.round(b - a)} ms`;
      io.stderr(`encounter-lint: ${files.length} files (${stats.linted} linted, ${files.length - stats.linted} from cache), jobs ${stats.threads}\n`);
      io.stderr(`  collect files ${ms(t0, tCollect)}; read, parse, check and report ${ms(tCollect, stats.tLint)}; finish ${ms(stats.tLint, performance.now())}\n`);
      io.stderr(`  ${editFilesStats()}\n`);
      for (const s of collected.skipped) io.stderr(`  skipped ${s.path}: ${s.reason}\n`);
    }
    if (stats.errors === 0 && maxWarnings !== undefined && stats.warnings > maxWarnings) {
      io.stderr(`encounter-lint: ${stats.warnings} warning${stats.warnings === 1 ? "" : "s"} found, more than --max-warnings ${maxWarnings} allows\n`);
      return 1;
    }
    return stats.errors > 0 ? 1 : 0;
  } catch (e) {
    target?.abort();
    throw e;
  }
}

/** The paths' files (globs expanded, ignore rules applied, regular files only). */
function lintedFiles(paths: string[], values: Record<string, unknown>): Promise<Expanded> {
  const ignore = new IgnoreRules((values["ignore-pattern"] as string[] | undefined) ?? []);
  return expandPaths(paths.length ? paths : ["."], ignore, paths.length > 0 && !values["no-error-on-unmatched-pattern"]);
}

interface RunOptions {
  io: Io;
  /** --jobs, when given. */
  jobs?: number;
  write: Sink;
  cache?: ContentCache;
  /** Standard input's text (or size), linted as the one file. */
  stdin?: Readable;
}

/** Lint every file (from the cache, on this thread or in workers) and stream the report in order. */
async function lintAll(files: string[], settings: LintSettings, linter: FileLinter, o: RunOptions) {
  const { cache, io } = o;
  const resolver = linter.resolver;
  if (cache?.warning) io.stderr(`encounter-lint: warning: ${cache.warning}\n`);
  const writer = new ReportWriter(linter.format, o.write);
  const progress = new Progress(files.length, io);
  // Files finish in any order on several threads; the report keeps the order of the file list.
  const inOrder = new Map<number, Linted>();
  let next = 0;
  const flush = () => {
    for (let r = inOrder.get(next); r; r = inOrder.get(next)) {
      writer.add(r.fragment, r.counts);
      progress.tick();
      inOrder.delete(next++);
    }
  };
  const keyOf = cache && cacheKeys(settings, resolver);
  const pending: (Task & { key?: string })[] = [];
  files.forEach((path, i) => {
    const key = keyOf?.(path);
    const hit = key !== undefined ? cache!.get(path, key) : undefined;
    if (hit) inOrder.set(i, linter.finish(hit));
    else pending.push({ path, i, key });
  });
  flush();
  const done = (t: Task & { key?: string }, r: Linted) => {
    if (r.notice) io.stderr(`encounter-lint: ${r.notice}\n`);
    if (t.key !== undefined) cache!.set(t.path, t.key, r.report!);
    inOrder.set(t.i, r);
    flush();
  };
  // Standard input is one text already read: it is linted here, never handed to a worker.
  const threads = o.stdin ? 1 : threadsFor(pending.map((t) => t.path), o.jobs, idleCores());
  if (threads <= 1) for (const t of pending) done(t, linter.lint(t.path, o.stdin));
  else {
    // Edit files are loaded here once and shared with the workers (not loaded per worker).
    const ncci = resolver.preloadEdits(pending.map((t) => t.path));
    await lintInThreads(pending, threads, { ...settings, ncci }, linter, done);
  }
  const tLint = performance.now();
  writer.end();
  progress.done();
  cache?.save();
  const { errors, warnings } = writer.totals;
  return { errors, warnings, linted: pending.length, threads, tLint };
}

/**
 * The cache key of a file: everything that can change its report. The config's fingerprint
 * covers its text and every file it names; overrides, the size limit and
 * --report-unused-disable-directives change findings (--quiet and --format only filter or
 * render, and --fix runs without the cache).
 */
function cacheKeys(settings: LintSettings, resolver: OptionsResolver) {
  const fingerprints = new Map<string, string>();
  const options = JSON.stringify([settings.overrides, settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, !!settings.reportUnusedDisableDirectives]);
  return (path: string) => {
    const config = resolver.configFor(path);
    let fp = fingerprints.get(config ?? "");
    if (fp === undefined) fingerprints.set(config ?? "", (fp = configFingerprint(config)));
    const read = readLintable(path, settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    return `${fp}\0${options}\0${read.text ?? `too large: ${read.size}`}`;
  };
}

/** `-o a.encounter .` would replace a chart with the report: refuse before anything is written. */
function refuseInputAsOutput(output: string, files: string[]) {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const out = real(output);
  const hit = files.find((f) => real(f) === out);
  if (hit) throw new UsageError(`-o '${output}' is one of the files being linted ('${hit}'); write the report elsewhere`);
}

function wholeNumber(v: string | undefined, flag: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} needs a whole number${min ? ` of ${min} or more` : ""}, not '${v}'`);
  return n;
}

/** Shard I of N: every N-th file of the sorted list, so shards partition the files exactly. */
export function shard(files: string[], spec: string): string[] {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const i = m ? Number(m[1]) : 0;
  const n = m ? Number(m[2]) : 0;
  if (!m || n < 1 || i < 1 || i > n) throw new UsageError(`--shard expects I/N with 1 <= I <= N, not '${spec}'`);
  return [...files].sort().filter((_, k) => k % n === i - 1);
}
