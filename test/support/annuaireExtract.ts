// Generates Annuaire Santé extracts with the real header and INVENTED people, services and places,
// deterministic from a seed: unit tests, the CLI tests, the VS Code tests and the bench use them.
// Never a real extract: every name below is made up from lists of common words.
import { zipSync } from 'fflate';
import { EXTRACT_COLUMNS } from '../../src/core/annuaire/extract';
import { random } from './random';

export { random };

export const HEADER = EXTRACT_COLUMNS.join('|');

export interface Person {
  type: 'PER' | 'ORG' | 'APP' | 'CAB';
  address: string;
  civilite: string;
  nom: string;
  prenom: string;
  profession: string;
  savoirFaire: string;
  service: string;
  organisation: string;
  enseigne: string;
  postalCode: string;
  city: string;
  departement: string;
}

const NOMS = ['MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT', 'SIMON', 'MICHEL', 'LEFEBVRE', 'LEROY', 'ROUX', 'DAVID', 'BERTRAND', 'MOREL', 'FOURNIER', 'GIRARD', 'BONNET', 'DUPONT', 'LAMBERT', 'FONTAINE', 'ROUSSEAU', 'VINCENT', 'MULLER', 'LEFÈVRE', 'FAURE', 'ANDRÉ', 'MERCIER', 'BLANC', 'GUÉRIN', 'BOYER', 'GARNIER', 'CHEVALIER', 'FRANÇOIS', 'LEGRAND', 'GAUTHIER', 'GARCIA', 'PERRIN', 'ROBIN', 'CLÉMENT', 'MORIN', 'NICOLAS', 'HENRY', 'ROUSSEL', 'MATHIEU', 'GAUTIER', 'MASSON'];
const SYLLABES = ['ka', 'lo', 'mi', 'ra', 'ne', 'to', 'vi', 'sa', 'du', 'bre', 'ga', 'pel', 'fon', 'ter', 'zan', 'quil', 'mor', 'ste'];
const PRENOMS = ['Jean', 'Marie', 'Pierre', 'Anne', 'Louis', 'Claire', 'Paul', 'Julie', 'Hélène', 'Éric', 'Sophie', 'Luc', 'Camille', 'Nathalie', 'Jean-Marc', 'Anne-Sophie', 'Zoé', 'Noël', 'Inès', 'Gaëlle'];
const PROFESSIONS: [string, string[]][] = [
  ['Médecin', ['Cardiologie et maladies vasculaires', 'Médecine générale', 'Pédiatrie', 'Pneumologie', 'Dermatologie et vénéréologie', 'Gynécologie médicale', 'Psychiatrie', 'Endocrinologie-diabétologie-nutrition', '']],
  ['Infirmier', ['']],
  ['Pharmacien', ['']],
  ['Masseur-Kinésithérapeute', ['']],
  ['Sage-Femme', ['']],
  ['Chirurgien-Dentiste', ['Orthopédie dento-faciale', '']],
];
const VILLES: [string, string, string][] = [
  ['69003', 'LYON', '69'],
  ['69100', 'VILLEURBANNE', '69'],
  ['44000', 'NANTES', '44'],
  ['75013', 'PARIS', '75'],
  ['13005', 'MARSEILLE', '13'],
  ['42100', 'SAINT-ÉTIENNE', '42'],
  ['31000', 'TOULOUSE', '31'],
  ['59000', 'LILLE', '59'],
  ['20000', 'AJACCIO', '2A'],
  ['97400', 'SAINT-DENIS', '974'],
];
const SERVICES = ['Urgences', 'Cardiologie', 'Pédiatrie', 'Maternité', 'Secrétariat médical', 'Imagerie médicale', 'Consultations externes'];
const DOMAINES = ['medecin.mssante.fr', 'pharmacien.mssante.fr', 'infirmier.mssante.fr', 'sante-test.mssante.fr'];


function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `count` invented mailboxes: about one in seven an organisation's service, the others people; addresses unique. */
export function people(count: number, seed = 1): Person[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const out: Person[] = [];
  for (let i = 0; i < count; i++) {
    const [postalCode, city, departement] = pick(VILLES);
    if (i % 7 === 3) {
      const service = pick(SERVICES);
      const organisation = `CH TEST ${city}`;
      out.push({ type: 'ORG', address: `${ascii(service)}.${i}@ch-test-${ascii(city)}.mssante.fr`, civilite: '', nom: '', prenom: '', profession: '', savoirFaire: '', service, organisation, enseigne: `Centre hospitalier de test de ${city[0]}${city.slice(1).toLowerCase()}`, postalCode, city, departement });
      continue;
    }
    // Half the names from the common list, half invented syllable by syllable: many distinct words, as in the real extract.
    let invented = '';
    for (let k = 2 + Math.floor(rnd() * 3); k > 0; k--) invented += pick(SYLLABES);
    const nom = rnd() < 0.5 ? pick(NOMS) : invented.toUpperCase();
    const prenom = pick(PRENOMS);
    const [profession, specialties] = pick(PROFESSIONS);
    const savoirFaire = pick(specialties);
    out.push({
      type: 'PER',
      address: `${ascii(prenom)}.${ascii(nom)}${i}@${pick(DOMAINES)}`,
      civilite: rnd() < 0.5 ? 'Docteur' : '',
      nom,
      prenom,
      profession,
      savoirFaire,
      service: '',
      organisation: rnd() < 0.3 ? `CABINET ${nom}` : '',
      enseigne: '',
      postalCode,
      city,
      departement,
    });
  }
  return out;
}

