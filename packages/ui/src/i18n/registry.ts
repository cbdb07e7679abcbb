import { DE_MESSAGES } from './de.js';
import { EN_MESSAGES } from './en.js';
import { notifyLocaleChanged } from './locale-changes.js';
import type { MessageCatalog, MessageKey, MessageText } from './messages.js';

/** The language every lookup ends with; its catalog is complete. */
export const SOURCE_LOCALE = 'en';

const catalogs = new Map<string, MessageCatalog>([
  ['en', EN_MESSAGES],
  ['de', DE_MESSAGES],
]);

let revision = 0;

/**
 * Adds or overrides messages of a language. Later registrations win key by key, so a vendor can
 * change one wording of a built-in language, or add a language (missing keys fall back to the base
 * language, then English). Elements on the page update at once.
 *
 * ```ts
 * registerMessages('en', { 'workspace.loading': 'Fetching your projects…' });
 * registerMessages('fr', { 'action.undo': 'Annuler' });
 * ```
 */
export function registerMessages(locale: string, messages: MessageCatalog): void {
  const key = normalizeLocale(locale);
  catalogs.set(key, { ...catalogs.get(key), ...messages });
  revision++;
  notifyLocaleChanged();
}

/**
 * Adds a widget package's built-in wording without touching what is registered already, so a vendor's
 * `registerMessages` made before the widget loaded still wins. Widgets call it when first used.
 */
export function registerDefaultMessages(locale: string, messages: MessageCatalog): void {
  const key = normalizeLocale(locale);
  catalogs.set(key, { ...messages, ...catalogs.get(key) });
  revision++;
  notifyLocaleChanged();
}

/**
 * A widget package's registration of its built-in catalogs (e.g. `{ en: BOARD_EN, de: BOARD_DE }`): call
 * the returned function whenever the widget is first used; it registers them once, as defaults, so a
 * vendor's `registerMessages` wins whether it ran before or after.
 */
export function defaultMessagesRegistrar(catalogsByLocale: Readonly<Record<string, MessageCatalog>>): () => void {
  let registered = false;
  return () => {
    if (registered) return;
    registered = true;
    for (const [locale, messages] of Object.entries(catalogsByLocale)) registerDefaultMessages(locale, messages);
  };
}

/** Grows with every `registerMessages`, so elements can tell whether their wording may be stale. */
export function catalogRevision(): number {
  return revision;
}

/** Languages with a registered catalog, normalized to lower case (`en`, `de`, `pt-br`). */
export function registeredLocales(): string[] {
  return [...catalogs.keys()];
}

/** A message and the catalog language it came from (plural rules must be that language's). */
export interface ResolvedMessage {
  readonly text: MessageText;
  readonly locale: string;
}

/**
 * The message for `key` in `locale`, trying the full tag, then shorter ones (`de-ch` -> `de`), then
 * English. `undefined` only for a key no catalog knows.
 */
export function resolveMessage(locale: string, key: MessageKey): ResolvedMessage | undefined {
  for (const candidate of fallbackChain(locale)) {
    const text = catalogs.get(candidate)?.[key];
    if (text !== undefined) return { text, locale: candidate };
  }
  return undefined;
}

/** `de-CH` -> `['de-ch', 'de', 'en']`. */
export function fallbackChain(locale: string): string[] {
  const parts = normalizeLocale(locale).split('-');
  const chain: string[] = [];
  for (let length = parts.length; length > 0; length--) chain.push(parts.slice(0, length).join('-'));
  if (!chain.includes(SOURCE_LOCALE)) chain.push(SOURCE_LOCALE);
  return chain;
}

function normalizeLocale(locale: string): string {
  return locale.trim().replace(/_/g, '-').toLowerCase();
}
