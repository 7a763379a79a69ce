// Typings for the small markdown-it plugins that ship none.
declare module 'markdown-it-deflist' {
  import type MarkdownIt from 'markdown-it';
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module 'markdown-it-mark' {
  import type MarkdownIt from 'markdown-it';
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module 'markdown-it-sub' {
  import type MarkdownIt from 'markdown-it';
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module 'markdown-it-sup' {
  import type MarkdownIt from 'markdown-it';
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module 'markdown-it-attrs/patterns.js' {
  // The package's internal pattern list (see attrsRule.ts): `(options) => pattern[]`.
  const patternsConfig: (options: object) => unknown[];
  export default patternsConfig;
}
declare module 'markdown-it-attrs/utils.js' {
  // The package's helpers, which patterns.js reads from this object when it builds the patterns (see attrsRule.ts).
  const utils: { hasDelimiters: (where: string, options: object) => (str: unknown) => boolean };
  export default utils;
}
