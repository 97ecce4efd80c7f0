// The sections at the end of an HTML explanation: each code's description, each rule's
// description, source, predicted denial and suggested wording, and the longer notes, printed once
// per page however many encounters link to them, and only those that were linked to.
import type { Finding } from "../engine/finding.js";
import { RULES } from "../engine/rules.js";
import { WORDING } from "./wording.js";
import { esc } from "./escape.js";

/** A note up to this length reads better in place than behind a link. */
const INLINE_NOTE = 100;

interface Entry {
  id: string;
  html: string;
}

/** Entries by what they say, each with an anchor; a second wording of one code or rule gets "-2". */
class Anchors {
  private readonly byKey = new Map<string, Entry>();
  private readonly perName = new Map<string, number>();

  constructor(private readonly prefix: string) {}

  /** The anchor of `key`, made from `name` (and written by `html`) the first time it is asked for. */
  id(name: string, key: string, html: (id: string) => string): string {
    const known = this.byKey.get(key);
    if (known) return known.id;
    const count = (this.perName.get(name) ?? 0) + 1;
    this.perName.set(name, count);
    const id = `${this.prefix}-${name}${count > 1 ? `-${count}` : ""}`;
    this.byKey.set(key, { id, html: html(id) });
    return id;
  }

  /** In order of their anchors (codes and rules are looked up), or as first linked (notes). */
  entries(sorted: boolean): Entry[] {
    const list = [...this.byKey.values()];
    return sorted ? list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : list;
  }
}

export class PageReferences {
  private readonly codes = new Anchors("code");
  private readonly rules = new Anchors("rule");
  private readonly notes = new Anchors("note");
  private noteCount = 0;

  /** `label` (already escaped) linked to the code's description; plain when there is none. */
  code(code: string, description: string, label: string): string {
    if (!description) return label;
    const id = this.codes.id(code, `${code}\u0000${description}`, (id) => `<dt id="${id}">${esc(code)}</dt><dd>${esc(description)}</dd>`);
    return `<a href="#${id}">${label}</a>`;
  }

  /** The finding's rule id linked to the rule, with the source and denial this finding gives. */
  rule(f: Finding): string {
    const id = this.rules.id(f.rule, `${f.rule}\u0000${f.source}\u0000${f.denial ?? ""}`, (id) => ruleEntry(id, f));
    return `<a href="#${id}">${esc(f.rule)}</a>`;
  }

  /** A short note in full; a longer one by its opening words, linked to the whole of it. */
  note(text: string): string {
    if (text.length <= INLINE_NOTE) return esc(text);
    const id = this.notes.id(String(this.noteCount + 1), text, (id) => {
      this.noteCount++;
      return `<p id="${id}">${esc(text)}</p>`;
    });
    return `<a href="#${id}">${esc(openingWords(text))}</a>…`;
  }

  /** The sections, or nothing when no encounter linked to any entry (exercise mode). */
  render(): string {
    const part = (title: string, entries: Entry[], wrap: (body: string) => string) =>
      entries.length ? `\n<section class="references"><h2>${title}</h2>\n${wrap(entries.map((e) => e.html).join("\n"))}\n</section>` : "";
    return (
      part("Codes", this.codes.entries(true), (b) => `<dl>\n${b}\n</dl>`) +
      part("Rules and sources", this.rules.entries(true), (b) => b) +
      part("Notes", this.notes.entries(false), (b) => b)
    );
  }
}

function ruleEntry(id: string, f: Finding): string {
  const info = RULES.get(f.rule);
  const w = WORDING[f.rule];
  return (
    `<div id="${id}"><h3>${esc(f.rule)}${info ? `: ${esc(info.title)}` : ""}</h3>` +
    (info ? `<p>${esc(info.description)}</p>` : "") +
    (f.denial ? `<p>Predicted denial: ${esc(f.denial)}</p>` : "") +
    `<p class="meta">Source: ${esc(f.source)}</p>` +
    (w ? `<p class="wording">Query to the clinic: ${esc(w.query)}${w.appeal ? ` Appeal or corrected claim: ${esc(w.appeal)}` : ""}</p>` : "") +
    "</div>"
  );
}

/** A note's first clause of at least 20 characters ("No primary reason for the encounter is stated"). */
function openingWords(text: string): string {
  const cut = text.slice(20).search(/[.,:;(]/);
  return (cut < 0 ? text : text.slice(0, 20 + cut)).trim();
}
