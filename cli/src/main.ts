// encounter-lint: the command-line contract of CLI.md. Exit 0 no errors; 1 errors (or warnings
// over --max-warnings); 2 bad usage or an unreadable path, with a one-line message naming it.
import { explainCommand } from "./commands/explain.js";
import { gradeCommand } from "./commands/grade.js";
import { keyCommand } from "./commands/key.js";
import { lintCommand } from "./commands/lint.js";
import { UsageError } from "./files.js";
import type { Io } from "./io.js";

/** Subcommands by their first word; anything else is the lint command. */
const COMMANDS: Record<string, (argv: string[], io: Io) => number | Promise<number>> = {
  explain: explainCommand,
  key: keyCommand,
  grade: gradeCommand,
};

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const command = COMMANDS[argv[0]];
    return await (command ? command(argv.slice(1), io) : lintCommand(argv, io));
  } catch (e) {
    io.stderr(`encounter-lint: ${e instanceof UsageError ? e.message : `internal error: ${(e as Error).message}`}\n`);
    return 2;
  }
}
