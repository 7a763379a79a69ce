import { clearHugoDateCache } from '../core/frontmatter/dates';
import { clearLocateCache } from '../core/frontmatter/locate';
import { clearTomlParseCache } from '../core/frontmatter/parseCache';
import { clearFrontMatterCache } from '../core/markdown/frontMatter';
import { clearResolvedSettings } from '../core/markdown/options';
import { clearShortcodeScanCache } from '../core/shortcodes/document';
import { clearDateTimeCache } from '../core/site/pageFacts';
import { clearTermKeyCache } from '../core/site/pageMap';
import { clearLineIndexCache } from '../core/text';
import { clearPreviewCaches } from './preview';

/**
 * The module-level caches of the extension and of the core it loads, emptied on deactivation: the
 * module stays loaded after `deactivate()` (and again on a later activation), its memory must not.
 */
export function clearModuleCaches(): void {
  clearTomlParseCache();
  clearHugoDateCache();
  clearLocateCache();
  clearShortcodeScanCache();
  clearTermKeyCache();
  clearDateTimeCache();
  clearLineIndexCache();
  clearFrontMatterCache();
  clearResolvedSettings();
  clearPreviewCaches();
}
