// Drug names match whatever the case, and a space, hyphen or underscore inside a name are the
// same (LANGUAGE.md §3); apostrophes are dropped so that "Ringer's" and "Ringers" match.
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .trim()
    .replace(/[\s_-]+/g, "-");
}