/** One extract line for a person (31 fields). */
export function line(p: Person): string {
  const f = new Array<string>(EXTRACT_COLUMNS.length).fill('');
  const set = (name: (typeof EXTRACT_COLUMNS)[number], v: string) => (f[EXTRACT_COLUMNS.indexOf(name)] = v);
  set('Type de BAL', p.type);
  set('Adresse BAL', p.address);
  set('Type Identifiant PP', p.type === 'PER' ? '8' : '');
  set('Identifiant PP', p.type === 'PER' ? '0000000000' : '');
  set('Identification nationale PP', p.type === 'PER' ? '80000000000' : '');
  set('Type identifiant structure', '1');
  set('Identification Structure', '000000000');
  set('Service de rattachement', p.service);
  set("Civilité d'exercice", p.civilite);
  set("Nom d'exercice", p.nom);
  set("Prénom d'exercice", p.prenom);
  set('Libellé Profession', p.profession);
  set('Libellé savoir-faire', p.savoirFaire);
  set('Dématérialisation', 'true');
  set('Raison Sociale structure BAL', p.organisation);
  set('Enseigne commerciale structure BAL', p.enseigne);
  set('L4NUMEROVOIE', '1');
  set('NL4TYPEVOIE', 'R');
  set('L4LIBELLEVOIE', 'DE L EXEMPLE');
  set('L6LIGNEACHEMINEMENT', `${p.postalCode} ${p.city}`);
  set('Code postal', p.postalCode);
  set('Département', p.departement);
  set('Pays', 'FRANCE');
  return f.join('|');
}

export interface ExtractOptions {
  count?: number;
  seed?: number;
  crlf?: boolean;
  bom?: boolean;
  /** A `|` at the end of the header and of every line. */
  trailingSeparator?: boolean;
  /** The header in another case, without accents. */
  headerVariant?: 'as-published' | 'upper-no-accents';
  /** These 0-based person indices appear twice (the second time at the end). */
  duplicates?: number[];
  /** Lines inserted after the data: too few fields, too many, no address. */
  broken?: Array<'short' | 'long' | 'no-address'>;
  /** Blank lines at the end. */
  blankLines?: number;
}

export interface Generated {
  text: string;
  people: Person[];
  /** Data lines in the text (blank lines excluded). */
  lines: number;
  /** 1-based line numbers of the broken lines, in order. */
  brokenAt: number[];
}

/** A generated extract and what it holds. */
export function generateExtract(o: ExtractOptions = {}): Generated {
  const list = people(o.count ?? 100, o.seed ?? 1);
  const nl = o.crlf ? '\r\n' : '\n';
  const tail = o.trailingSeparator ? '|' : '';
  let header = HEADER;
  if (o.headerVariant === 'upper-no-accents') header = header.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  const lines = [header + tail, ...list.map((p) => line(p) + tail)];
  for (const i of o.duplicates ?? []) lines.push(line(list[i]) + tail);
  const brokenAt: number[] = [];
  for (const kind of o.broken ?? []) {
    const good = line(list[0]).split('|');
    let l: string;
    if (kind === 'short') l = good.slice(0, 12).join('|');
    else if (kind === 'long') l = [...good, 'extra', 'fields'].join('|');
    else l = [good[0], '', ...good.slice(2)].join('|');
    lines.push(l);
    brokenAt.push(lines.length);
  }
  let text = (o.bom ? '\uFEFF' : '') + lines.join(nl) + nl;
  for (let i = 0; i < (o.blankLines ?? 0); i++) text += nl;
  return { text, people: list, lines: lines.length - 1, brokenAt };
}

/** The extract zipped as the ANS publishes it: `Extraction_Correspondance_MSSante_<stamp>.txt` inside. */
export function zipExtract(text: string, stamp = '202611280400'): Uint8Array {
  return zipSync({ [`Extraction_Correspondance_MSSante_${stamp}.txt`]: new TextEncoder().encode(text) }, { level: 6 });
}
