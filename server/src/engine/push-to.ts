// Lists kept by key (units by claim item, services by site, findings by encounter...): one helper
// instead of the same get-push-or-set in every pass.

/** Appends `value` to the list kept under `key`, starting the list when there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
