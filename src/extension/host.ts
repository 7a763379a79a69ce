import * as vscode from 'vscode';
import type { DirEntry, FileStat, SiteHost } from '../core/site';
import { isNotFound, logFailure } from './log';

/**
 * The site model's host over `workspace.fs` (works on virtual file systems and in the browser).
 * An open document's unsaved text wins over the disk, so other pages see what the author sees; its
 * version stands in for the modification time, so a cache keyed on (mtime, size) follows the edits.
 */
export class VscodeHost implements SiteHost {
  constructor(private readonly base: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return this.base.with({ path, query: '', fragment: '' });
  }

  private open(path: string): vscode.TextDocument | undefined {
    const key = this.uri(path).toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  async readDirectory(path: string): Promise<readonly DirEntry[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.uri(path));
      const out: DirEntry[] = [];
      for (const [name, type] of entries) {
        if (type & vscode.FileType.Directory) out.push({ name, kind: 'directory' });
        else if (type & vscode.FileType.File) out.push({ name, kind: 'file' });
      }
      return out;
    } catch (e) {
      // A folder that is not there is routine (the model probes for them); anything else is logged.
      if (!isNotFound(e)) logFailure('Listing a folder', e, this.uri(path));
      return [];
    }
  }

  async readFile(path: string): Promise<string> {
    const doc = this.open(path);
    if (doc && !doc.isClosed) return doc.getText();
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri(path)));
    } catch (e) {
      // The site model gets over it (a page or a rules file it cannot read is left out): say which file, and why.
      if (!isNotFound(e)) logFailure('Reading a file', e, this.uri(path));
      throw e;
    }
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const doc = this.open(path);
    if (doc && !doc.isClosed && doc.isDirty) return { kind: 'file', mtime: -doc.version, size: doc.getText().length };
    try {
      const s = await vscode.workspace.fs.stat(this.uri(path));
      return { kind: s.type & vscode.FileType.Directory ? 'directory' : 'file', mtime: s.mtime, size: s.size };
    } catch (e) {
      if (!isNotFound(e)) logFailure('Reading the details of a file', e, this.uri(path));
      return undefined;
    }
  }
}
