// The playground's language server: the same server.ts the VS Code extension runs, in a Web
// Worker, speaking LSP to the page over postMessage. A browser has no workspace on disk, so its
// host reads no files (no workspace, no configuration, no NCCI edit files); documents come only
// from the editor. One extra request grades exercises.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from "vscode-languageserver/browser";
import { keyOf, scoreAnswer } from "../../server/src/engine/grade.js";
import type { ServerHost } from "../../server/src/lsp/host.js";
import { startServer } from "../../server/src/lsp/server.js";
import { GradeRequest, type GradeParams, type GradeResult } from "./protocol.js";

// The page's lib types describe a window; in this bundle `self` is the worker's own scope.
const scope = self as unknown as Worker;

const browserHost: ServerHost = {
  // inmemory://playground/<name>.encounter: the preview and the encounter names show just the name.
  pathOf: (uri) => decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i, "")),
  baseName: (path) => path.slice(path.lastIndexOf("/") + 1),
  folderPaths: () => [],
  inFolders: () => false,
  findEncounterFiles: async () => [],
  fileSize: (path) => Promise.reject(Object.assign(new Error(`${path}: no files in the browser`), { code: "ENOENT" })),
  readFile: (path) => Promise.reject(Object.assign(new Error(`${path}: no files in the browser`), { code: "ENOENT" })),
  uriOf: (path) => path,
  // No configuration files in a page (nor drug tables, payer profiles or NCCI edit files).
  configFiles: () => ({ forDocument: () => ({ stamp: "" }), affectedBy: () => [] }),
};

const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
connection.onRequest(GradeRequest, (p: GradeParams): GradeResult => {
  const options = { fileName: p.name };
  return scoreAnswer(keyOf(p.exercise, options), p.answer, options);
});
startServer(connection, browserHost);
