// The language server as an editor drives it (the built out/server.cjs over stdio, debounce 0):
// time to first diagnostics, keystroke → diagnostics in 10,000-encounter files, hover and
// completion, and the server's memory with one and with two such files open.
import { readFileSync } from "node:fs";
import { CodeLensRequest, CompletionRequest, DocumentSymbolRequest, HoverRequest, InlayHintRequest, SemanticTokensDeltaRequest, SemanticTokensRequest } from "vscode-languageserver-protocol/node";
import { PreviewRequest } from "../common/protocol.js";
import { TestClient } from "../test/lsp/client.js";
import { percentile, table } from "./lib.js";

const KINDS = [
  (i: number) => `encounter "R-CHOP ${i}"\n  setting hopd\n  infuse rituximab 700mg ${200 + (i % 60)}min\n  push cyclophosphamide 1400mg 5min\n  push doxorubicin 95mg 5min\n  push vincristine 2mg 2min\n  oral prednisone 100mg\n  claim 96413, 96415 x3, 96411 x3\n`,
  (i: number) => `encounter "Antiemetic ${i}"\n  setting office\n  push ondansetron 4mg 5min\n  claim 96409\n`,
  (i: number) => `encounter "FOLFOX ${i}"\n  infuse oxaliplatin 85mg 120min\n  infuse leucovorin 400mg 120min with oxaliplatin\n  push 5-FU 400mg 4min\n  pump 5-FU 2400mg 46h\n  claim 96413, 96415, 96367, 96411, 96416\n`,
  (i: number) => `encounter "Hydration ${i}"\n  setting hopd\n  push methylprednisolone 125mg 5min\n  hydrate "normal saline" 1000mL ${40 + (i % 90)}min\n`,
];

const CLEAN = (i: number) => `encounter "Premeds ${i}"\n  setting hopd\n  push diphenhydramine 25mg 5min\n  infuse rituximab 700mg 240min\n  claim 96413, 96415 x3, 96375\n`;

/**
 * Typical: one encounter in ten carries a coding error (an audit sample). Audit: the four kinds
 * above in turn, most encounters with findings (an audit file of problem claims).
 */
const fileOf = (n: number, audit = false) =>
  Array.from({ length: n }, (_, i) => (audit ? KINDS[i % KINDS.length](i) : i % 10 === 3 ? KINDS[1](i) : i % 2 ? CLEAN(i) : KINDS[0](i))).join("");

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
/** Linux counts process CPU time in ticks of 1/100 s (USER_HZ). */
const CLOCK_TICKS = 100;
/**
 * The server's CPU time so far (user + system, ms; Linux): on a machine shared with other work
 * its share of a keystroke varies far less than the latency, which includes the client's decoding.
 */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
};
/** Idle seconds the settled memory row watches: V8's memory reducer runs 8 s or more after the last allocations (measured: 10–20 s). */
const SETTLE_S = 30;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const rows: [string, string][] = [];

