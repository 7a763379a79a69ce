// The core's public API, bundled as dist/core.js for scripts (`require('medguide/dist/core.js')`).
// Pure: no `vscode`, no file system; the same code runs in the editor, the browser and the CLI.
export * from './l10n';
export * from './text';
export * from './diagnostic';
export * from './edit';
export * from './check';
export * as frontMatter from './frontmatter';
export * as config from './config';
export * as markdown from './markdown';
export * as shortcodes from './shortcodes/scan';
export * as relref from './relref/resolve';
export * as nir from './nir';
