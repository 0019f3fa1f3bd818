/**
 * `compute`, remembered per argument object: a second call with the same object returns the first
 * result. For pure functions of objects that nobody changes afterwards (a parsed case file's parts).
 */
export function oncePerObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const results = new WeakMap<K, V>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) {
      result = compute(key);
      results.set(key, result);
    }
    return result;
  };
}
