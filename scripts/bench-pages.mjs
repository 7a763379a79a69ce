// The pages the benchmarks time, made from the example site's page: shared by scripts/bench.mjs and
// scripts/toml-locator-eval.mjs, so that both measure the same inputs.

/** Keys in the generated page's front matter: the example's own, then generated ones. */
export const BIG_PAGE_KEYS = 200;
export const BIG_PAGE_BYTES = 1024 * 1024;

export function frontMatterOf(page) {
  const m = /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/.exec(page);
  if (!m) throw new Error('page without TOML front matter');
  return m[1];
}

/** The example page's front matter plus generated keys of every TOML kind, {@link BIG_PAGE_KEYS} in all. */
export function bigFrontMatter(example) {
  const fm = frontMatterOf(example).split('\n');
  const known = fm.filter((l) => /^\w+\s*=/.test(l)).length;
  const extra = [];
  for (let i = 0; known + extra.length < BIG_PAGE_KEYS; i++) {
    const n = String(i).padStart(3, '0');
    const kinds = [
      `cle_${n} = "Valeur ${n} : texte libre d'une clé du site, avec des accents éàù"`,
      `liste_${n} = ["un", "deux", "trois ${n}"]`,
      `nombre_${n} = ${i * 7}`,
      `actif_${n} = ${i % 2 === 0}`,
      `jour_${n} = 2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
    ];
    extra.push(kinds[i % kinds.length]);
  }
  return [...fm, ...extra].join('\n');
}

/** About 1 MB: {@link bigFrontMatter}, then the example page's body repeated. */
export function bigPage(example) {
  const body = example.slice(example.indexOf('+++', 3) + 4);
  let text = `+++\n${bigFrontMatter(example)}\n+++\n`;
  for (let part = 1; Buffer.byteLength(text) < BIG_PAGE_BYTES; part++) text += `\n## Partie ${part}\n${body}`;
  return text;
}
