import type { DocumentLink, Id } from '@cwm/core';
import { safeUrl } from '@cwm/ui';

/** The kinds of document a person can pick; stored in `DocumentLink.type`. */
export const DOCUMENT_KINDS = ['doc', 'sheet', 'slide', 'pdf', 'link', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Longest document name accepted, in characters. */
export const MAX_DOCUMENT_NAME = 200;

/** What the add form holds: exactly what the person typed, kept after a refusal. */
export interface DocumentDraft {
  readonly name: string;
  readonly url: string;
  readonly kind: DocumentKind;
}

/** An empty form. */
export function emptyDocumentDraft(): DocumentDraft {
  return { name: '', url: '', kind: 'link' };
}

/** Why a draft cannot be added, by field. */
export interface DocumentDraftErrors {
  readonly name?: 'empty' | 'too-long';
  readonly url?: 'empty' | 'unsafe';
}

/**
 * Checks a draft and, when it is fine, builds the link: the name trimmed, the URL normalized by
 * @cwm/ui's `safeUrl` (only http, https and mailto with a host or address pass: `javascript:`,
 * `data:` and relative paths do not).
 */
export function checkDocumentDraft(
  draft: DocumentDraft,
  newId: () => Id,
): { readonly ok: true; readonly link: DocumentLink } | { readonly ok: false; readonly errors: DocumentDraftErrors } {
  const name = draft.name.trim();
  const errors: { name?: DocumentDraftErrors['name']; url?: DocumentDraftErrors['url'] } = {};
  if (name === '') errors.name = 'empty';
  else if (name.length > MAX_DOCUMENT_NAME) errors.name = 'too-long';
  const url = draft.url.trim() === '' ? undefined : safeUrl(draft.url);
  if (draft.url.trim() === '') errors.url = 'empty';
  else if (url === undefined) errors.url = 'unsafe';
  if (errors.name !== undefined || errors.url !== undefined || url === undefined) return { ok: false, errors };
  return { ok: true, link: { id: newId(), name, url, type: draft.kind } };
}

/**
 * The link a document may be opened with, or `undefined` when its stored URL is not safe: data from
 * a backend is checked again at display time, never trusted because the form once checked it.
 */
export function openableUrl(document: DocumentLink): string | undefined {
  return safeUrl(document.url);
}

/** A stored type shown as one of the kinds; MIME types and unknown words count as `other`. */
export function documentKind(type: string): DocumentKind {
  const lower = type.trim().toLowerCase();
  if ((DOCUMENT_KINDS as readonly string[]).includes(lower)) return lower as DocumentKind;
  if (lower === 'application/pdf') return 'pdf';
  return 'other';
}
