// A file's explanation handed out as its encounters are analysed: each encounter's analysis is
// made when the page asks for it and dropped once its section is written, so the page streams out
// in flat memory and the analyses die young (cheap for the garbage collector). The findings are
// the ones `analyzeFile` gives, encounter by encounter. A file with inline directives is analysed
// whole first, as lint does: a directive's reach and `unused-directive` are decided over the file.
import { analyzeFile, applySeverities, byPlace, encounterResults, syntaxFindings, type AnalyzeOptions } from "../engine/analyze.js";
import type { Finding } from "../engine/finding.js";
import { pushTo } from "../engine/push-to.js";
import type { FileNode } from "../language/ast.js";
import { parse } from "../language/parse.js";
import { explained, type ExplainedEncounter, type ExplainedFile } from "./html.js";

export interface ExplainedAsAnalysed {
  file: ExplainedFile;
  /** Whether any finding so far is an error (all of them, once the encounters have been read). */
  anyError(): boolean;
}

/** `tree`: the text's parse, when the caller has it already. */
export function explainAsAnalysed(path: string, text: string, options: AnalyzeOptions = {}, tree: FileNode = parse(text, { fileName: options.fileName })): ExplainedAsAnalysed {
  if (tree.directives.length) {
    const analysis = analyzeFile(tree, text, options);
    return { file: explained(path, text, analysis), anyError: () => analysis.findings.some(isError) };
  }
  const outside: Finding[] = [];
  const syntax = new Map<number, Finding[]>();
  for (const f of applySeverities(syntaxFindings(tree), options.severities)) {
    if (f.encounter === null) outside.push(f);
    else pushTo(syntax, f.encounter, f);
  }
  let errors = outside.some(isError);
  function* encounters(): Generator<ExplainedEncounter> {
    for (const result of encounterResults(tree, text, options)) {
      // analyzeFile's order: a syntax problem before the engine's finding at the same place.
      const findings = [...(syntax.get(result.node.index) ?? []), ...result.findings].sort(byPlace);
      errors ||= findings.some(isError);
      yield { result, findings };
    }
  }
  return { file: { path, text, outside, encounters: encounters() }, anyError: () => errors };
}

const isError = (f: Finding) => f.severity === "error";
