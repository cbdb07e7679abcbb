// Types of manifest-plugins.mjs (plain JavaScript, because the analyzer loads its config with Node),
// so the TypeScript tests in tests/elements/ can call the plugins type-checked.
import type { Plugin } from '@custom-elements-manifest/analyzer';

/** Options of `checkTagNamesAgainstRegistrations`. */
export interface TagNameCheckOptions {
  /** Receives the problems found, when there are any. Default: print them and fail the process. */
  readonly report?: (problems: readonly string[]) => void;
}

/** All of the plugins below, in the order they must run; the config uses exactly this. */
export function cwmManifestPlugins(options: { readonly manifestDir: string } & TagNameCheckOptions): Plugin[];

/** Reports registered elements whose class lacks the matching JSDoc `@tagname`, and tags claimed twice. */
export function checkTagNamesAgainstRegistrations(options?: TagNameCheckOptions): Plugin;

/** Drops private, protected, `#private` and static members. */
export function publicMembersOnly(): Plugin;

/** Gives attributes the resolved type and default of their field. */
export function attributesFromTheirFields(): Plugin;

/** Writes out type aliases that are unions of literals in member and attribute types. */
export function expandLiteralUnionAliases(): Plugin;

/** Keeps only the modules that declare elements, sorted by path. */
export function elementModulesOnly(): Plugin;

/** Rewrites source paths (`packages/ui/src/x.ts`) to published ones relative to `manifestDir` (`../ui/dist/x.js`). */
export function publishedModulePaths(options: { readonly manifestDir: string }): Plugin;
