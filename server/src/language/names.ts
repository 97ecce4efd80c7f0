// Drug names match whatever the case, and a space, hyphen or underscore inside a name are the
// same (LANGUAGE.md §3); apostrophes are dropped so that "Ringer's" and "Ringers" match.
export function normalizeName(name: string): string {
  if (isKeyAlready(name)) return name; // most names: one lower-case word, read for every line
  return name
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .trim()
    .replace(/[\s_-]+/g, "-");
}

/** Lower-case letters and digits only: nothing to change. */
function isKeyAlready(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}
