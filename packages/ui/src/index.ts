// @cwm/ui: the base every widget is built on. Importing this module registers nothing; import
// `@cwm/ui/define` (or call `defineElement`) to register the elements.

export { CwmElement } from './base/cwm-element.js';
export { baseStyles, visuallyHiddenStyles } from './base/base.styles.js';
export { storeContext } from './context/store-context.js';
export { StoreController, type StoreBinding, type StoreHost } from './controllers/store-controller.js';
export {
  dispatchCwmEvent,
  type CwmEventDetail,
  type CwmEventMap,
  type CwmEventName,
  type DispatchOptions,
  type ScopeClearDetail,
  type TaskOpenDetail,
  type WorkspaceReadyDetail,
} from './events/events.js';
export { CwmWorkspace, type WorkspaceTheme } from './workspace/workspace.js';
export { createWorkspaceAdapter, sampleSeed, type WorkspaceAdapterKind, type WorkspaceAdapterOptions, type WorkspaceAuth, type WorkspaceSeed } from './workspace/workspace-adapter.js';
export { TOKENS, TOKEN_NAMES, type TokenDefinition, type TokenGroup, type TokenName } from './tokens/token-table.js';
export { renderScopeChip, scopeChipStyles, type ScopeChipOptions } from './scope/scope-chip.js';
export { listboxOptions, type ListboxOptionsView } from './combobox/listbox-options.js';
export { cssVarName, token, tokenFallback, tokenValue } from './tokens/token.js';
export { LocalizeController } from './i18n/localize-controller.js';
export { registerMessages, registerDefaultMessages, defaultMessagesRegistrar, registeredLocales, resolveMessage, fallbackChain, catalogRevision, SOURCE_LOCALE, type ResolvedMessage } from './i18n/registry.js';
export { formatDate, formatList, formatMessage, formatNumber, formatRelativeTime, pluralCategory, safeLocale } from './i18n/format.js';
export { nearestLang } from './i18n/nearest-lang.js';
export { notifyLocaleChanged, onLocaleChange } from './i18n/locale-changes.js';
export { EN_MESSAGES } from './i18n/en.js';
export { DE_MESSAGES } from './i18n/de.js';
export type { CwmMessages, MessageCatalog, MessageKey, MessageParams, MessageText, PluralText, UiMessages } from './i18n/messages.js';
export { defineElement, tagName, tagOf, DEFAULT_PREFIX, type ComposedElement, type DefineOptions } from './define/define-element.js';
export {
  markdownStyles,
  markdownToText,
  parseMarkdown,
  renderMarkdown,
  safeUrl,
  type MarkdownInline,
  type MarkdownNode,
  type MarkdownOptions,
} from './markdown/markdown.js';
export * from './forms/index.js';
