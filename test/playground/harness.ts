// Shared by the playground's browser tests, its benchmark and its screenshot script: build site/,
// serve it on 127.0.0.1 with node's http (counting the bytes sent), and start Debian's Chromium
// through playwright-core with the project's usual flags and a fresh profile.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
export const SITE = join(ROOT, "site");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const MISSING_CHROMIUM = `Chromium is not installed (${CHROMIUM}): apt-get install -y chromium`;

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".ttf": "font/ttf", ".svg": "image/svg+xml" };

export function buildSite(): void {
  const r = spawnSync(process.execPath, [join(ROOT, "playground/build.mjs")], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`building the playground failed:\n${r.stderr}`);
}

export interface SiteServer {
  url: string;
  /** Bytes of every file sent, by path, since the last reset. */
  sent: Map<string, number>;
  close(): Promise<void>;
}

/** Serves site/ read-only; any path outside it, or missing, is a 404. */
export async function serveSite(dir = SITE): Promise<SiteServer> {
  const sent = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^\/+/, "") || "index.html";
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    sent.set(path, (sent.get(path) ?? 0) + body.length);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, sent, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Chromium, or undefined when it is not installed (callers skip, or fail under CI). */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  return chromium.launch({
    executablePath: CHROMIUM,
    // playwright-core adds --headless and a fresh --user-data-dir itself.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
