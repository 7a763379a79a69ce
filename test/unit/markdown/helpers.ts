import MarkdownIt from 'markdown-it';
import { medguidePlugin } from '../../../src/core/markdown';
import type { MedguidePluginOptions, MedguideSettings } from '../../../src/core/markdown';

/** A markdown-it set up like VS Code's preview (html, linkify, typographer) with our plugin. */
export function makeMd(settings: MedguideSettings = {}, extra: Omit<MedguidePluginOptions, 'getOptions'> = {}): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  medguidePlugin(md, { getOptions: () => settings, ...extra });
  return md;
}

export const SITE_PAGES = ['teleconsultation.md', 'outils/e-cps.md', 'outils/_index.md', 'recommandations/hta/index.md', 'a/dup.md', 'b/dup.md'];

export function siteMd(settings: MedguideSettings = {}, currentPage = 'teleconsultation.md'): MarkdownIt {
  return makeMd(settings, { getPageIndex: () => SITE_PAGES, getCurrentPage: () => currentPage });
}
