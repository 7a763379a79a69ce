// The core's public API, bundled as dist/core.js for scripts (`require('medguide/dist/core.js')`).
// Pure: no `vscode`, no file system; the same code runs in the editor, the browser and the CLI.
export * from './l10n';
export * from './text';
export * from './diagnostic';
