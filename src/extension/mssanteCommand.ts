import * as vscode from 'vscode';
import { localize } from '../core/l10n';
import { addressFor, checkMatriculeIns, formatPatientAddress, groupMatriculeEntry, isKnownExampleMatricule, MATRICULE_FORMAT_HINT, normalizeMatriculeEntry, type AddressFormat } from '../core/nir';
import { currentLang, t } from './lang';
import { isPublishedLocation } from './published';

export const INSERT_PATIENT_ADDRESS = 'medguide.insertPatientAddress';

/**
 * "MedGuide: Insert patient MSSanté address". Privacy by construction: the entry lives only in the
 * password-style input box and in the local `address` below; it is never logged, never written
 * to settings or state, never put on the clipboard, and the box is emptied and disposed at once.
 * The box's "show" button only writes it, grouped, in the box's message line. Markdown files only.
 */
export function registerMssanteCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(INSERT_PATIENT_ADDRESS, async () => {
      const editor = vscode.window.activeTextEditor;
      // Markdown only: the address is written as Markdown (autolink, mailto link), into guide pages.
      if (!editor || editor.document.languageId !== 'markdown') {
        void vscode.window.showInformationMessage(t('Open a Markdown file to insert a patient MSSanté address.'));
        return;
      }
      const config = vscode.workspace.getConfiguration('medguide.mssante', editor.document.uri);
      if (config.get<boolean>('warnBeforeInsert', true) && (await isPublishedLocation(editor.document.uri))) {
        // One way out: "Don't insert" is the dialog's close affordance, so VS Code adds no Cancel
        // button of its own, and Escape and the dialog's × give the same answer. "Insert anyway"
        // only opens the masked box, which inserts nothing until a complete, valid number is confirmed.
        const dontInsert: vscode.MessageItem = { title: t("Don't insert"), isCloseAffordance: true };
        const insert: vscode.MessageItem = { title: t('Insert anyway') };
        const choice = await vscode.window.showWarningMessage(
          t('This file belongs to a published site'),
          {
            modal: true,
            detail: t(
              "The patient's number will be published with the page and kept in the file's history (undo, local history, backups, Git). Patient identifiers belong in the patient's record, not in a guide page.",
            ),
          },
          insert,
          dontInsert,
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

/** A matricule INS has 15 characters: the box judges an entry only from then on, or when the user presses Enter. */
const COMPLETE_LENGTH = 15;

/**
 * Asks for the matricule INS in a password box that checks the entry: neutral while it is being
 * typed, an error only for a complete wrong entry (or on Enter). A button on the box shows the
 * entry on screen, grouped as on the carte Vitale, in the message line under the box, to find a
 * wrong digit, and hides it again. The box itself stays a password field all along: a browser
 * keeps the value of a text field in its session (tab restore) but never a password field's, so
 * with code-server or vscode.dev the number would otherwise outlive the box in the browser profile.
 */
function askAddress(): Promise<string | undefined> {
  const lang = currentLang();
  const box = vscode.window.createInputBox();
  box.title = t('Patient MSSanté address');
  box.placeholder = t("Patient's own matricule INS (15 characters, key included)");
  box.password = true;
  box.ignoreFocusOut = true;
  box.value = '';
  const show: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('eye'), tooltip: t('Show the number (on this screen only)') };
  const hide: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('eye-closed'), tooltip: t('Hide the number') };
  box.buttons = [show];
  let shown = false;
  /** The message line: the verdict (or the format hint), after the grouped entry when it is shown. */
  const render = (verdict: vscode.InputBoxValidationMessage | undefined) => {
    const entry = shown ? groupMatriculeEntry(box.value) : '';
    const lead = entry === '' ? '' : `${t('Entry: {0}', entry)} · `;
    const hint = localize(MATRICULE_FORMAT_HINT, lang);
    box.prompt = lead + hint;
    box.validationMessage = verdict ? { message: lead + verdict.message, severity: verdict.severity } : undefined;
  };
  /** Checks the entry; `judge` says whether an incomplete one is judged (Enter) or left neutral (typing). */
  const validate = (value: string, judge: boolean): boolean => {
    const entry = normalizeMatriculeEntry(value);
    if (entry === '' || (!judge && entry.length < COMPLETE_LENGTH)) {
      render(undefined);
      return false;
    }
    const check = checkMatriculeIns(value);
    if (!check.valid) {
      render({ message: localize(check.errors[0].message, lang), severity: vscode.InputBoxValidationSeverity.Error });
      return false;
    }
    render(
      check.warnings.length
        ? { message: localize(check.warnings[0].message, lang), severity: vscode.InputBoxValidationSeverity.Warning }
        : isKnownExampleMatricule(value)
          ? { message: t("The ANS's published example number, not a real patient's: press Enter to insert the address."), severity: vscode.InputBoxValidationSeverity.Info }
          : { message: t('Valid matricule INS: press Enter to insert the address.'), severity: vscode.InputBoxValidationSeverity.Info },
    );
    return true;
  };
  render(undefined);
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: string | undefined) => {
      if (done) return;
      done = true;
      shown = false;
      box.value = '';
      box.prompt = '';
      box.validationMessage = undefined;
      box.hide();
      box.dispose();
      resolve(result);
    };
    let judged = false;
    box.onDidChangeValue((value) => {
      judged = false;
      validate(value, false);
    });
    box.onDidTriggerButton((button) => {
      shown = button === show;
      box.buttons = [shown ? hide : show];
      validate(box.value, judged);
    });
    box.onDidAccept(() => {
      judged = true;
      if (!validate(box.value, true)) return;
      finish(addressFor(box.value));
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}
