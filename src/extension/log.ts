import * as vscode from 'vscode';

/**
 * The "MedGuide" log (Output panel, and a file in VS Code's logs folder): failures MedGuide
 * catches and gets over (a file it cannot read, a site it cannot list…) are written here rather
 * than lost. Only an error's name, its message (first line, numbers that could be a patient's
 * masked) and the file's path are written: never the text of a page, never a NIR.
 */
let channel: vscode.LogOutputChannel | undefined;

/** Creates the channel (activation); it is disposed, and later failures go nowhere, with the extension's subscriptions. */
export function createLog(subscriptions: vscode.Disposable[]): vscode.LogOutputChannel {
  const own = vscode.window.createOutputChannel('MedGuide', { log: true });
  channel = own;
  subscriptions.push(own, {
    dispose() {
      if (channel === own) channel = undefined;
    },
  });
  return own;
}

/** Runs of ten digits or more (spaces, dots or dashes between them, Corsica's 2A/2B included): what a NIR looks like. */
const LONG_NUMBER = /\d(?:[ .\-]?[\dAB]){9,}/gi;

/** A line fit for the log: its first line only, long numbers masked, at most 300 characters. */
export function redact(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const masked = first.replace(LONG_NUMBER, '[…]');
  return masked.length > 300 ? `${masked.slice(0, 299)}…` : masked;
}

function describe(error: unknown): string {
  if (error instanceof vscode.FileSystemError) return `${error.name} (${error.code}): ${redact(error.message)}`;
  if (error instanceof Error) return `${error.name}: ${redact(error.message)}`;
  return redact(String(error));
}

function where(resource: vscode.Uri | string | undefined): string {
  if (resource === undefined) return '';
  return ` [${redact(typeof resource === 'string' ? resource : resource.scheme === 'file' ? resource.fsPath : resource.toString())}]`;
}

/** A failure MedGuide caught and got over: what it was doing, the error, the file. */
export function logFailure(doing: string, error: unknown, resource?: vscode.Uri | string): void {
  channel?.warn(`${doing}: ${describe(error)}${where(resource)}`);
}

/** An unexpected failure (a bug of MedGuide's): logged as an error. */
export function logError(doing: string, error: unknown, resource?: vscode.Uri | string): void {
  channel?.error(`${doing}: ${describe(error)}${where(resource)}`);
}

export function logInfo(message: string): void {
  channel?.info(redact(message));
}

/** Whether a file system error only says the file is not there (probing for a file is routine, not a failure). */
export function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}
