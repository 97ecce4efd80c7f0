// One string per distinct word of the syntax trees (drug names and their keys, codes, modifiers,
// dates, payers): a 10,000-encounter file writes the same few hundred words hundreds of thousands
// of times, and the language server keeps every tree of every open file (issue 11: memory).
// The table is global, so the trees of every file and every edit share their words; it is
// bounded, so text typed over a long session cannot grow it without end (a word met once the
// table is full is simply not shared).

const MAX_WORDS = 20_000;
const words = new Map<string, string>();

/** The shared string equal to `word`. */
export function intern(word: string): string {
  const known = words.get(word);
  if (known !== undefined || words.size >= MAX_WORDS) return known ?? word;
  // A slice of 13 characters or more points into the text it was cut from: the kept copy must
  // not keep a whole file alive (V8 copies the joined string; the slice then points into it only).
  const kept = word.length < 13 ? word : (" " + word).slice(1);
  words.set(kept, kept);
  return kept;
}
