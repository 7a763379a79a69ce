import * as vscode from 'vscode';
import { localize } from '../core/l10n';
import { addressFor, checkMatriculeIns, formatPatientAddress, MATRICULE_FORMAT_HINT, type AddressFormat } from '../core/nir';
import { currentLang } from './lang';
import { isPublishedLocation } from './published';

export const INSERT_PATIENT_ADDRESS = 'medguide.insertPatientAddress';

/**
 * "MedGuide: Insert patient MSSanté address". Privacy by construction: the entry lives only in the
 * password-style input box and in the local `address` below; it is never logged, never written
 * to settings or state, never put on the clipboard, and the box is emptied and disposed at once.
 */
export function registerMssanteCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(INSERT_PATIENT_ADDRESS, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown file to insert a patient MSSanté address.'));
        return;
      }
      const config = vscode.workspace.getConfiguration('medguide.mssante', editor.document.uri);
      if (config.get<boolean>('warnBeforeInsert', true) && (await isPublishedLocation(editor.document.uri))) {
        // VS Code focuses the first button that is not the close affordance: the safe choice comes
        // first, so Enter inserts nothing; Escape and VS Code's own Cancel button insert nothing either.
        const cancel: vscode.MessageItem = { title: vscode.l10n.t("Don't insert") };
        const insert: vscode.MessageItem = { title: vscode.l10n.t('Insert anyway') };
        const choice = await vscode.window.showWarningMessage(
          vscode.l10n.t('This file belongs to a published site'),
          {
            modal: true,
            detail: vscode.l10n.t(
              "The patient's number will be published with the page and kept in the file's history (undo, local history, backups, Git). Patient identifiers belong in the patient's record, not in a guide page.",
            ),
          },
          cancel,
          insert,
        );
        if (choice !== insert) return;
      }
      const address = await askAddress();
      if (!address) return;
      const text = formatPatientAddress(address, config.get<AddressFormat>('insertFormat', 'autolink'));
      await editor.edit((builder) => {
        for (const selection of editor.selections) builder.replace(selection, text);
      });
    }),
  );
}

/** Asks for the matricule INS in a password box that checks the entry as it is typed. */
function askAddress(): Promise<string | undefined> {
  const lang = currentLang();
  const box = vscode.window.createInputBox();
  box.title = vscode.l10n.t('Patient MSSanté address');
  box.prompt = localize(MATRICULE_FORMAT_HINT, lang);
  box.placeholder = vscode.l10n.t("Patient's own matricule INS (15 characters, key included)");
  box.password = true;
  box.ignoreFocusOut = true;
  box.value = '';
  const validate = (value: string): boolean => {
    if (value.trim() === '') {
      box.validationMessage = undefined;
      return false;
    }
    const check = checkMatriculeIns(value);
    if (!check.valid) {
      box.validationMessage = { message: localize(check.errors[0].message, lang), severity: vscode.InputBoxValidationSeverity.Error };
      return false;
    }
    box.validationMessage = check.warnings.length
      ? { message: localize(check.warnings[0].message, lang), severity: vscode.InputBoxValidationSeverity.Warning }
      : { message: vscode.l10n.t('Valid matricule INS: press Enter to insert the address.'), severity: vscode.InputBoxValidationSeverity.Info };
    return true;
  };
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: string | undefined) => {
      if (done) return;
      done = true;
      box.value = '';
      box.hide();
      box.dispose();
      resolve(result);
    };
    box.onDidChangeValue(validate);
    box.onDidAccept(() => {
      if (!validate(box.value)) return;
      finish(addressFor(box.value));
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}