const t0 = process.hrtime.bigint();
const c = await TestClient.start({ settings: { validate: { delay: 0 } } });
try {
  /** Each document's version so far (1 when opened). */
  const versions = new Map<string, number>();
  /** Keystroke k at `end` of `line` (even: type "5", odd: delete it): ms until its version's diagnostics. */
  const keystroke = async (uri: string, line: number, end: number, k: number) => {
    const version = (versions.get(uri) ?? 1) + 1;
    versions.set(uri, version);
    const change = k % 2 === 0
      ? { range: { start: { line, character: end }, end: { line, character: end } }, text: "5" }
      : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: "" };
    const next = c.diagnostics(uri, (p) => p.version === version);
    const t = process.hrtime.bigint();
    await c.change(uri, version, [change]);
    await next;
    return ms(t);
  };
  // Keystrokes: type "5" then delete it, at the end of a claim line in the middle of the file.
  const keystrokes = async (uri: string, text: string, label: string) => {
    const lines = text.split("\n");
    const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith("  claim"));
    const latencies: number[] = [];
    const cpu = cpuMs(c.child.pid!);
    for (let k = 0; k < 200; k++) {
      // An editor keeps a document's newest list only: the test client's record of every list
      // (200 lists of 5,000 diagnostics) would make this process's garbage collection part of the latency.
      c.published.length = 0;
      latencies.push(await keystroke(uri, line, lines[line].length, k));
    }
    const serverMs = (cpuMs(c.child.pid!) - cpu) / 200;
    rows.push([`keystroke → diagnostics, ${label}, p50 / p95 (server CPU per keystroke)`, `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 95).toFixed(1)} ms (${serverMs.toFixed(1)} ms)`]);
  };

  /** Opens a document: time to its first diagnostics (its top) and to the complete list (the progress ends after it). */
  const open = async (uri: string, text: string) => {
    const t = process.hrtime.bigint();
    const done = c.progressEnd();
    const first = await c.open(uri, text);
    const firstMs = ms(t);
    await done;
    const all = c.published.filter((p) => p.uri === uri && p.version === 1).at(-1)!;
    return { firstMs, completeMs: ms(t), first: first.diagnostics.length, all: all.diagnostics.length };
  };

  const uri = "file:///bench/typical-10000.encounter";
  const text = fileOf(10_000);
  const tStart = ms(t0);
  const typical = await open(uri, text);
  rows.push([`first diagnostics, 10,000 encounters (top: ${typical.first} findings), from opening / from starting the server`, `${typical.firstMs.toFixed(0)} / ${(tStart + typical.firstMs).toFixed(0)} ms`]);
  rows.push([`complete diagnostics, 10,000 encounters (${typical.all} findings), from opening`, `${typical.completeMs.toFixed(0)} ms`]);
  rows.push(["server memory (RSS), one 10,000-encounter file open", `${rssMb(c.child.pid!).toFixed(0)} MB`]);
  await keystrokes(uri, text, "10,000 encounters, one in ten with findings");

  const audit = fileOf(10_000, true);
  const auditUri = "file:///bench/audit-10000.encounter";
  const a = await open(auditUri, audit);
  rows.push([`first / complete diagnostics, 10,000-encounter audit file (top: ${a.first}, all: ${a.all} findings), from opening`, `${a.firstMs.toFixed(0)} / ${a.completeMs.toFixed(0)} ms`]);
  await keystrokes(auditUri, audit, "10,000-encounter audit file, most with findings");
  rows.push(["server memory (RSS), both 10,000-encounter files open, right after the keystrokes", `${rssMb(c.child.pid!).toFixed(0)} MB`]);
  // What the server holds once idle: garbage left in the old generation by the keystrokes is
  // collected only after some idle seconds (V8's memory reducer). Each keystroke used to copy
  // the whole 2 MB text, which made this row 100 MB lower than the one above; the text is now in
  // pieces (chunked-text.ts) and the two rows agree.
  let lowest = rssMb(c.child.pid!);
  let when = 0;
  for (let s = 1; s <= SETTLE_S; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = rssMb(c.child.pid!);
    if (now < lowest) [lowest, when] = [now, s];
  }
  rows.push([`server memory (RSS), both 10,000-encounter files open, lowest within ${SETTLE_S} s after the last keystroke`, `${lowest.toFixed(0)} MB (after ${when} s)`]);

  const timeRequests = async (label: string, send: (i: number) => Promise<unknown>, times = 200) => {
    const xs: number[] = [];
    for (let i = 0; i < times; i++) {
      const t = process.hrtime.bigint();
      await send(i);
      xs.push(ms(t));
    }
    rows.push([`${label} p50 / p95`, `${percentile(xs, 50).toFixed(2)} / ${percentile(xs, 95).toFixed(2)} ms`]);
  };
  const claimLines = text.split("\n").flatMap((l, i) => (l.startsWith("  claim") ? [i] : []));
  await timeRequests("hover on a claim code, 10,000 encounters,", (i) => c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: claimLines[(i * 37) % claimLines.length], character: 9 } }));
  await timeRequests("completion on a claim line, 10,000 encounters,", (i) => c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: claimLines[(i * 37) % claimLines.length], character: 14 } }));
  // What an editor asks for after an edit besides diagnostics: hints for the visible lines, and
  // requests about the whole document (each answered in one go, holding up what comes after it).
  const td = { textDocument: { uri } };
  await timeRequests("inlay hints for 60 visible lines, 10,000 encounters,", (i) => {
    const line = claimLines[(i * 37) % claimLines.length];
    return c.conn.sendRequest(InlayHintRequest.type, { ...td, range: { start: { line, character: 0 }, end: { line: line + 60, character: 0 } } });
  });
  await timeRequests("semantic tokens (whole document), 10,000 encounters, 20 requests,", () => c.conn.sendRequest(SemanticTokensRequest.type, td), 20);
  // After an edit, an editor asks for the colours as the change from the answer it holds.
  {
    let resultId = (await c.conn.sendRequest(SemanticTokensRequest.type, td))!.resultId!;
    const xs: number[] = [];
    let numbers = 0;
    const line = claimLines[claimLines.length >> 2];
    const lines = text.split("\n");
    for (let k = 0; k < 20; k++) {
      await keystroke(uri, line, lines[line].length, k);
      const t = process.hrtime.bigint();
      const answer = (await c.conn.sendRequest(SemanticTokensDeltaRequest.type, { ...td, previousResultId: resultId }))!;
      xs.push(ms(t));
      numbers += "edits" in answer ? answer.edits.reduce((n, e) => n + (e.data?.length ?? 0), 0) : answer.data.length;
      resultId = answer.resultId!;
    }
    rows.push(["semantic tokens after a keystroke, as the change from the last answer, 10,000 encounters, 20 keystrokes, p50 / p95 (numbers sent per answer)", `${percentile(xs, 50).toFixed(2)} / ${percentile(xs, 95).toFixed(2)} ms (${(numbers / 20).toFixed(0)})`]);
  }
  await timeRequests("document symbols (outline; the encounters without their lines past 5,000 entries), 10,000 encounters, 20 requests,", () => c.conn.sendRequest(DocumentSymbolRequest.type, td), 20);
  await timeRequests("code lenses, 10,000 encounters, 20 requests,", () => c.conn.sendRequest(CodeLensRequest.type, td), 20);

  // The editor's preview of the same file: how long a page takes, and how long a keystroke sent
  // right behind a preview request waits for its findings (the page is made between keystrokes).
  const pages: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    await c.conn.sendRequest(PreviewRequest, { uri });
    pages.push(ms(t));
  }
  rows.push(["preview page, 10,000 encounters, median of 3", `${percentile(pages, 50).toFixed(0)} ms`]);
  const behind: number[] = [];
  const lines = text.split("\n");
  const line = claimLines[claimLines.length >> 1];
  for (let k = 0; k < 20; k++) {
    const page = c.conn.sendRequest(PreviewRequest, { uri }).catch(() => undefined);
    behind.push(await keystroke(uri, line, lines[line].length, k));
    await page;
  }
  rows.push(["keystroke → diagnostics right behind a preview request, 10,000 encounters, p50 / max of 20", `${percentile(behind, 50).toFixed(0)} / ${Math.max(...behind).toFixed(0)} ms`]);

  // Directives (each group keeps its findings less what directives silence: DocumentModel.orderedGroups).
  // A disable at the top, and a disable-next-line in half of the anti-emetic encounters (i % 20 === 3).
  const reviewed = text.replace(/(encounter "Antiemetic (\d+)"\n  setting office\n  push ondansetron 4mg 5min\n)/g, (all, head, i) => (Number(i) % 20 === 3 ? `${head}  # encounter-lint-disable-next-line non-chemo-as-chemo -- reviewed\n` : all));
  const directed = `# encounter-lint-disable units -- the payer accepts these\n${reviewed}`;
  const directedUri = "file:///bench/directive-10000.encounter";
  await open(directedUri, directed);
  await keystrokes(directedUri, directed, "10,000 encounters with directives (a disable at the top, a disable-next-line in one encounter in twenty)");
  await c.close(directedUri);
  // Comments that reach across encounters: a disable … enable block over ten encounters in every
  // hundred, a disable-next-line above one header in twenty, and a comment that names an unknown
  // rule (a typo) in one encounter in fifty.
  const comment = (i: number) => (i % 100 === 5 ? "  # encounter-lint-disable units -- contract\n" : i % 100 === 15 ? "  # encounter-lint-enable units\n" : i % 50 === 7 ? "  # encounter-lint-disable-next-line unit -- typo\n" : "");
  const blocks = text.replace(/(\n?)(encounter "[A-Za-z-]+ (\d+)"\n)/g, (_, eol, header, i) => `${eol}${Number(i) % 20 === 9 ? "# encounter-lint-disable-next-line missing-claim\n" : ""}${header}${comment(Number(i))}`);
  const blocksUri = "file:///bench/blocks-10000.encounter";
  await open(blocksUri, blocks);
  await keystrokes(blocksUri, blocks, "10,000 encounters with directives across encounters (disable … enable blocks, a disable-next-line above headers, unknown rule ids)");
  await c.close(blocksUri);
} finally {
  await c.stop();
}

console.log(table(["measure", "value"], rows));
