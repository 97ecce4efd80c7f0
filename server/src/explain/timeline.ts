// The encounter timeline as SVG: a clock axis with hour marks, a bar per infusion, hydration or
// pump start, a tick per push or injection, concurrent administrations stacked, each labelled with
// the codes it gives rise to and the initial service marked. Same picture in the CLI and the preview.
// A page of 10,000 encounters draws 10,000 of these, so each mark carries only its place and its
// classes: the look (sizes included) is the one stylesheet below, the key (what the colours mean)
// is drawn once per page by `timelineKey`, and an axis, or a whole picture, is drawn the first time
// the page needs it and reused by every later timeline that is the same (`PageDrawings`).
// Coordinates are rounded to a tenth of a pixel; attribute values that need no quotes have none.
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

/** Narrow enough to print on A4 or Letter at the browsers' default margins without scaling. */
const WIDTH = 700;
const LEFT = 20;
const RIGHT = 20;
const LANE = 34;
const TOP = 30;
const TICK_MINUTES = 5;
/** A pump runs for days: draw its first hour and say how long it runs. */
const PUMP_SHOWN = 60;
/** Hour lines run this far down; the picture's edge cuts them at its own height. */
const AXIS_FOOT = 9999;
/** Pictures a page remembers for reuse (a few hundred bytes each). */
const KEPT = 2000;

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
/**
 * Bars are the rects with a width (their length is the service's minutes); ticks have none and
 * take theirs from here, like every mark's height (CSS sizes a rect, SVG 2; baseline since 2020);
 * the key's swatches have both as attributes. Selectors name the element itself, never its
 * ancestors: the copy a `<use>` makes of a picture matches those, not ones through the page.
 */
export const TIMELINE_CSS = [
  `figure > svg { width: ${WIDTH}px; font: 11px sans-serif; }`,
  "text { fill: currentColor; } tspan { font-weight: bold; }",
  "rect { fill: #7f8c8d; }",
  ...Object.entries(COLOR).map(([c, color]) => `rect.${c} { fill: ${color}; }`),
  "rect:not([height]) { height: 16px; } rect:not([height]):not([width]) { width: 4px; height: 20px; }",
  "rect[width] { fill-opacity: 0.85; rx: 3px; } rect.faded { fill-opacity: 0.35; }",
  "rect.initial { stroke: currentColor; stroke-width: 2; }",
  ".key { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; } .key svg { vertical-align: middle; margin-right: 4px; }",
].join("\n");

/** Categories drawn as bars when they have minutes. */
const BARS = new Set(["chemo-infusion", "infusion", "hydration", "pump"]);

