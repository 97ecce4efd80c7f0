// Language-server benchmark against the built server (run `node esbuild.mjs` first):
//   node --import tsx bench/lsp.bench.ts
// Prints a table: time to first diagnostics (1,000 / 10,000 encounters), keystroke-to-diagnostics
// latency in a 10,000-encounter file (p50, p95; target p95 < 50 ms), hover and completion latency,
// and the server's memory.
import { readFileSync } from "node:fs";
import { CompletionRequest, HoverRequest } from "vscode-languageserver-protocol/node";
import { TestClient } from "../test/lsp/client.js";

const KINDS = [
  (i: number) => `encounter "R-CHOP ${i}"\n  setting hopd\n  infuse rituximab 700mg ${200 + (i % 60)}min\n  push cyclophosphamide 1400mg 5min\n  push doxorubicin 95mg 5min\n  push vincristine 2mg 2min\n  oral prednisone 100mg\n  claim 96413, 96415 x3, 96411 x3\n`,
  (i: number) => `encounter "Antiemetic ${i}"\n  setting office\n  push ondansetron 4mg 5min\n  claim 96409\n`,
  (i: number) => `encounter "FOLFOX ${i}"\n  infuse oxaliplatin 85mg 120min\n  infuse leucovorin 400mg 120min with oxaliplatin\n  push 5-FU 400mg 4min\n  pump 5-FU 2400mg 46h\n  claim 96413, 96415, 96367, 96411, 96416\n`,
  (i: number) => `encounter "Hydration ${i}"\n  setting hopd\n  push methylprednisolone 125mg 5min\n  hydrate "normal saline" 1000mL ${40 + (i % 90)}min\n`,
];

const CLEAN = (i: number) => `encounter "Premeds ${i}"\n  setting hopd\n  push diphenhydramine 25mg 5min\n  infuse rituximab 700mg 240min\n  claim 96413, 96415 x3, 96375\n`;

/**
 * Typical: one encounter in ten carries a coding error (an audit sample). Heavy: the four kinds
 * above in turn, every other encounter with findings (about 5,500 in 10,000 encounters).
 */
const fileOf = (n: number, heavy = false) =>
  Array.from({ length: n }, (_, i) => (heavy ? KINDS[i % KINDS.length](i) : i % 10 === 3 ? KINDS[1](i) : i % 2 ? CLEAN(i) : KINDS[0](i))).join("");

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const rows: [string, string][] = [];

const c = await TestClient.start({ settings: { validate: { delay: 0 } } });
try {
  for (const n of [1000, 10_000]) {
    const text = fileOf(n);
    const t0 = process.hrtime.bigint();
    const p = await c.open(`file:///bench/first-${n}.encounter`, text);
    rows.push([`first diagnostics, ${n.toLocaleString("en")} encounters (${p.diagnostics.length} findings)`, `${ms(t0).toFixed(1)} ms`]);
  }

  // Keystrokes: type "5" then delete it, in the claim line of an encounter in the middle of the file.
  const keystrokes = async (uri: string, text: string, label: string) => {
    const lines = text.split("\n");
    const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith("  claim"));
    const end = lines[line].length;
    const latencies: number[] = [];
    let version = 1;
    for (let k = 0; k < 200; k++) {
      version++;
      const change = k % 2 === 0
        ? { range: { start: { line, character: end }, end: { line, character: end } }, text: "5" }
        : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: "" };
      const next = c.diagnostics(uri, (p) => p.version === version);
      const t0 = process.hrtime.bigint();
      await c.change(uri, version, [change]);
      await next;
      latencies.push(ms(t0));
    }
    rows.push([`keystroke → diagnostics, 10,000 encounters, ${label}, p50`, `${percentile(latencies, 50).toFixed(1)} ms`]);
    rows.push([`keystroke → diagnostics, 10,000 encounters, ${label}, p95`, `${percentile(latencies, 95).toFixed(1)} ms`]);
  };
  const uri = "file:///bench/first-10000.encounter";
  const text = fileOf(10_000);
  await keystrokes(uri, text, "typical");
  const heavy = fileOf(10_000, true);
  const heavyUri = "file:///bench/heavy-10000.encounter";
  const p = await c.open(heavyUri, heavy);
  await keystrokes(heavyUri, heavy, `heavy (${p.diagnostics.length} findings)`);
  const lines = text.split("\n");

  const timeRequests = async (label: string, send: (i: number) => Promise<unknown>) => {
    const xs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = process.hrtime.bigint();
      await send(i);
      xs.push(ms(t0));
    }
    rows.push([`${label} p50 / p95`, `${percentile(xs, 50).toFixed(2)} / ${percentile(xs, 95).toFixed(2)} ms`]);
  };
  const claimLines = lines.flatMap((l, i) => (l.startsWith("  claim") ? [i] : []));
  await timeRequests("hover on a claim code, 10,000 encounters,", (i) => c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: claimLines[(i * 37) % claimLines.length], character: 9 } }));
  await timeRequests("completion on a claim line, 10,000 encounters,", (i) => c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: claimLines[(i * 37) % claimLines.length], character: 14 } }));
  rows.push(["server memory (RSS) with both files open", `${rssMb(c.child.pid!).toFixed(0)} MB`]);
} finally {
  await c.stop();
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${"measure".padEnd(width)}  value`);
console.log(`${"-".repeat(width)}  ${"-".repeat(16)}`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
