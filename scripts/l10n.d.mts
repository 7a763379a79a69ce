/** Every catalogue key the sources use, with where it is first used; and the `msg()` calls whose key is not a literal. */
export function usedKeys(root?: string): { keys: Map<string, string>; dynamic: string[] };
/** The English bundle (each key is its own text) for these keys, as written to l10n/bundle.l10n.json. */
export function englishBundle(keys: Iterable<string>): string;
