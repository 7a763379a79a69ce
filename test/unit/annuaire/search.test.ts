import { strict as assert } from 'node:assert';
import { fold, queryWords, readExtract, type AnnuaireIndex } from '../../../src/core/annuaire';
import { EXTRACT_COLUMNS } from '../../../src/core/annuaire/extract';
import { generateExtract, HEADER, type Person } from '../../support/annuaireExtract';

function lineOf(p: Partial<Record<(typeof EXTRACT_COLUMNS)[number], string>>): string {
  return EXTRACT_COLUMNS.map((c) => p[c] ?? '').join('|');
}

/** A hand-made extract: a few invented people and services, to assert exact rankings. */
const HAND = [
  HEADER,
  lineOf({ 'Type de BAL': 'PER', 'Adresse BAL': 'jean.martin@medecin.mssante.fr', "Nom d'exercice": 'MARTIN', "Prénom d'exercice": 'Jean', 'Libellé Profession': 'Médecin', 'Libellé savoir-faire': 'Cardiologie et maladies vasculaires', L6LIGNEACHEMINEMENT: '69003 LYON', 'Code postal': '69003', Département: '69' }),
  lineOf({ 'Type de BAL': 'PER', 'Adresse BAL': 'claire.martinez@medecin.mssante.fr', "Nom d'exercice": 'MARTINEZ', "Prénom d'exercice": 'Claire', 'Libellé Profession': 'Médecin', 'Libellé savoir-faire': 'Cardiologie et maladies vasculaires', L6LIGNEACHEMINEMENT: '69100 VILLEURBANNE', 'Code postal': '69100', Département: '69' }),
  lineOf({ 'Type de BAL': 'PER', 'Adresse BAL': 'paul.martin@medecin.mssante.fr', "Nom d'exercice": 'MARTIN', "Prénom d'exercice": 'Paul', 'Libellé Profession': 'Médecin', 'Libellé savoir-faire': 'Pédiatrie', L6LIGNEACHEMINEMENT: '44000 NANTES', 'Code postal': '44000', Département: '44' }),
  lineOf({ 'Type de BAL': 'PER', 'Adresse BAL': 'luc.durand@medecin.mssante.fr', "Nom d'exercice": 'DURAND', "Prénom d'exercice": 'Luc', 'Libellé Profession': 'Médecin', 'Libellé savoir-faire': 'Cardiologie et maladies vasculaires', 'Raison Sociale structure BAL': 'CABINET MARTIN', L6LIGNEACHEMINEMENT: '69003 LYON', 'Code postal': '69003', Département: '69' }),
  lineOf({ 'Type de BAL': 'ORG', 'Adresse BAL': 'urgences@chu-test-nantes.mssante.fr', 'Service de rattachement': 'Service des urgences adultes', 'Raison Sociale structure BAL': 'CHU TEST DE NANTES', L6LIGNEACHEMINEMENT: '44093 NANTES CEDEX 1', 'Code postal': '44093', Département: '44' }),
  lineOf({ 'Type de BAL': 'ORG', 'Adresse BAL': 'pediatrie@chu-test-nantes.mssante.fr', 'Service de rattachement': 'Pédiatrie', 'Raison Sociale structure BAL': 'CHU TEST DE NANTES', L6LIGNEACHEMINEMENT: '44093 NANTES CEDEX 1', 'Code postal': '44093', Département: '44' }),
  lineOf({ 'Type de BAL': 'PER', 'Adresse BAL': 'zoe.lefevre@infirmier.mssante.fr', "Nom d'exercice": 'LEFÈVRE', "Prénom d'exercice": 'Zoé', 'Libellé Profession': 'Infirmier', L6LIGNEACHEMINEMENT: '42100 SAINT-ÉTIENNE', 'Code postal': '42100', Département: '42' }),
].join('\n');

