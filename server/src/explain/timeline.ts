// The encounter timeline as SVG: a clock axis with hour marks, a bar per infusion, hydration or
// pump start, a tick per push or injection, concurrent administrations stacked, each labelled with
// the codes it gives rise to and the initial service marked. Same picture in the CLI and the preview.
import type { EncounterResult } from "../engine/analyze.js";
import { CATEGORY_WORDS, formatClock, type Service } from "../engine/derive.js";

export interface TimelineOptions {
  /** Hide the codes (exercise mode). */
  hideCodes?: boolean;
}

export interface Placed {
  service: Service;
  start: number;
  end: number;
  lane: number;
  /** Drawn as a bar (time-based service) rather than a tick. */
  bar: boolean;
}

const WIDTH = 760;
const LEFT = 20;
const RIGHT = 20;
const LANE = 34;
const TOP = 30;
const TICK_MINUTES = 5;
/** A pump runs for days: draw its first hour and say how long it runs. */
const PUMP_SHOWN = 60;

/**
 * Colours of the marks by category (the default grey for the rest), and the look of the axis and
 * labels: one stylesheet for every timeline of a page, not attributes repeated on every mark.
 */
const COLOR: Record<string, string> = {
  "chemo-infusion": "#c0392b",
  "chemo-push": "#d35400",
  infusion: "#2e6da4",
  push: "#7d3c98",
  hydration: "#17a589",
  injection: "#b9770e",
  pump: "#922b21",
};
export const TIMELINE_CSS = [
  ".timeline { font-family: sans-serif; }",
  ".timeline text { font-size: 11px; fill: currentColor; }",
  ".timeline .hour { stroke: currentColor; stroke-opacity: 0.2; }",
  ".timeline .hour-label { text-anchor: middle; }",
  ".timeline .note { text-anchor: end; fill-opacity: 0.7; }",
  ".timeline .codes { font-weight: bold; }",
  ".timeline rect.mark { fill: #7f8c8d; }",
  ...Object.entries(COLOR).map(([c, color]) => `.timeline rect.${c} { fill: ${color}; }`),
  ".timeline rect.bar { fill-opacity: 0.85; } .timeline rect.bar.not-reportable { fill-opacity: 0.35; }",
  ".timeline rect.initial { stroke: currentColor; stroke-width: 2; }",
].join("\n");

const esc = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);

/** Clock positions: documented times where there are any, otherwise one after the other. */
export function place(r: EncounterResult): { placed: Placed[]; timed: boolean } {
  const services = r.derivation.services;
  const timed = services.some((s) => s.start !== undefined);
  let cursor = services.find((s) => s.start !== undefined)?.start ?? 0;
  const placed: Placed[] = [];
  for (const s of services) {
    const bar = ["chemo-infusion", "infusion", "hydration", "pump"].includes(s.category) && (s.minutes ?? 0) > 0;
    const shown = s.category === "pump" ? Math.min(s.minutes ?? PUMP_SHOWN, PUMP_SHOWN) : bar ? s.minutes! : TICK_MINUTES;
    const start = s.start ?? cursor;
    const end = s.start !== undefined && s.end !== undefined && s.category !== "pump" ? s.end : start + shown;
    placed.push({ service: s, start, end, lane: 0, bar });
    cursor = Math.max(cursor, end);
  }
  return { placed, timed };
}

