#!/usr/bin/env node
// encounter-language-server: speaks LSP over --stdio (any editor) or --node-ipc (VS Code).
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.js";

startServer(createConnection(ProposedFeatures.all));
