/**
 * The `yaml` package as the command line's bundle sees it (scripts/build.mjs, target `cli`, points the
 * core's `import … from 'yaml'` here): the same functions, the package loaded on first call. Only
 * sites with a YAML configuration or YAML front matter need it; the others never load its 110 KB
 * (packages/cli/dist/yaml.js). Any other import of `yaml` in the core fails the CLI build ("No
 * matching export") until it is added here.
 */
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

function yaml(): typeof Yaml {
  // A require(), not import(): the core parses YAML synchronously. In the bundle, a require of
  // packages/cli/dist/yaml.js, beside cli.js.
  return (lib ??= require('yaml') as typeof Yaml);
}

export const parse = ((...args: Parameters<typeof Yaml.parse>) => yaml().parse(...args)) as typeof Yaml.parse;
export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
