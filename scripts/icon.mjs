// Makes images/icon.png (the 128 px extension icon) from images/icon.svg with headless Chromium.
// Chromium's headless window is taller than its page area, so the shot is taken larger and the
// top-left 128 × 128 pixels are kept (PNG decoded and re-encoded here; no image library needed).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { deflateSync, inflateSync } from "node:zlib";

const SIZE = 128;
const dir = mkdtempSync(join(tmpdir(), "icon-"));
writeFileSync(join(dir, "icon.html"), `<html><body style="margin:0">${readFileSync("images/icon.svg", "utf8")}</body></html>`);
const shot = join(dir, "shot.png");
const r = spawnSync("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--force-device-scale-factor=1", "--hide-scrollbars", "--default-background-color=00000000", "--no-first-run", `--user-data-dir=${join(dir, "profile")}`, `--screenshot=${shot}`, "--window-size=400,400", `file://${join(dir, "icon.html")}`], { encoding: "utf8", timeout: 60_000 });
if (r.status !== 0) throw new Error(r.stderr);
writeFileSync("images/icon.png", crop(readFileSync(shot), SIZE));
rmSync(dir, { recursive: true, force: true });
console.log(`wrote ${resolve("images/icon.png")}`);

/** The top-left square of an 8-bit RGBA PNG. */
function crop(png, size) {
  let i = 8;
  let width = 0;
  const idat = [];
  while (i < png.length) {
    const len = png.readUInt32BE(i);
    const type = png.toString("ascii", i + 4, i + 8);
    if (type === "IHDR") width = png.readUInt32BE(i + 8);
    if (type === "IDAT") idat.push(png.subarray(i + 8, i + 8 + len));
    i += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rows = [];
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < size; y++) {
    const line = raw.subarray(y * (stride + 1), (y + 1) * (stride + 1));
    const row = Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? row[x - 4] : 0;
      const b = prev[x];
      const c = x >= 4 ? prev[x - 4] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      row[x] = line[1 + x] + [0, a, b, (a + b) >> 1, paeth][line[0]];
    }
    rows.push(Buffer.concat([Buffer.from([0]), row.subarray(0, size * 4)]));
    prev = row;
  }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length);
    head.write(type, 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([png.subarray(0, 8), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
