import * as vscode from 'vscode';
import { pageAnchors } from '../core/navigation/anchors';
import { pageTitle } from '../core/navigation/title';
import { stripBom } from '../core/text';

interface Entry {
  readonly stamp: string;
  readonly anchors?: ReadonlySet<string>;
  readonly title?: string | null;
}

/**
 * What other pages tell about themselves (their anchors, their title), read from the open
 * document when there is one (unsaved edits count), else from disk through `workspace.fs`
 * (works on virtual file systems too). Cached per URI and version or modification time, so a
 * page is read again only when it changed.
 */
export class PageFacts {
  private readonly cache = new Map<string, Entry>();

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  private async stampAndText(uri: vscode.Uri, cached: Entry | undefined): Promise<{ stamp: string; text?: string } | undefined> {
    const doc = this.openDocument(uri);
    if (doc) {
      const stamp = `v${doc.version}`;
      return cached?.stamp === stamp ? { stamp } : { stamp, text: doc.getText() };
    }
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const stamp = `m${stat.mtime}:${stat.size}`;
      if (cached?.stamp === stamp) return { stamp };
      return { stamp, text: stripBom(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) };
    } catch {
      return undefined;
    }
  }

  private async read<K extends 'anchors' | 'title'>(uri: vscode.Uri, key: K, compute: (text: string) => Entry[K]): Promise<Entry[K] | undefined> {
    const id = uri.toString();
    const cached = this.cache.get(id);
    const fresh = await this.stampAndText(uri, cached);
    if (!fresh) {
      this.cache.delete(id);
      return undefined;
    }
    if (fresh.text === undefined && cached && cached[key] !== undefined) return cached[key];
    const text = fresh.text ?? (await this.stampAndText(uri, undefined))?.text;
    if (text === undefined) return undefined;
    const base: Entry = cached?.stamp === fresh.stamp ? cached : { stamp: fresh.stamp };
    const value = compute(text);
    this.cache.set(id, { ...base, [key]: value });
    return value;
  }

  /** The ids a `#fragment` may point at on the page; undefined when it cannot be read. */
  anchors(uri: vscode.Uri): Promise<ReadonlySet<string> | undefined> {
    return this.read(uri, 'anchors', pageAnchors);
  }

  /** The page's front matter title, or undefined. */
  async title(uri: vscode.Uri): Promise<string | undefined> {
    return (await this.read(uri, 'title', (t) => pageTitle(t) ?? null)) ?? undefined;
  }
}
