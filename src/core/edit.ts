import type { Range } from './text';

/** A replacement of `range` by `newText`, the shape VS Code's TextEdit and LSP's TextEdit share. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}
