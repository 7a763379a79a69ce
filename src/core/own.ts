/**
 * `table[key]` when the table has that key of its own, for tables of plain objects looked up with a
 * word from a page, a setting or the command line: `constructor` or `toString` is not a key of
 * Object's.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
