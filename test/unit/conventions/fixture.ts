/**
 * A 40-page Hugo guide site that is NOT written in MedGuide's dialect: its own keys (`relu`,
 * `niveauPreuve`, `public`, `specialite`), three sections, a content type, a closed vocabulary
 * and a YAML page, and four outliers. The same files are on disk in
 * test/fixtures/workspace/sites/conventions/ (the real-VS-Code test opens them); a unit test
 * checks that they match this generator (`node -e` in the README of the fixture rewrites them).
 */
export const SITE = '/ws/conventions';

const SOURCES = [['HAS'], ['HAS', 'CNGE'], ['ESC'], ['SPILF', 'HAS']];
const SPECIALITES = ['cardiologie', 'pneumologie', 'pédiatrie', 'infectiologie'];
const NIVEAUX = ['A', 'B', 'C'];

function toml(lines: string[], body = 'Texte de la page.'): string {
  return `+++\n${lines.join('\n')}\n+++\n\n${body}\n`;
}

function day(i: number): string {
  return `2024-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
}

/** Content-relative path → file text. */
export function conventionsPages(): Record<string, string> {
  const pages: Record<string, string> = {};
  pages['_index.md'] = toml(['title = "Guide du cabinet des Tilleuls"']);
  pages['recommandations/_index.md'] = toml(['title = "Recommandations"']);
  pages['fiches/_index.md'] = toml(['title = "Fiches patients"']);
  pages['cabinet/_index.md'] = toml(['title = "Le cabinet"']);
  const recos = ['hta', 'asthme', 'diabete', 'bpco', 'angine', 'otite', 'cystite', 'migraine', 'lombalgie', 'depression', 'insomnie', 'goutte', 'anemie', 'zona', 'grippe', 'covid', 'acne', 'eczema', 'psoriasis', 'thyroide'];
  recos.forEach((name, i) => {
    const lines = [
      `title = "Prise en charge : ${name}"`,
      `date = ${day(i)}`,
      `lastmod = "2024-10-${String((i % 20) + 1).padStart(2, '0')}"`,
      `sources = ${JSON.stringify(SOURCES[i % SOURCES.length])}`,
      `niveauPreuve = "${NIVEAUX[i % NIVEAUX.length]}"`,
      `public = "médecins"`,
      `specialite = "${SPECIALITES[i % SPECIALITES.length]}"`,
      'relu = true',
    ];
    // Outliers: a key its section always has, missing; a value outside the vocabulary; a misspelt key.
    if (name === 'hta') lines.splice(3, 1);
    if (name === 'asthme') lines[4] = 'niveauPreuve = "b"';
    if (name === 'diabete') lines[2] = lines[2].replace('lastmod', 'lastmdo');
    pages[`recommandations/${name}.md`] = toml(lines);
  });
  const fiches = ['vaccins', 'allaitement', 'fievre', 'diarrhee', 'toux', 'brulure', 'piqure', 'voyage', 'sommeil', 'ecrans', 'tabac', 'alcool', 'sport', 'soleil'];
  fiches.forEach((name, i) => {
    const lines = [
      `title = "Fiche : ${name}"`,
      'type = "fiche"',
      `date = ${day(i + 3)}`,
      `lastmod = "2024-11-${String((i % 20) + 1).padStart(2, '0')}"`,
      `public = "patients"`,
      `specialite = "${SPECIALITES[(i + 1) % SPECIALITES.length]}"`,
      // Outlier: a type the site never uses for this key.
      name === 'vaccins' ? 'relu = "oui"' : 'relu = true',
    ];
    pages[`fiches/${name}.md`] = toml(lines);
  });
  // A YAML page: it counts for the conventions, and is otherwise left as today.
  pages['fiches/chaleur.md'] = '---\ntitle: "Fiche : chaleur"\ntype: fiche\ndate: 2024-06-20\nlastmod: "2024-11-30"\npublic: patients\nspecialite: pédiatrie\nrelu: true\n---\n\nTexte de la page.\n';
  ['horaires', 'equipe', 'acces', 'tarifs', 'teleconsultation'].forEach((name, i) => {
    pages[`cabinet/${name}.md`] = toml([`title = "Cabinet : ${name}"`, `date = ${day(i + 7)}`, `lastmod = "2024-12-0${i + 1}"`, 'relu = true']);
  });
  return pages;
}

/** The whole site: hugo.toml and the pages, by absolute path under `root`. */
export function conventionsSite(root = SITE): Record<string, string> {
  const files: Record<string, string> = { [`${root}/hugo.toml`]: 'title = "Guide du cabinet des Tilleuls"\nlanguageCode = "fr"\n' };
  for (const [p, text] of Object.entries(conventionsPages())) files[`${root}/content/${p}`] = text;
  return files;
}
