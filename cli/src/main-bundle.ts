// The CLI proper, bundled to out/cli-main.cjs and started by out/cli.cjs (cli/src/bin.ts), which
// loads it with V8's code cache.
import { run } from "./main.js";

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

void run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
}).then((code) => (process.exitCode = code));
