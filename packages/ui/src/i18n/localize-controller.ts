import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AdapterErrorCode, DenialCode, PermissionResult, StoreError } from '@cwm/core';
import { formatDate, formatList, formatMessage, formatNumber, formatRelativeTime } from './format.js';
import { onLocaleChange } from './locale-changes.js';
import type { MessageKey, MessageParams } from './messages.js';
import { nearestLang } from './nearest-lang.js';
import { catalogRevision } from './registry.js';

type LocalizedHost = ReactiveControllerHost & HTMLElement;

const ADAPTER_ERROR_KEYS: Readonly<Record<AdapterErrorCode, MessageKey>> = {
  network: 'error.network',
  timeout: 'error.timeout',
  conflict: 'error.conflict',
  forbidden: 'error.forbidden',
  validation: 'error.validation',
  'not-found': 'error.not-found',
};

const DENIAL_KEYS: Readonly<Record<DenialCode, MessageKey>> = {
  'no-user': 'denial.no-user',
  role: 'denial.role',
  'read-only': 'denial.read-only',
  'comment-only': 'denial.comment-only',
  'managers-assign': 'denial.managers-assign',
  'not-author': 'denial.not-author',
  boundary: 'denial.boundary',
  'not-member': 'denial.not-member',
  rule: 'denial.rule',
};

/** Fields with a catalog label (`field.<name>`); the rest are shown by their data name. */
const FIELD_KEYS: ReadonlySet<string> = new Set<MessageKey>([
  'field.title',
  'field.description',
  'field.status',
  'field.rank',
  'field.assigneeIds',
  'field.priority',
  'field.tags',
  'field.start',
  'field.due',
  'field.estimate',
  'field.progress',
  'field.dependencies',
  'field.checklist',
  'field.body',
]);

/**
 * Gives an element its language and the means to speak it: `t()` for catalog messages, and `Intl`
 * formatting for dates, numbers, relative times and lists, all in the nearest `lang`.
 *
 * The host renders again when that language changes (a `lang` attribute on the page or a workspace)
 * or when messages are registered, so a language switch needs no reload.
 */
export class LocalizeController implements ReactiveController {
  private currentLang = 'en';
  private renderedRevision = catalogRevision();
  private stopWatching?: () => void;

  constructor(private readonly host: LocalizedHost) {
    host.addController(this);
  }

  /** The language tag in effect, e.g. `de-CH`. */
  get lang(): string {
    return this.currentLang;
  }

  hostConnected(): void {
    // The element may have moved under another `lang` while it was detached.
    this.handleLocaleChange();
    this.stopWatching = onLocaleChange(this.handleLocaleChange);
  }

  hostDisconnected(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  /** A catalog message with `{name}` placeholders filled; plural messages choose by `params.count`. */
  t(key: MessageKey, params?: MessageParams): string {
    return formatMessage(this.currentLang, key, params);
  }

  formatDate(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(this.currentLang, value, options);
  }

  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.currentLang, value, options);
  }

  formatRelativeTime(value: Date | string | number, now?: Date, options?: Intl.RelativeTimeFormatOptions): string {
    return formatRelativeTime(this.currentLang, value, now, options);
  }

  formatList(items: Iterable<string>, options?: Intl.ListFormatOptions): string {
    return formatList(this.currentLang, items, options);
  }

  /**
   * Why an action is not allowed, in the user's language (the built-in policy's own `reason` is English
   * developer text). A host rule (`code: 'rule'`) speaks for itself: its reason is the host's own
   * words for its users ("Invoices are locked after the 25th"), shown as given; a generic sentence only
   * when it gave none. Empty for an allowed result.
   */
  denial(result: PermissionResult | DenialCode): string {
    if (typeof result === 'object') {
      if (result.allowed) return '';
      if (result.code === 'rule' && result.reason.trim() !== '') return result.reason;
      return this.t(DENIAL_KEYS[result.code] ?? 'denial.rule');
    }
    return this.t(DENIAL_KEYS[result] ?? 'denial.rule');
  }

  /** A short localized reason for an adapter failure or a policy denial code. */
  reason(code: AdapterErrorCode | DenialCode | string, fallback = ''): string {
    // A host rule's reason is the host's own words for its users (see `denial`).
    if (code === 'rule' && fallback.trim() !== '') return fallback;
    if (code in ADAPTER_ERROR_KEYS) return this.t(ADAPTER_ERROR_KEYS[code as AdapterErrorCode]);
    if (code in DENIAL_KEYS) return this.t(DENIAL_KEYS[code as DenialCode]);
    return fallback;
  }

  /** A sentence for people (not developers) about a store error, for toasts and live regions. */
  describeError(error: StoreError): string {
    switch (error.kind) {
      case 'load-failed':
        return this.t('workspace.load-failed', { reason: this.reason(error.code, error.message) });
      case 'write-rejected':
        return this.t('workspace.write-rejected', { reason: this.reason(error.code, error.message) });
      case 'write-rebased':
        return this.t('workspace.write-rebased');
      case 'offline':
        return this.t('workspace.offline');
      case 'invalid-data':
        return this.t('workspace.invalid-data');
      case 'write-merged':
        return this.t('workspace.write-merged', {
          count: error.kept.length,
          fields: this.formatList(error.kept.map((field) => this.fieldLabel(field))),
        });
      case 'storage-unavailable':
        return this.t('workspace.storage-unavailable');
    }
  }

  /**
   * What people call an entity's field (`due` -> "due date"), for sentences about a change. A field
   * without a catalog entry is named as the data calls it: better a technical word than none.
   */
  fieldLabel(field: string): string {
    const key = `field.${field}`;
    return FIELD_KEYS.has(key) ? this.t(key as MessageKey) : field;
  }

  private readonly handleLocaleChange = (): void => {
    const lang = nearestLang(this.host);
    const revision = catalogRevision();
    if (lang === this.currentLang && revision === this.renderedRevision) return;
    this.currentLang = lang;
    this.renderedRevision = revision;
    this.host.requestUpdate();
  };
}
