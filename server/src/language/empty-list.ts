// Lists that most of their owners leave empty (an encounter's visits and syntax errors, a claim
// item's modifiers, a service's partners and outcomes, a derived line's modifiers, a finding's
// related places) share one empty list until their first item: 10,000 encounters would otherwise
// keep tens of thousands of empty lists (issue 11: memory and garbage collection). It is frozen,
// so a push onto it fails loudly instead of giving every owner the item.

/** The shared empty list: an owner replaces it (`adding`), never adds to it. */
export const NONE: never[] = Object.freeze([]) as never[];

/**
 * `list` with `item` at its end: a new list made with the item in place of an empty one (the
 * shared one included; a list made with its first item also holds just that, where a push onto
 * an empty list reserves room for sixteen more), else the same list, added to.
 */
export function adding<X>(list: X[], item: X): X[] {
  if (!list.length) return [item];
  list.push(item);
  return list;
}
