// Small helpers the dashboard's model modules share, so each is written once.

/** Appends `value` to the list filed under `key`, creating the list the first time. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  let list = map.get(key);
  if (list === undefined) map.set(key, (list = []));
  list.push(value);
}

/**
 * Orders strings by UTF-16 code units, not by locale: ids and ISO dates sort the same on every
 * machine, which keeps lists stable (and comparable by identity) whatever the viewer's language.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
