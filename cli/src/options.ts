// Every command's options in one table: the parser's configuration and the `--help` text come
// from the same rows, so they cannot disagree. Spellings follow ESLint's where ESLint has one.
import { parseArgs } from "node:util";
import { UsageError } from "./files.js";
import type { Io } from "./io.js";

export const LANGUAGE_DOC = "docs/language.md";

export interface OptionRow {
  name: string;
  short?: string;
  /** The value's placeholder; a row without one is a switch. */
  arg?: string;
  multiple?: boolean;
  default?: string;
  help: string;
}

export interface CommandSpec {
  /** `encounter-lint`, `encounter-lint explain`, … (for messages). */
  name: string;
  usage: string;
  about: string;
  options: OptionRow[];
  footer?: string;
}

const HELP: OptionRow = { name: "help", short: "h", help: "show this help" };
const OUTPUT: OptionRow = { name: "output", short: "o", arg: "FILE", help: "write to FILE (folders are created) instead of standard output" };

const CONFIG = { name: "config", arg: "FILE", help: "use this configuration (default: the nearest encounter-lint.config.json above each file)" };

export const LINT: CommandSpec = {
  name: "encounter-lint",
  usage: "encounter-lint [options] [paths...]",
  about: `Lints .encounter files. Paths are files, folders (searched for *.encounter) or globs ('encounters/**/*.encounter'); default ".". \`-\` reads standard input. The language: ${LANGUAGE_DOC}.`,
  options: [
    { name: "format", arg: "stylish|json|sarif|junit", default: "stylish", help: "report format" },
    { name: "fix", help: "apply every determinate fix in place; report what is left" },
    { name: "fix-dry-run", help: "report as --fix would leave the files, without writing them (json: with the fixed text)" },
    { name: "quiet", help: "errors only" },
    { name: "max-warnings", arg: "N", help: "exit 1 when warnings exceed N" },
    OUTPUT,
    CONFIG,
    { name: "rule", arg: "ID=SEVERITY", multiple: true, help: "override a rule: off, info, warning or error (repeatable)" },
    { name: "stdin", help: "lint standard input" },
    { name: "stdin-filename", arg: "NAME", help: "the name standard input is reported under (and its configuration found from)" },
    { name: "ignore-pattern", arg: "GLOB", multiple: true, help: "skip files matching GLOB, gitignore syntax (repeatable); .encounterlintignore files are read too" },
    { name: "no-error-on-unmatched-pattern", help: "a path or glob that matches no file is not an error" },
    { name: "color", help: "colour the report (also FORCE_COLOR=1)" },
    { name: "no-color", help: "never colour the report (also NO_COLOR or FORCE_COLOR=0)" },
    { name: "print-config", arg: "FILE", help: "print the configuration that applies to FILE, as JSON, and lint nothing" },
    { name: "init", help: "write a starter encounter-lint.config.json here (never overwrites)" },
    { name: "jobs", arg: "N", help: "threads (default: one per idle core, one for a small input; at most the number of cores)" },
    { name: "shard", arg: "I/N", help: "lint only shard I of N (files split deterministically)" },
    { name: "cache", help: "skip files whose content, configuration and tool version are unchanged since the last run" },
    { name: "cache-location", arg: "DIR", help: "where the cache lives (default .encounter-lint-cache)" },
    { name: "max-file-size", arg: "SIZE", default: "10M", help: "larger files are not read but reported (file-too-large); bytes, or with k or M" },
    { name: "report-unused-disable-directives", help: "report a disable directive that silences no finding (unused-directive)" },
    { name: "stats", help: "print the time of each phase, and the files skipped (not regular files, links out of the folders), on standard error" },
    { name: "version", short: "v", help: "print the version" },
    HELP,
  ],
  footer: `Other commands (each has --help):
  encounter-lint explain FILE         per encounter: timeline, derived lines and why, findings
  encounter-lint key DIR              answer key of a folder of exercises
  encounter-lint grade --key KEY DIR  score students' files against a key

Exit status: 0 no errors; 1 errors (or warnings over --max-warnings); 2 bad usage or a path that
cannot be read.`,
};

export const EXPLAIN: CommandSpec = {
  name: "encounter-lint explain",
  usage: "encounter-lint explain [options] FILE",
  about: "Explains each encounter of FILE: a timeline, the derived claim lines with the reason for each, and the findings with the denial they predict.",
  options: [{ name: "format", arg: "text|markdown|html", default: "text", help: "output format" }, OUTPUT, CONFIG, HELP],
};

export const KEY: CommandSpec = {
  name: "encounter-lint key",
  usage: "encounter-lint key [options] DIR|FILE",
  about: "Writes the answer key of a folder of exercises (encounters without claims): each exercise's derived claim and the reason for every line.",
  options: [{ name: "format", arg: "markdown|html|json", default: "markdown", help: "output format (json is what grade reads)" }, OUTPUT, CONFIG, HELP],
};

export const GRADE: CommandSpec = {
  name: "encounter-lint grade",
  usage: "encounter-lint grade --key KEY.json [options] DIR",
  about: "Scores students' files against an answer key from `encounter-lint key --format json`: DIR holds one student's files or one folder per student (files found by their names in the key). Partial credit per encounter: a point for documentation that matches the exercise and one per claim line of the answer, less one per line the answer does not have.",
  options: [{ name: "key", arg: "KEY.json", help: "the answer key" }, { name: "format", arg: "text|markdown|json", default: "text", help: "output format" }, OUTPUT, CONFIG, HELP],
};

export function helpText(spec: CommandSpec): string {
  const left = (o: OptionRow) => `${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.arg ? ` ${o.arg}` : ""}`;
  const width = Math.max(...spec.options.map((o) => left(o).length)) + 2;
  const rows = spec.options.map((o) => `  ${left(o).padEnd(width)}${o.help}${o.default ? ` (default ${o.default})` : ""}`);
  return `Usage: ${spec.usage}\n\n${spec.about}\n\nOptions:\n${rows.join("\n")}\n${spec.footer ? `\n${spec.footer}\n` : ""}`;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

/** The options and paths of `argv`, or null when --help was asked for (and printed). */
export function parseCommand(spec: CommandSpec, argv: string[], io: Io): { values: Values; positionals: string[] } | null {
  const options = Object.fromEntries(
    spec.options.map((o) => [
      o.name,
      { type: o.arg ? ("string" as const) : ("boolean" as const), ...(o.short && { short: o.short }), ...(o.multiple && { multiple: true }), ...(o.default && { default: o.default }) },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(readable(e as NodeJS.ErrnoException, spec));
  }
  if (parsed.values.help) {
    io.stdout(helpText(spec));
    return null;
  }
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

/** Node's parser messages name JavaScript ideas and quote unevenly; say it in one plain line. */
function readable(e: NodeJS.ErrnoException, spec: CommandSpec): string {
  const option = /'(-[^' ]*)/.exec(e.message)?.[1] ?? "";
  const see = `(see ${spec.name} --help)`;
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option '${option}' ${see}`;
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const row = spec.options.find((o) => option === `--${o.name}` || option === `-${o.short}`);
    return row?.arg ? `${option} needs a value: ${row.arg} ${see}` : `${option} takes no value ${see}`;
  }
  return `${e.message.split("\n")[0]} ${see}`;
}
