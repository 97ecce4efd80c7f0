// Writes the rule table of README.md from server/src/engine/rules.ts (`npm run docs:rules`);
// test/docs.test.ts fails when the README is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { RULES } from "../server/src/engine/rules.js";

export function rulesTable(): string {
  const rows = [...RULES.values()].map(
    (r) => `| \`${r.id}\` | ${r.severity} | ${r.title} | ${r.denial ?? "—"} | ${r.fixable ? "yes" : "—"} |`,
  );
  return ["| rule | severity | what it finds | predicted denial | fix |", "|---|---|---|---|---|", ...rows].join("\n");
}

export function withRulesTable(readme: string): string {
  return readme.replace(/<!-- rules:start -->[\s\S]*<!-- rules:end -->/, `<!-- rules:start -->\n${rulesTable()}\n<!-- rules:end -->`);
}

if (process.argv[1]?.endsWith("rules-doc.ts")) writeFileSync("README.md", withRulesTable(readFileSync("README.md", "utf8")));
