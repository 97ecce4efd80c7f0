// SARIF 2.1.0 for code-scanning tools (GitHub shows each result inline on the pull request).
// Paths are relative to the working folder (%SRCROOT%, the checkout in CI), and each result has a
// fingerprint that ignores line numbers, so code scanning follows a finding across commits.
import { createHash } from "node:crypto";
import { isAbsolute, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { RULE_IDS, RULES } from "../../../server/src/engine/rules.js";
import type { FileReport } from "../report.js";
import type { Format } from "./reporter.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

const SRCROOT = "%SRCROOT%";

function sarifDocument(version: string, root: string) {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "encounter-lint",
            version,
            informationUri: "https://www.npmjs.com/package/encounter-lint",
            rules: RULE_IDS.map((id) => {
              const r = RULES.get(id)!;
              return {
                id,
                name: id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
                shortDescription: { text: r.title },
                fullDescription: { text: r.description },
                help: { text: `${r.description} Source: ${r.source}.${r.denial ? ` Predicted denial: ${r.denial}.` : ""}` },
                defaultConfiguration: { level: LEVEL[r.severity] },
                properties: { source: r.source, ...(r.denial ? { denial: r.denial } : {}) },
              };
            }),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root).href.replace(/\/?$/, "/") } },
        results: [] as unknown[],
      },
    ],
  };
}

/** A file's location: relative to the root when inside it, else an absolute file URI. */
function artifact(path: string, root: string) {
  const rel = relative(root, resolve(root, path));
  if (!rel.startsWith("..") && !isAbsolute(rel)) return { uri: rel.split("\\").join("/"), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(resolve(root, path)).href };
}

/** Rule, encounter and message (never the line), numbered among identical ones in the file. */
function fingerprints(f: FileReport): string[] {
  const seen = new Map<string, number>();
  return f.findings.map((x) => {
    const encounter = x.encounter === null ? "" : (f.encounters[x.encounter]?.name ?? "");
    const hash = createHash("sha256").update(`${x.rule}\0${encounter}\0${x.message}`).digest("hex").slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

function results(f: FileReport, root: string) {
  const location = artifact(f.path, root);
  const prints = fingerprints(f);
  return f.findings.map((x, i) => ({
            ruleId: x.rule,
            ruleIndex: RULE_IDS.indexOf(x.rule),
            level: LEVEL[x.severity],
            message: { text: x.denial ? `${x.message} Predicted denial: ${x.denial}.` : x.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: location,
                  region: { startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: x.endColumn },
                },
              },
            ],
            ...(x.fix
              ? {
                  fixes: [
                    {
                      description: { text: x.fix.title },
                      artifactChanges: [
                        {
                          artifactLocation: location,
                          replacements: x.fix.edits.map((e) => ({
                            deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
                            insertedContent: { text: e.newText },
                          })),
                        },
                      ],
                    },
                  ],
                }
              : {}),
            partialFingerprints: { "encounterLint/v1": prints[i] },
  }));
}

/** SARIF 2.1.0: the tool and its rules first, then the results as files finish. */
export function sarifFormat(version: string, root = process.cwd()): Format {
  const head = JSON.stringify(sarifDocument(version, root), null, 2);
  const cut = head.lastIndexOf('"results": []') + '"results": ['.length;
  return {
    head: head.slice(0, cut),
    fragment: (f) => results(f, root).map((r) => `        ${JSON.stringify(r)}`).join(",\n"),
    first: "\n",
    between: ",\n",
    tail: (_, empty) => `${empty ? "" : "\n        "}${head.slice(cut)}\n`,
  };
}