describe('annuaire: search', () => {
  let hand: AnnuaireIndex;
  before(async () => {
    hand = await readExtract(new TextEncoder().encode(HAND));
  });
  const addresses = (q: string, limit?: number) => hand.search(q, limit).entries.map((e) => e.address);

  it('folds case, accents, ligatures and hyphens', () => {
    assert.equal(fold('Saint-Étienne ŒDÈME'), 'saint-etienne oedeme');
    assert.deepEqual(queryWords('  Chu de NANTES, urgences '), ['chu', 'nantes', 'urgences']);
    assert.deepEqual(queryWords('martin du'), ['martin', 'du'], 'the last word may be a name being typed');
    assert.deepEqual(queryWords('mart martin'), ['martin']);
  });

  it('"martin cardio 69": the cardiologist named Martin in the 69 first, then the one whose practice is named Martin, then Martinez', () => {
    assert.deepEqual(addresses('martin cardio 69'), ['jean.martin@medecin.mssante.fr', 'luc.durand@medecin.mssante.fr', 'claire.martinez@medecin.mssante.fr']);
  });

  it('a name outranks an organisation, a whole word outranks a prefix, equal scores go alphabetically', () => {
    assert.deepEqual(addresses('martin'), ['jean.martin@medecin.mssante.fr', 'paul.martin@medecin.mssante.fr', 'luc.durand@medecin.mssante.fr', 'claire.martinez@medecin.mssante.fr']);
    assert.deepEqual(addresses('durand'), ['luc.durand@medecin.mssante.fr']);
  });

  it('"chu nantes urgences" finds the service; "de" is ignored', () => {
    assert.deepEqual(addresses('chu nantes urgences'), ['urgences@chu-test-nantes.mssante.fr']);
    assert.deepEqual(addresses('chu de nantes'), ['pediatrie@chu-test-nantes.mssante.fr', 'urgences@chu-test-nantes.mssante.fr']);
  });

  it('matches without accents or hyphens, by town, postal code and département', () => {
    assert.deepEqual(addresses('lefevre saint etienne'), ['zoe.lefevre@infirmier.mssante.fr']);
    assert.deepEqual(addresses('ZOÉ'), ['zoe.lefevre@infirmier.mssante.fr']);
    assert.deepEqual(addresses('42100'), ['zoe.lefevre@infirmier.mssante.fr']);
    // The service named Pédiatrie (service weighs more than specialty), then the paediatrician.
    assert.deepEqual(addresses('pediatrie 44'), ['pediatrie@chu-test-nantes.mssante.fr', 'paul.martin@medecin.mssante.fr']);
  });

  it('answers nothing for an empty query or a word no entry starts with, and counts every match', () => {
    assert.deepEqual(hand.search('', 10), { entries: [], total: 0 });
    assert.deepEqual(hand.search(' ,; ', 10), { entries: [], total: 0 });
    assert.deepEqual(hand.search('martin xylophone', 10), { entries: [], total: 0 });
    const r = hand.search('m', 2);
    assert.equal(r.entries.length, 2);
    assert.equal(r.total, 4, 'the three Martins and Durand (cabinet MARTIN, médecin)');
  });

  it('on a generated extract: every result matches every word, and the limit keeps the best', async () => {
    const g = generateExtract({ count: 3000, seed: 11 });
    const index = await readExtract(new TextEncoder().encode(g.text));
    const byAddress = new Map<string, Person>(g.people.map((p) => [p.address, p]));
    for (const q of ['martin', 'mar jea', 'cardio lyon', 'ch test nantes urg', 'infirmier 974', 'pe']) {
      const r = index.search(q, 25);
      assert.ok(r.total >= r.entries.length);
      assert.ok(r.entries.length > 0, q);
      for (const e of r.entries) {
        const p = byAddress.get(e.address)!;
        const text = [p.nom, p.prenom, p.profession, p.savoirFaire, p.service, p.organisation, p.enseigne, p.city, p.postalCode, p.departement].map(fold).join(' ');
        const w = text.split(/[^a-z0-9]+/);
        for (const word of queryWords(q)) assert.ok(w.some((x) => x.startsWith(word)), `${e.address} matches "${word}" of "${q}"`);
      }
      // The full list's count: every matching person.
      const expected = g.people.filter((p) => {
        const w = [p.nom, p.prenom, p.profession, p.savoirFaire, p.service, p.organisation, p.enseigne, p.city, p.postalCode, p.departement].map(fold).join(' ').split(/[^a-z0-9]+/).filter((x) => x.length > 1);
        return queryWords(q).every((word) => w.some((x) => x.startsWith(word)));
      }).length;
      assert.equal(r.total, expected, q);
    }
  });
});
