// SARIF 2.1.0 for code-scanning tools (GitHub shows each result inline on the pull request).
import { RULE_IDS, RULES } from "../../../server/src/engine/rules.js";
import type { FileReport } from "../report.js";
import type { Format } from "./reporter.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

function sarifDocument(version: string) {
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
        results: [] as unknown[],
      },
    ],
  };
}

function results(f: FileReport) {
  return f.findings.map((x) => ({
            ruleId: x.rule,
            ruleIndex: RULE_IDS.indexOf(x.rule),
            level: LEVEL[x.severity],
            message: { text: x.denial ? `${x.message} Predicted denial: ${x.denial}.` : x.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.path.split("\\").join("/") },
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
                          artifactLocation: { uri: f.path.split("\\").join("/") },
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
  }));
}

/** SARIF 2.1.0: the tool and its rules first, then the results as files finish. */
export function sarifFormat(version: string): Format {
  const head = JSON.stringify(sarifDocument(version), null, 2);
  const cut = head.lastIndexOf('"results": []') + '"results": ['.length;
  return {
    head: head.slice(0, cut),
    fragment: (f) => results(f).map((r) => `        ${JSON.stringify(r)}`).join(",\n"),
    first: "\n",
    between: ",\n",
    tail: (_, empty) => `${empty ? "" : "\n        "}${head.slice(cut)}\n`,
  };
}
