// Minute intervals on the encounter's timeline, merged by one sweep over their sorted starts, so
// that counting minutes inside or outside a set of administrations stays near-linear.

export interface Interval {
  start: number;
  end: number;
}

/** A merged interval and the names of what it was made from (for explanations). */
export interface Merged extends Interval {
  names: string[];
}

/** Sorted, disjoint intervals covering the same minutes as `items` (touching ones join). */
export function merge(items: readonly (Interval & { name?: string })[]): Merged[] {
  const sorted = items.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Merged[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      last.end = Math.max(last.end, i.end);
      if (i.name && !last.names.includes(i.name)) last.names.push(i.name);
    } else out.push({ start: i.start, end: i.end, names: i.name ? [i.name] : [] });
  }
  return out;
}

/** Total minutes of sorted, disjoint intervals. */
export function measure(items: readonly Interval[]): number {
  return items.reduce((n, i) => n + (i.end - i.start), 0);
}

/** Minutes of `i` covered by the sorted, disjoint `cover`, and the names of the pieces it meets. */
export function overlapWith(i: Interval, cover: readonly Merged[]): { minutes: number; names: string[] } {
  let lo = 0;
  let hi = cover.length;
  while (lo < hi) {
    // First piece that ends after i starts.
    const mid = (lo + hi) >> 1;
    if (cover[mid].end <= i.start) lo = mid + 1;
    else hi = mid;
  }
  let minutes = 0;
  const names: string[] = [];
  for (let k = lo; k < cover.length && cover[k].start < i.end; k++) {
    minutes += Math.min(i.end, cover[k].end) - Math.max(i.start, cover[k].start);
    for (const n of cover[k].names) if (!names.includes(n)) names.push(n);
  }
  return { minutes, names };
}

/** Minutes of the sorted, disjoint `items` not covered by the sorted, disjoint `cover`. */
export function minutesOutside(items: readonly Interval[], cover: readonly Merged[]): number {
  return items.reduce((n, i) => n + (i.end - i.start) - overlapWith(i, cover).minutes, 0);
}
