/**
 * The value a record holds under a key the user wrote, or undefined. `record[key]` would find
 * `Object.prototype`'s members for keys such as `constructor` or `toString`.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
