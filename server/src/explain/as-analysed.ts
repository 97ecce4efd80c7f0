// A file's explanation handed out as its encounters are analysed: each encounter's analysis is
// made when the page asks for it and dropped once its section is written, so the page streams out
// in flat memory and the analyses die young (cheap for the garbage collector). The findings are
// the ones `analyzeFile` gives, encounter by encounter. A file with inline directives is analysed
// whole first, as lint does: a directive's reach and `unused-directive` are decided over the file.
import { analyzeEncounter, analyzeFile, applySeverities, type AnalyzeOptions } from "../engine/analyze.js";
import { BUILTIN_DRUGS, withDeclarations } from "../engine/catalogue.js";
import { makeFinding, type Finding } from "../engine/finding.js";
import { pushTo } from "../engine/push-to.js";
import { parse } from "../language/parse.js";
import { explained, type ExplainedEncounter, type ExplainedFile } from "./html.js";

export interface ExplainedAsAnalysed {
  file: ExplainedFile;
  /** Whether any finding so far is an error (all of them, once the encounters have been read). */
  anyError(): boolean;
}

export function explainAsAnalysed(path: string, text: string, options: AnalyzeOptions = {}): ExplainedAsAnalysed {
  const tree = parse(text, { fileName: options.fileName });
  if (tree.directives.length) {
    const analysis = analyzeFile(tree, text, options);
    return { file: explained(path, text, analysis), anyError: () => analysis.findings.some(isError) };
  }
  const drugs = withDeclarations(options.drugs ?? BUILTIN_DRUGS, tree.drugs);
  const outside: Finding[] = [];
  const syntax = new Map<number, Finding[]>();
  for (const f of applySeverities(tree.errors.map((e) => makeFinding("syntax", e.span, e.message, e.encounter ?? null)), options.severities)) {
    if (f.encounter === null) outside.push(f);
    else pushTo(syntax, f.encounter, f);
  }
  let errors = outside.some(isError);
  function* encounters(): Generator<ExplainedEncounter> {
    for (const enc of tree.encounters) {
      const result = analyzeEncounter(enc, tree, text, drugs, options);
      // analyzeFile's order: by place in the file, a syntax problem before the engine's finding at the same place.
      const findings = [...(syntax.get(enc.index) ?? []), ...result.findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
      errors ||= findings.some(isError);
      yield { result, findings };
    }
  }
  return { file: { path, text, outside, encounters: encounters() }, anyError: () => errors };
}

const isError = (f: Finding) => f.severity === "error";
