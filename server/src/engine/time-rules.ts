// The time arithmetic of LANGUAGE.md §4, kept in one place because every rule leans on it.

/**
 * Additional-hour units (96361, 96366, 96415): the first 60 minutes belong to the base code; each
 * further full hour counts, plus one for a remainder of more than 30 minutes.
 * 90 min → 0, 91 → 1, 120 → 1, 150 → 1, 151 → 2, 240 → 3.
 */
export function additionalHours(totalMinutes: number): number {
  const extra = totalMinutes - 60;
  if (extra <= 0) return 0;
  return Math.floor(extra / 60) + (extra % 60 > 30 ? 1 : 0);
}

/** Secondary hydration (96361 after another initial service): first unit at 31 minutes. 90 → 1, 91 → 2. */
export function secondaryHydrationUnits(totalMinutes: number): number {
  return totalMinutes < 31 ? 0 : Math.floor((totalMinutes - 31) / 60) + 1;
}

export function describeMinutes(minutes: number): string {
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} min`;
  const h = minutes / 60;
  return `${minutes} min (${h} h)`;
}
