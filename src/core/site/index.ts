// The one model of a Hugo site: configuration, languages, content files, pages, refs, templates,
// rules. Pure: every file access goes through a SiteHost (the editor's workspace.fs, the CLI's node:fs).
export { type DirEntry, type EntryKind, type FileStat, type SiteChange, type SiteHost } from './host';
export { HugoSite, parseRefUrl, type RefArgs, type RefVerdict, type SitePage, type SiteRules, type SiteShortcodes } from './site';
export { SiteWorkspace, type SiteWorkspaceOptions } from './workspace';
export { type ContentFile, type ContentRole } from './contentFiles';
export { readFrontMatter, type PageFrontMatter } from './pageFacts';
export { isHugoConfigName, isHugoSiteRoot, loadHugoConfig, type HugoConfig, type HugoLanguage, type ContentMount } from './hugoConfig';

import type { SiteHost } from './host';
import type { Lang } from '../l10n';
import { HugoSite } from './site';

/** Opens the Hugo site whose root is `root`. */
export function openHugoSite(host: SiteHost, root: string, options: { lang?: Lang; now?: () => Date; environment?: string } = {}): Promise<HugoSite> {
  return HugoSite.open(host, root, options);
}
