import type { AnnuaireEntry } from './searchIndex';

// How an entry of the index is shown, the same in the editor's quick pick and in `medguide annuaire search`.

/** The name shown for an entry: "MARTIN Jean" for a person, the organisation (or its sign, or service) otherwise. */
export function entryLabel(e: AnnuaireEntry): string {
  if (e.nom) return [e.nom, e.prenom].filter(Boolean).join(' ');
  return e.organisation || e.enseigne || e.service || e.address;
}

/** A person's profession and specialty; an organisation's service: what tells two entries apart. */
export function entryDescription(e: AnnuaireEntry): string {
  if (e.nom) return [e.profession, e.savoirFaire].filter(Boolean).join(' · ');
  return e.service !== entryLabel(e) ? e.service : '';
}

/** Then a person's service and organisation, an organisation's sign, and the place. */
export function entryDetail(e: AnnuaireEntry): string {
  const place = [e.postalCode, e.city].filter(Boolean).join(' ');
  const parts = e.nom ? [e.service, e.organisation || e.enseigne, place] : [e.enseigne !== entryLabel(e) ? e.enseigne : '', place];
  return parts.filter(Boolean).join(' · ');
}