export function renderTimeline(r: EncounterResult, options: TimelineOptions = {}): string {
  const { placed, timed } = place(r);
  if (!placed.length) return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="40" role="img" aria-label="no administrations"><text x="${LEFT}" y="24" font-size="12">No administrations documented.</text></svg>`;
  const t0 = Math.floor(Math.min(...placed.map((p) => p.start)) / 60) * 60;
  const t1 = Math.max(t0 + 60, Math.ceil(Math.max(...placed.map((p) => p.end)) / 60) * 60);
  const scale = (WIDTH - LEFT - RIGHT) / (t1 - t0);
  const x = (t: number) => LEFT + (t - t0) * scale;
  const initials = new Set(r.derivation.initials);
  const labelOf = (p: Placed) => {
    const s = p.service;
    const name = `${initials.has(s) ? "★ " : ""}${s.drugName}${s.category === "pump" && s.minutes ? ` → ${Math.round(s.minutes / 60)} h` : ""}`;
    return { name, codes: options.hideCodes ? "" : s.outcome.join("; ") };
  };
  // Lanes: each mark takes the first lane free for its bar and its label, so nothing overlaps.
  const laneEnds: number[] = [];
  for (const p of [...placed].sort((a, b) => a.start - b.start || a.service.index - b.service.index)) {
    const { name, codes } = labelOf(p);
    const labelEnd = p.start + ((name.length + codes.length + 1) * 6 + 10) / scale;
    let lane = laneEnds.findIndex((e) => e <= p.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = Math.max(p.end, labelEnd);
    p.lane = lane;
  }
  const lanes = Math.max(...placed.map((p) => p.lane)) + 1;
  const bottom = TOP + lanes * LANE + 4;
  // Legend: colour alone would not tell hydration from an infusion on a grey printout.
  const legend: string[] = [];
  let lx = LEFT;
  let ly = bottom + 6;
  const kinds = [...new Set(placed.map((p) => p.service.category))].map((c) => ({ swatch: `mark ${c}`, words: CATEGORY_WORDS[c] }));
  for (const item of [...kinds, { swatch: "", words: "★ initial service (outlined)" }]) {
    const w = (item.swatch ? 14 : 0) + item.words.length * 6.6 + 14;
    if (lx + w > WIDTH - RIGHT) [lx, ly] = [LEFT, ly + 16];
    if (item.swatch) legend.push(`<rect class="legend ${item.swatch}" x="${lx}" y="${ly}" width="10" height="10"/>`);
    legend.push(`<text class="legend" x="${lx + (item.swatch ? 14 : 0)}" y="${ly + 9}">${esc(item.words)}</text>`);
    lx += w;
  }
  const height = ly + (timed ? 18 : 32);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="timeline of ${esc(r.node.name)}" data-start="${t0}" data-scale="${scale}">`,
  ];
  for (let t = t0; t <= t1; t += 60) {
    const label = timed ? formatClock(t) : `${(t - t0) / 60} h`;
    out.push(`<line class="hour" x1="${x(t)}" y1="${TOP - 8}" x2="${x(t)}" y2="${bottom}"/>`);
    out.push(`<text class="hour-label" x="${x(t)}" y="${TOP - 12}">${label}</text>`);
  }
  if (!timed) out.push(`<text class="note" x="${WIDTH - RIGHT}" y="${height - 6}">No clock times documented: administrations drawn one after the other.</text>`);
  for (const p of placed) {
    const s = p.service;
    const y = TOP + p.lane * LANE;
    const initial = initials.has(s);
    const { name, codes } = labelOf(p);
    const attrs = `class="admin ${s.category}${initial ? " initial" : ""}${p.bar ? ` bar${s.notReportable ? " not-reportable" : ""}` : ""} mark" data-admin="${s.index}" data-start="${p.start}" data-end="${p.end}"`;
    if (p.bar) {
      out.push(`<rect ${attrs} x="${x(p.start)}" y="${y}" width="${Math.max(2, (p.end - p.start) * scale)}" height="16" rx="3"><title>${esc(`${s.drugName}: ${s.classification}`)}</title></rect>`);
    } else {
      out.push(`<rect ${attrs} x="${x(p.start) - 2}" y="${y - 2}" width="4" height="20"><title>${esc(`${s.drugName}: ${s.classification}`)}</title></rect>`);
    }
    out.push(`<text class="label" x="${x(p.start) + (p.bar ? 4 : 6)}" y="${y + 28}">${esc(name)}${codes ? ` <tspan class="codes">${esc(codes)}</tspan>` : ""}</text>`);
  }
  out.push(...legend, "</svg>");
  return out.join("\n");
}
