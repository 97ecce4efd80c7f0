// The sections at the end of an HTML explanation: each derived code's description and why each of
// its lines was derived, each rule's description, source, predicted denial and suggested wording,
// and the longer notes, printed once per page however many encounters link to them, and only those
// that were linked to. On a long page the same few hundred reasons stand behind 40,000 lines.
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

/** Reasons compared in a short list before this many make a map worth it. */
const FEW_REASONS = 8;

/**
 * One line's links by reason. A reason is text made afresh for each line: hashing it as a map key
 * cost more than comparing it with the line's few reasons on a page (comparing takes about a third
 * less time, measured on 10,000 encounters). A line with many reasons (times that differ from
 * encounter to encounter) is looked up in a map, so a long page never compares a reason with thousands.
 */
class ReasonLinks {
  private readonly few: { reason: string; link: string }[] = [];
  private many?: Map<string, string>;

  get(reason: string): string | undefined {
    if (this.many) return this.many.get(reason);
    for (const e of this.few) if (e.reason === reason) return e.link;
    return undefined;
  }

  set(reason: string, link: string): void {
    if (this.many) this.many.set(reason, link);
    else if (this.few.push({ reason, link }) > FEW_REASONS) this.many = new Map(this.few.map((e) => [e.reason, e.link]));
  }
}

/** A code's derived lines: its description once, then each line's units and reason once. */
interface CodeLines {
  code: string;
  description: string;
  lines: { id: string; label: string; reason: string }[];
}

export class PageReferences {
  private readonly codes = new Map<string, CodeLines>();
  /** Each derived line's link, by label, then description, then reason. */
  private readonly links = new Map<string, Map<string, ReasonLinks>>();
  private lineCount = 0;
  private readonly rules = new Anchors("rule");
  private readonly notes = new Anchors("note");
  private noteCount = 0;

  /**
   * `label` (a derived line: code, modifiers, units) linked to why it was derived, listed under
   * the code and its description: the same line with the same reason is one entry for the page.
   * Its anchor is short (`w` and a number) as every derived line of every encounter links to one;
   * the link is kept whole, as 40,000 lines on a page link to a few hundred entries.
   */
  line(code: string, description: string, label: string, reason: string): string {
    let byDescription = this.links.get(label);
    if (!byDescription) this.links.set(label, (byDescription = new Map()));
    let byReason = byDescription.get(description);
    if (!byReason) byDescription.set(description, (byReason = new ReasonLinks()));
    let link = byReason.get(reason);
    if (!link) {
      const id = `w${++this.lineCount}`;
      link = `<a href=#${id}>${esc(label)}</a>`;
      byReason.set(reason, link);
      const codeKey = `${code}\u0000${description}`;
      let group = this.codes.get(codeKey);
      if (!group) this.codes.set(codeKey, (group = { code, description, lines: [] }));
      group.lines.push({ id, label, reason });
    }
    return link;
  }

  /** The finding's rule id linked to the rule, with the source and denial this finding gives. */
  rule(f: Finding): string {
    const id = this.rules.id(f.rule, `${f.rule}\u0000${f.source}\u0000${f.denial ?? ""}`, (id) => ruleEntry(id, f));
    return `<a href=#${id}>${esc(f.rule)}</a>`;
  }

  /** A short note in full; a longer one by its opening words, linked to the whole of it. */
  note(text: string): string {
    if (text.length <= INLINE_NOTE) return esc(text);
    const id = this.notes.id(String(this.noteCount + 1), text, (id) => {
      this.noteCount++;
      return `<p id="${id}">${esc(text)}</p>`;
    });
    return `<a href=#${id}>${esc(openingWords(text))}</a>…`;
  }

  /** The sections, or nothing when no encounter linked to any entry (exercise mode). */
  render(): string {
    const part = (title: string, entries: string[]) => (entries.length ? `\n<section class="references"><h2>${title}</h2>\n${entries.join("\n")}\n</section>` : "");
    return (
      part("Codes, and why each line was derived", this.codeEntries()) +
      part("Rules and sources", this.rules.entries(true).map((e) => e.html)) +
      part("Notes", this.notes.entries(false).map((e) => e.html))
    );
  }

  /** By code; under each, its lines in the order the page first showed them. */
  private codeEntries(): string[] {
    const groups = [...this.codes.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return groups.map((g) => {
      const lines = g.lines.map((l) => `<li id="${l.id}"><strong>${esc(l.label)}</strong>: ${esc(l.reason)}</li>`).join("\n");
      return `<h3>${esc(g.code)}</h3>${g.description ? `<p>${esc(g.description)}</p>` : ""}\n<ul>\n${lines}\n</ul>`;
    });
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
