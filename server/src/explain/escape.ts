// HTML escaping for the explain page: text and attribute values. Most text has nothing to escape,
// so it is returned as it is without a replace (the page escapes every reason and label it prints).
const ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" };
const SPECIAL = /[<>&"]/;
const SPECIALS = /[<>&"]/g;

export const esc = (s: string): string => (SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ENTITY[c]) : s);
