// The analyzer's browser build (TypeScript included) has no type declarations of its own. The tests use
// it to run our manifest plugins on source text in the test browser, exactly as the CLI runs them.
declare module '@custom-elements-manifest/analyzer/browser/index.js' {
  import type { Plugin } from '@custom-elements-manifest/analyzer';
  import type { Package } from 'custom-elements-manifest/schema';
  import type * as typescript from 'typescript';

  /** The TypeScript the analyzer was built with: source files must come from this copy. */
  export const ts: typeof typescript;

  /** Analyzes parsed modules: the analyzer's own phases first, then `plugins` in order. */
  export function create(options: {
    readonly modules: readonly typescript.SourceFile[];
    readonly plugins?: readonly Plugin[];
    readonly context?: { readonly dev: boolean };
  }): Package;

  /** What `--litelement` adds: `@property` decorators, lit's lifecycle methods hidden. */
  export function litPlugin(): Plugin[];
}
