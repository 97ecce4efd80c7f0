// The encounter timeline as SVG: a clock axis with hour marks, a bar per infusion, hydration or
// pump start, a tick per push or injection, concurrent administrations stacked, each labelled with
// the codes it gives rise to and the initial service marked. Same picture in the CLI and the preview.
// A page of 10,000 encounters draws 10,000 of these, so each mark carries only its place and its
// classes: the look is the one stylesheet below and the key (what the colours mean) is drawn once
// per page by `timelineKey`. Coordinates are rounded to a tenth of a pixel.
import type { EncounterResult } from "../engine/analyze.js";
import { CATEGORY_WORDS, formatClock, type Service } from "../engine/derive.js";
import { esc } from "./escape.js";

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
  ".timeline .hours path { stroke: currentColor; stroke-opacity: 0.2; }",
  ".timeline .hours text { text-anchor: middle; }",
  ".timeline tspan { font-weight: bold; }",
  ".timeline rect { fill: #7f8c8d; }",
  ...Object.entries(COLOR).map(([c, color]) => `.timeline rect.${c} { fill: ${color}; }`),
  ".timeline rect.bar { fill-opacity: 0.85; rx: 3px; } .timeline rect.bar.not-reportable { fill-opacity: 0.35; }",
  ".timeline rect.initial { stroke: currentColor; stroke-width: 2; }",
  ".key { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; } .key svg { vertical-align: middle; margin-right: 4px; }",
].join("\n");

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

/** A coordinate to a tenth of a pixel: "45.3", not "45.333333333333336". */
const px = (v: number) => String(Math.round(v * 10) / 10);

/** What the colours and outlines mean, once per page (an HTML list, so it is read aloud and printed). */
export function timelineKey(): string {
  const swatch = (cls: string) => `<svg class="timeline" width="14" height="14" aria-hidden="true"><rect class="${cls}" x="2" y="2" width="10" height="10"/></svg>`;
  const items = [
    ...Object.keys(COLOR).map((c) => `${swatch(`${c} bar`)}${esc(CATEGORY_WORDS[c as keyof typeof CATEGORY_WORDS])}`),
    `${swatch("")}other services (pump refill, port flush, port draw, oral drug, line flush)`,
    `${swatch("bar initial")}★ initial service (outlined)`,
    `${swatch("bar not-reportable")}not separately reportable (faded)`,
  ];
  return `<ul class="key" aria-label="timeline key">${items.map((i) => `<li>${i}</li>`).join("")}</ul>\n<p class="meta">Bars: infusions, hydration and pump starts (a pump's first hour). Ticks: pushes and injections. Without clock times, hours count from the first administration, drawn one after the other.</p>`;
}

export function renderTimeline(r: EncounterResult, options: TimelineOptions = {}): string {
  const { placed, timed } = place(r);
  if (!placed.length) return `<p>No administrations documented.</p>`;
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
  const height = TOP + laneEnds.length * LANE;
  let hours = "";
  let labels = "";
  for (let t = t0; t <= t1; t += 60) {
    hours += `M${px(x(t))} ${TOP - 8}V${height}`;
    labels += `<text x="${px(x(t))}" y="${TOP - 12}">${timed ? formatClock(t) : `${(t - t0) / 60} h`}</text>`;
  }
  let out = `<svg class="timeline" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="timeline of ${esc(r.node.name)}">\n<g class="hours"><path d="${hours}"/>${labels}</g>`;
  for (const p of placed) {
    const s = p.service;
    const y = TOP + p.lane * LANE;
    const { name, codes } = labelOf(p);
    const cls = `${s.category}${initials.has(s) ? " initial" : ""}${p.bar ? ` bar${s.notReportable ? " not-reportable" : ""}` : ""}`;
    out += p.bar
      ? `\n<rect class="${cls}" x="${px(x(p.start))}" y="${y}" width="${px(Math.max(2, (p.end - p.start) * scale))}" height="16"/>`
      : `\n<rect class="${cls}" x="${px(x(p.start) - 2)}" y="${y - 2}" width="4" height="20"/>`;
    out += `<text x="${px(x(p.start) + (p.bar ? 4 : 6))}" y="${y + 28}">${esc(name)}${codes ? ` <tspan>${esc(codes)}</tspan>` : ""}</text>`;
  }
  return `${out}\n</svg>`;
}
