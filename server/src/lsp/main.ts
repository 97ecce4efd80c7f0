// encounter-language-server: speaks LSP over --stdio (any editor) or --node-ipc (VS Code).
import { format } from "node:util";
import { createConnection, ProposedFeatures, StreamMessageReader, type Connection } from "vscode-languageserver/node";
import { StdioMessageWriter } from "./json-writer.js";
import { nodeHost } from "./node-host.js";
import { startServer } from "./server.js";

const transport = process.argv.slice(2).find((a) => /^--(node-ipc|stdio|socket|pipe)\b/.test(a));
const stdio = transport === "--stdio";
const connection = stdio ? stdioConnection() : createConnection(ProposedFeatures.all);
// Last line of defence: a stray failure is logged, and the server keeps answering.
process.on("uncaughtException", (e) => connection.console.error(`unexpected failure: ${e.stack ?? e.message}`));
process.on("unhandledRejection", (e) => connection.console.error(`unexpected failure: ${String(e)}`));
startServer(connection, nodeHost, { keptJson: stdio });

/**
 * The connection over stdin and stdout, made here rather than by vscode-languageserver for its
 * writer: diagnostics lists are written from their kept JSON text, in pieces, and whole colours
 * from their numbers (json-writer.ts). What the library does for --stdio is done here too: the
 * end of the input ends the server (exit code 0 after a shutdown request, else 1), and console
 * output goes to the client's log, never into the protocol on stdout.
 */
function stdioConnection(): Connection {
  const c = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StdioMessageWriter(process.stdout));
  let shutdown = false;
  c.onShutdown(() => {
    shutdown = true;
  });
  for (const event of ["end", "close"]) process.stdin.on(event, () => process.exit(shutdown ? 0 : 1));
  const log = (write: (message: string) => void) => (...args: unknown[]) => write(format(...args));
  Object.assign(console, { log: log((m) => c.console.log(m)), info: log((m) => c.console.info(m)), debug: log((m) => c.console.log(m)), warn: log((m) => c.console.warn(m)), error: log((m) => c.console.error(m)), trace: log((m) => c.console.error(m)) });
  return c;
}
