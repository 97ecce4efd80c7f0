// What the language server needs of the machine it runs on: turning URIs into readable paths and,
// where there is a disk, the workspace's .encounter files. Node (main.ts) and the browser
// playground each pass their own; server.ts itself imports nothing machine-specific.
import type { ConfigState } from "./config-files.js";

export interface ServerHost {
  /** A readable path for a URI: file: URIs become file paths, others stay as they are. */
  pathOf(uri: string): string;
  /** The file name of a path, without its folders. */
  baseName(path: string): string;
  /** The folders (as paths) among the workspace folder URIs that this host can read. */
  folderPaths(uris: string[]): string[];
  /** Whether a document URI lies inside one of those folders. */
  inFolders(uri: string, folders: string[]): boolean;
  /** Every .encounter file under a folder. */
  findEncounterFiles(folder: string): Promise<string[]>;
  /** A file's size in bytes, undefined when it is not a regular file; rejects with code ENOENT when it is gone. */
  fileSize(path: string): Promise<number | undefined>;
  /** A file's text; rejects with code ENOENT when it is gone. */
  readFile(path: string): Promise<string>;
  uriOf(path: string): string;
  /** The encounter-lint.config.json above each document, as the CLI reads it (`report` shows a problem to the user). */
  configFiles(report: (message: string) => void): ConfigSource;
}

export interface ConfigSource {
  /** The configuration of a document (a stamp of "" and no options when it has none). */
  forDocument(uri: string): ConfigState;
  /** The folders whose documents a changed file concerns: a configuration's own, or those of the configurations naming it. */
  affectedBy(uri: string): string[];
}
