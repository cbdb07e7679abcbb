import type { ValidationIssue } from './issue.js';

/** The result of validating one entity: the clean value, or the first reason it was refused. */
export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: ValidationIssue };
