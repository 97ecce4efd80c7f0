// JUnit XML for CI test reports: one testcase per encounter, one failure per error finding.
import type { FileReport } from "../report.js";
import type { Format } from "./reporter.js";
import { xmlText as esc } from "./safe-text.js";

/** One testsuite per file; the root element carries no totals so that suites can stream. */
export const junitFormat: Format = {
  head: `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="encounter-lint">\n`,
  fragment: (f) => suite(f) + "\n",
  first: "",
  between: "",
  tail: () => "</testsuites>\n",
};

function suite(f: FileReport): string {
  const cases: string[] = [];
  let suiteFailures = 0;
  // File-level findings (before the first header) get a testcase of their own.
  const groups = [
    ...(f.findings.some((x) => x.encounter === null) ? [{ name: "(file)", index: null as number | null }] : []),
    ...f.encounters.map((e, i) => ({ name: e.name, index: i as number | null })),
  ];
  for (const g of groups) {
    const errors = f.findings.filter((x) => x.encounter === g.index && x.severity === "error");
    const body = errors
      .map((x) => `      <failure message="${esc(`${x.rule}: ${x.message}`)}" type="${x.rule}">${esc(`${f.path}:${x.line}:${x.column} ${x.message}${x.denial ? ` Predicted denial: ${x.denial}.` : ""}`)}</failure>`)
      .join("\n");
    suiteFailures += errors.length ? 1 : 0;
    cases.push(`    <testcase classname="${esc(f.path)}" name="${esc(g.name)}"${errors.length ? `>\n${body}\n    </testcase>` : " />"}`);
  }
  return `  <testsuite name="${esc(f.path)}" tests="${cases.length}" failures="${suiteFailures}" errors="0">\n${cases.join("\n")}\n  </testsuite>`;
}
