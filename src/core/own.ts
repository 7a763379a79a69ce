/**
 * `table[key]` when the table has that key of its own, for tables of plain objects looked up with a
 * word from a page, a setting or the command line: `constructor` or `toString` is not a key of
 * Object's.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/**
 * A table as TOML, YAML and JSON give one: a plain object, not an array, nor a date (smol-toml's
 * dates are objects too).
 */
export function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
