import * as vscode from 'vscode';
import { isNotFound, logFailure } from './log';

/**
 * Whether a file will be published: it sits under a Hugo `content/` folder, or in a Git repository
 * that has a remote (pushing shares its history). Reads through vscode.workspace.fs, so it works in
 * the browser too; any read error counts as "not known to be published" for that clue only.
 */
export async function isPublishedLocation(uri: vscode.Uri): Promise<boolean> {
  const segments = uri.path.split('/');
  if (segments.slice(0, -1).includes('content')) return true;
  let dir = vscode.Uri.joinPath(uri, '..');
  for (let depth = 0; depth < 30; depth++) {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, '.git', 'config'));
      return /^\s*\[remote\s+"/m.test(new TextDecoder().decode(bytes));
    } catch (e) {
      // No repository here: look higher (a file that is there but cannot be read is logged).
      if (!isNotFound(e)) logFailure('Reading a Git configuration', e, vscode.Uri.joinPath(dir, '.git', 'config'));
    }
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) break;
    dir = parent;
  }
  return false;
}
