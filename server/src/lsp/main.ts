// encounter-language-server: speaks LSP over --stdio (any editor) or --node-ipc (VS Code).
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { nodeHost } from "./node-host.js";
import { startServer } from "./server.js";

const connection = createConnection(ProposedFeatures.all);
// Last line of defence: a stray failure is logged, and the server keeps answering.
process.on("uncaughtException", (e) => connection.console.error(`unexpected failure: ${e.stack ?? e.message}`));
process.on("unhandledRejection", (e) => connection.console.error(`unexpected failure: ${String(e)}`));
startServer(connection, nodeHost);
