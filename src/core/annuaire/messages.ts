import { type Message, msg } from '../l10n';

/** Every message of the Annuaire Santé features in the core and the CLI, in French and English. */
export const ANNUAIRE_MESSAGES = {
  addressUnknown: msg('The MSSanté address {address} is not in the Annuaire Santé extract of {date}: the mailbox may have closed or changed. Check it in the Annuaire Santé.'),
  addressUnknownUndated: msg('The MSSanté address {address} is not in the loaded Annuaire Santé extract (date unknown): the mailbox may have closed or changed. Check it in the Annuaire Santé.'),
  notExtract: msg('This file is not the Annuaire Santé extract of MSSanté mailboxes: columns missing from its first line: {missing}.'),
  emptyFile: msg('This file is empty: it is not the MSSanté mailbox extract.'),
  zipWithoutText: msg('This zip archive holds no .txt file: it is not the MSSanté mailbox extract.'),
  zipBroken: msg('Unreadable zip archive: {reason}'),
  indexBroken: msg('The saved Annuaire Santé index is unreadable ({reason}): load the extract again.'),
  summary: msg('Extract of {date}: {entries} address(es) ({lines} line(s) read, {duplicates} duplicate(s), {broken} unreadable line(s)).'),
  brokenLine: msg('line {line}: {reason}'),
  brokenColumns: msg('{fields} column(s) instead of {expected}'),
  brokenAddress: msg('missing or malformed mailbox address'),
  dateUnknown: msg('unknown date'),
  downloadFailed: msg('Download failed: {reason}'),
  downloadStatus: msg('the server answered {status}'),
  noZipInDataset: msg('the dataset lists no zip file'),
  stale: msg('The loaded Annuaire Santé extract is from {date} ({days} days ago): consider loading a fresh one.'),
  kindPER: msg('person'),
  kindORG: msg('organisation'),
  kindAPP: msg('application'),
  kindCAB: msg('practice'),
} satisfies Record<string, Message>;
