// Lists kept by key (units by claim item, services by site, findings by encounter...): one helper
// instead of the same get-push-or-set in every pass.

/** Appends `value` to the list kept under `key`, starting the list when there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A list kept under a key in a list of groups (see pushToGroup). */
export interface Group<T> {
  name: string;
  list: T[];
}

/**
 * pushTo for the few keys of one encounter (the drugs of a claim): a search of a short list of
 * groups costs less than a Map made, and iterated, for every encounter.
 */
export function pushToGroup<T>(groups: Group<T>[], name: string, value: T): void {
  const g = groups.find((x) => x.name === name);
  if (g) g.list.push(value);
  else groups.push({ name, list: [value] });
}