/** Clock positions: documented times where there are any, otherwise one after the other. */
export function place(r: EncounterResult): { placed: Placed[]; timed: boolean } {
  const services = r.derivation.services;
  const timed = services.some((s) => s.start !== undefined);
  let cursor = services.find((s) => s.start !== undefined)?.start ?? 0;
  const placed: Placed[] = [];
  for (const s of services) {
    const bar = BARS.has(s.category) && (s.minutes ?? 0) > 0;
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
  const swatch = (cls: string) => `<svg width="14" height="14" aria-hidden="true"><rect class="${cls}" x="2" y="2" width="10" height="10"/></svg>`;
  const items = [
    ...Object.keys(COLOR).map((c) => `${swatch(c)}${esc(CATEGORY_WORDS[c as keyof typeof CATEGORY_WORDS])}`),
    `${swatch("")}other services (pump refill, port flush, port draw, oral drug, line flush)`,
    `${swatch("initial")}★ initial service (outlined)`,
    `${swatch("faded")}not separately reportable (faded)`,
  ];
  return `<ul class="key" aria-label="timeline key">${items.map((i) => `<li>${i}</li>`).join("")}</ul>\n<p class="meta">Bars: infusions, hydration and pump starts (a pump's first hour). Ticks: pushes and injections. Without clock times, hours count from the first administration, drawn one after the other.</p>`;
}

/**
 * What a page has drawn with an id, so that later timelines reuse it (`<use>`) rather than draw it
 * again. An axis depends only on its first hour and its number of hours (its lines run past any
 * timeline's foot and the picture's edge cuts them); a timeline's marks on the administrations,
 * their minutes and codes. On a long page most encounters share a handful of axes, and every
 * encounter of a regimen given the same way the same picture. Only the newest `KEPT` pictures are
 * remembered, so the page's memory stays flat whatever the file. What a `<use>` copies is styled
 * by its attributes, what it inherits and selectors naming the element itself (`TIMELINE_CSS`).
 */
export class PageDrawings {
  private readonly axes = new Set<string>();
  private readonly pictures = new Map<string, string>();
  /** Picture keys by their quick names (bounded like the pictures; a name whose picture was forgotten draws it again). */
  private readonly keys = new Map<string, string>();
  private count = 0;

  /** The axis from `t0` across `hours` hours; `timed` labels clock times, otherwise hours from 0. */
  axis(t0: number, hours: number, timed: boolean, x: (t: number) => number): string {
    const id = timed ? `axis-${t0}-${hours}` : `axis-${hours}h`;
    if (this.axes.has(id)) return `<use href=#${id} />`;
    this.axes.add(id);
    let lines = "";
    let labels = "";
    for (let h = 0; h <= hours; h++) {
      const at = px(x(t0 + h * 60));
      lines += `M${at} ${TOP - 8}V${AXIS_FOOT}`;
      labels += `<text x="${at}" y="${TOP - 12}">${timed ? formatClock(t0 + h * 60) : `${h} h`}</text>`;
    }
    return `<g id="${id}" fill="currentColor" text-anchor="middle"><path d="${lines}" stroke="currentColor" stroke-opacity="0.2"/>${labels}</g>`;
  }

  /**
   * A picture: drawn with an id the first time (`draw` makes it from its key), after that a
   * `<use>` of it. Its key (`exact`: the axis and every mark as drawn) is made once per `quick`
   * name, a cheaper text that names equal marks only (see `Timeline`): on a page of repeated
   * regimens most timelines are known by that name without writing their marks.
   */
  picture(quick: string, exact: () => string, draw: (key: string) => string): string {
    let key = this.keys.get(quick);
    if (key === undefined) {
      key = exact();
      if (this.keys.size >= 2 * KEPT) this.keys.delete(this.keys.keys().next().value!);
      this.keys.set(quick, key);
    }
    const known = this.pictures.get(key);
    if (known) return `<use href=#${known} />`;
    if (this.pictures.size >= KEPT) this.pictures.delete(this.pictures.keys().next().value!);
    const id = `tl-${++this.count}`;
    this.pictures.set(key, id);
    return `<g id=${id}>${draw(key)}</g>`;
  }
}

/**
 * One encounter's timeline, before it is written: `exact` is the picture's key (the axis named,
 * then every mark as drawn); `quick` names the same marks from what they are drawn from (each
 * mark's minutes from the axis's first hour, length, lane, shape, classes and label), without
 * writing them. Equal quick names give equal keys: the marks are made of nothing else.
 */
export interface Timeline {
  quick: string;
  exact(): string;
  /** The axis and the marks, given the key `exact` made. */
  draw(drawings: PageDrawings, key: string): string;
  height: number;
}

/** The timeline of an encounter with administrations (undefined without any). */
export function timeline(r: EncounterResult, options: TimelineOptions = {}): Timeline | undefined {
  const { placed, timed } = place(r);
  if (!placed.length) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (const p of placed) {
    first = Math.min(first, p.start);
    last = Math.max(last, p.end);
  }
  const t0 = Math.floor(first / 60) * 60;
  const t1 = Math.max(t0 + 60, Math.ceil(last / 60) * 60);
  const scale = (WIDTH - LEFT - RIGHT) / (t1 - t0);
  const x = (t: number) => LEFT + (t - t0) * scale;
  const initials = new Set(r.derivation.initials);
  // Each mark's label and classes, made once: the label's length places the lanes, both are drawn.
  const labels = placed.map(({ service: s, bar }) => ({
    name: `${initials.has(s) ? "★ " : ""}${s.drugName}${s.category === "pump" && s.minutes ? ` → ${Math.round(s.minutes / 60)} h` : ""}`,
    codes: options.hideCodes ? "" : s.outcome.join("; "),
    cls: `${s.category}${initials.has(s) ? " initial" : ""}${bar && s.notReportable ? " faded" : ""}`,
  }));
  // Lanes: each mark takes the first lane free for its bar and its label, so nothing overlaps.
  const laneEnds: number[] = [];
  const byStart = placed.map((_, i) => i).sort((a, b) => placed[a].start - placed[b].start || placed[a].service.index - placed[b].service.index);
  for (const i of byStart) {
    const p = placed[i];
    const { name, codes } = labels[i];
    const labelEnd = p.start + ((name.length + codes.length + 1) * 6 + 10) / scale;
    let lane = laneEnds.findIndex((e) => e <= p.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = Math.max(p.end, labelEnd);
    p.lane = lane;
  }
  const hours = (t1 - t0) / 60;
  const axis = timed ? `${t0}-${hours}` : `${hours}h`;
  let quick = axis;
  placed.forEach((p, i) => {
    const { name, codes, cls } = labels[i];
    // Texts by their lengths, so no label can run into the next mark's part.
    quick += `|${p.start - t0} ${p.end - p.start} ${p.lane} ${p.bar ? "bar" : "tick"} ${cls.length}:${cls}${name.length}:${name}${codes.length}:${codes}`;
  });
  const marks = () => {
    let out = "";
    placed.forEach((p, i) => {
      const y = TOP + p.lane * LANE;
      const { name, codes, cls } = labels[i];
      const quoted = cls.includes(" ") ? `"${cls}"` : cls;
      // A bar's length is its width; a tick has none (the stylesheet gives it 4 px) and is centred on its time.
      out += p.bar ? `\n<rect class=${quoted} x=${px(x(p.start))} y=${y} width=${px(Math.max(2, (p.end - p.start) * scale))} />` : `\n<rect class=${quoted} x=${px(x(p.start) - 2)} y=${y - 2} />`;
      out += `<text x=${px(x(p.start) + (p.bar ? 4 : 6))} y=${y + 28}>${esc(name)}${codes ? ` <tspan>${esc(codes)}</tspan>` : ""}</text>`;
    });
    return out;
  };
  return {
    quick,
    exact: () => `${axis}${marks()}`,
    draw: (drawings, key) => `${drawings.axis(t0, hours, timed, x)}${key.slice(axis.length)}`,
    height: TOP + laneEnds.length * LANE,
  };
}

export function renderTimeline(r: EncounterResult, options: TimelineOptions = {}, drawings = new PageDrawings()): string {
  const t = timeline(r, options);
  if (!t) return `<p>No administrations documented.</p>`;
  return `<svg height=${t.height}>${drawings.picture(t.quick, t.exact, (key) => t.draw(drawings, key))}</svg>`;
}
