// The Annuaire Santé's extract of MSSanté mailboxes: reading it (zip or text, in chunks), a compact
// search index, and the check of professional MSSanté addresses in pages. Pure: editor, browser, CLI.
export * from './extract';
export * from './normalize';
export * from './searchIndex';
export * from './display';
export * from './addresses';
export * from './read';
export * from './download';
export { ANNUAIRE_MESSAGES } from './messages';
