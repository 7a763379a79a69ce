import * as l10n from '@vscode/l10n';
import { catalogue, setTranslator } from '../core/l10n';

/**
 * The command line reads the French catalogue (l10n/bundle.l10n.fr.json, bundled into dist/cli.js)
 * through `@vscode/l10n`, as a language server spawned by VS Code would; English texts are the keys.
 * Placeholders are filled by the core's localize(), not by `l10n.t` (which would take
 * `{{% /{name} %}}` for one placeholder), so `l10n.t` is called with the key alone.
 */
export function useCliL10n(): void {
  l10n.config({ contents: { ...catalogue('fr') } });
  setTranslator('fr', (message) => l10n.t(message));
}
