import type { CollectionName, Id, IsoDate, IsoDateTime } from '../model/common.js';
import { parseIsoDate } from '../dates/iso-date.js';
import { parseIsoDateTime } from '../dates/timestamp.js';
import { describeEntity, previewValue } from './describe.js';
import type { ValidationCode, ValidationIssue } from './issue.js';

/** Thrown inside a reader to stop at the first problem; `validateEntity` turns it into a result. */
export class InvalidEntity extends Error {
  constructor(readonly issue: ValidationIssue) {
    super(issue.message);
  }
}

/** Range limits for numbers. */
interface NumberRange {
  readonly min?: number;
  readonly max?: number;
}

/** A value a lenient backend leaves out by sending `null` or nothing at all. */
function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** A non-null, non-array object: what an entity or a nested record must be. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads typed fields out of an untrusted object, naming the entity and the (dotted) field in every
 * issue. Optional fields accept `null` as absent because many backends serialize missing values so.
 */
export class EntityReader {
  constructor(
    private readonly collection: CollectionName,
    private readonly raw: Readonly<Record<string, unknown>>,
    private readonly entityId: Id | undefined,
    private readonly prefix = '',
  ) {}

  /** Stops validation with an issue about `field`. */
  fail(code: ValidationCode, field: string, problem: string): never {
    const path = this.prefix + field;
    throw new InvalidEntity({
      code,
      collection: this.collection,
      ...(this.entityId === undefined ? {} : { id: this.entityId }),
      field: path,
      message: `${describeEntity(this.collection, this.entityId)}: "${path}" ${problem}.`,
    });
  }

  /** A reader for a nested object (`dependencies.2`); fails when it is not an object. */
  nested(field: string, value: unknown): EntityReader {
    if (!isPlainObject(value)) this.fail('wrong-type', field, `must be an object, got ${previewValue(value)}`);
    return new EntityReader(this.collection, value, this.entityId, `${this.prefix}${field}.`);
  }

  /** A required nested object (`workflow`). */
  object(field: string): EntityReader {
    const value = this.raw[field];
    if (isAbsent(value)) this.fail('missing-field', field, 'is required (an object)');
    return this.nested(field, value);
  }

  value(field: string): unknown {
    return this.raw[field];
  }

  string(field: string): string {
    const value = this.raw[field];
    if (isAbsent(value)) this.fail('missing-field', field, 'is required (a string)');
    if (typeof value !== 'string') this.fail('wrong-type', field, `must be a string, got ${previewValue(value)}`);
    return value;
  }

  /** A required string that must not be empty: references and keys. */
  nonEmptyString(field: string): string {
    const value = this.string(field);
    if (value.trim() === '') this.fail('missing-field', field, 'must not be empty');
    return value;
  }

  optionalString(field: string): string | undefined {
    const value = this.raw[field];
    if (isAbsent(value)) return undefined;
    if (typeof value !== 'string') this.fail('wrong-type', field, `must be a string when present, got ${previewValue(value)}`);
    return value;
  }

  /** An optional reference; an empty string means "none", as many backends send it. */
  optionalId(field: string): Id | undefined {
    const value = this.optionalString(field);
    return value === undefined || value === '' ? undefined : value;
  }

  number(field: string, range: NumberRange = {}): number {
    const value = this.raw[field];
    if (isAbsent(value)) this.fail('missing-field', field, 'is required (a number)');
    return this.checkNumber(field, value, range);
  }

  optionalNumber(field: string, range: NumberRange = {}): number | undefined {
    const value = this.raw[field];
    return isAbsent(value) ? undefined : this.checkNumber(field, value, range);
  }

  numberOr(field: string, fallback: number, range: NumberRange = {}): number {
    return this.optionalNumber(field, range) ?? fallback;
  }

  private checkNumber(field: string, value: unknown, { min, max }: NumberRange): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail('wrong-type', field, `must be a finite number, got ${previewValue(value)}`);
    }
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const bounds =
        max === undefined ? `at least ${min}` : min === undefined ? `at most ${max}` : `between ${min} and ${max}`;
      this.fail('out-of-range', field, `must be ${bounds}, got ${value}`);
    }
    return value;
  }

  optionalBoolean(field: string): boolean | undefined {
    const value = this.raw[field];
    if (isAbsent(value)) return undefined;
    if (typeof value !== 'boolean') this.fail('wrong-type', field, `must be true or false, got ${previewValue(value)}`);
    return value;
  }

  /** One of `allowed`; `fallback` when absent (required when no fallback is given). */
  oneOf<T extends string>(field: string, allowed: readonly T[], fallback?: T): T {
    const value = this.raw[field];
    if (isAbsent(value)) {
      if (fallback !== undefined) return fallback;
      this.fail('missing-field', field, `is required (one of ${allowed.join(', ')})`);
    }
    if (!allowed.includes(value as T)) {
      this.fail('out-of-range', field, `must be one of ${allowed.join(', ')}, got ${previewValue(value)}`);
    }
    return value as T;
  }

  /** An optional `YYYY-MM-DD` day; `null` and `""` mean "not set". */
  optionalDate(field: string): IsoDate | undefined {
    const value = this.raw[field];
    if (isAbsent(value) || value === '') return undefined;
    if (parseIsoDate(value) === undefined) {
      this.fail('bad-date', field, `must be a real calendar day written YYYY-MM-DD, got ${previewValue(value)}`);
    }
    return value as IsoDate;
  }

  timestamp(field: string): IsoDateTime {
    if (isAbsent(this.raw[field])) this.fail('missing-field', field, 'is required (an ISO 8601 timestamp)');
    return this.optionalTimestamp(field)!;
  }

  optionalTimestamp(field: string): IsoDateTime | undefined {
    const value = this.raw[field];
    if (isAbsent(value)) return undefined;
    if (parseIsoDateTime(value) === undefined) {
      this.fail(
        'bad-date',
        field,
        `must be an ISO 8601 timestamp with a time zone such as 2026-11-25T09:30:00Z, got ${previewValue(value)}`,
      );
    }
    return value as IsoDateTime;
  }

  /** An array read item by item; `[]` when absent. */
  array<T>(field: string, readItem: (item: unknown, index: number) => T): T[] {
    const value = this.raw[field];
    if (isAbsent(value)) return [];
    if (!Array.isArray(value)) this.fail('wrong-type', field, `must be an array, got ${previewValue(value)}`);
    return value.map(readItem);
  }

  /** An array of strings (ids, tags); `[]` when absent. */
  stringArray(field: string): string[] {
    return this.array(field, (item, index) => {
      if (typeof item !== 'string') this.fail('wrong-type', `${field}.${index}`, `must be a string, got ${previewValue(item)}`);
      return item;
    });
  }

  /** A plain object used as a dictionary; `{}` when absent. */
  record(field: string): Readonly<Record<string, unknown>> {
    const value = this.raw[field];
    if (isAbsent(value)) return {};
    if (!isPlainObject(value)) this.fail('wrong-type', field, `must be an object, got ${previewValue(value)}`);
    return value;
  }
}
