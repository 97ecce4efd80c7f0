// The server's host on Node: file URIs are files on disk, and workspace folders are scanned.
import { readFile, stat } from "node:fs/promises";
import { basename, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ConfigCache } from "./config-files.js";
import type { ServerHost } from "./host.js";
import { findEncounterFiles } from "./workspace.js";

const pathOf = (uri: string) => (uri.startsWith("file:") ? fileURLToPath(uri) : uri);

export const nodeHost: ServerHost = {
  pathOf,
  baseName: (path) => basename(path),
  folderPaths: (uris) => uris.filter((u) => u.startsWith("file:")).map((u) => fileURLToPath(u)),
  inFolders: (uri, folders) => uri.startsWith("file:") && folders.some((f) => fileURLToPath(uri).startsWith(f.endsWith(sep) ? f : f + sep)),
  findEncounterFiles,
  fileSize: async (path) => {
    const st = await stat(path);
    return st.isFile() ? st.size : undefined;
  },
  readFile: (path) => readFile(path, "utf8"),
  uriOf: (path) => pathToFileURL(path).href,
  configFiles(report) {
    const cache = new ConfigCache(report);
    // Unsaved documents have no folder, hence no configuration.
    return {
      forDocument: (uri) => (uri.startsWith("file:") ? cache.forDocument(fileURLToPath(uri)) : { stamp: "" }),
      affectedBy: (uri) => (uri.startsWith("file:") ? cache.affectedBy(fileURLToPath(uri)) : []),
    };
  },
};
