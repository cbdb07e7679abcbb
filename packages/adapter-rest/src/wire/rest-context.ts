import { validateEntity, type AdapterSession, type AnyEntity, type CollectionName } from '@cwm/core';
import type { RestAdapterOptions, RestResponse } from '../options.js';
import type { HttpClient } from '../http/request.js';
import type { EntityParser } from '../http/classify.js';
import { expandRoute, joinUrl } from '../mapping/routes.js';
import type { ResolvedResource } from '../mapping/resources.js';
import { RevisionCounter, withEtagVersion } from '../mapping/versions.js';
import { isRecord } from '../mapping/json.js';

/**
 * What the read and write paths share: the options, the resolved resources, the HTTP client and the
 * session. One per adapter.
 */
export class RestContext {
  /** Set by `versioning: 'none'`: the adapter numbers revisions itself. */
  readonly revisions: RevisionCounter | undefined;
  session: AdapterSession | undefined;

  constructor(
    readonly options: RestAdapterOptions,
    readonly resources: ReadonlyMap<CollectionName, ResolvedResource | false>,
    readonly http: HttpClient,
  ) {
    this.revisions = options.versioning === 'none' ? new RevisionCounter() : undefined;
  }

  /** The resolved resource of a collection, or `false` when the backend does not serve it. */
  resource(collection: CollectionName): ResolvedResource | false {
    return this.resources.get(collection) ?? false;
  }

  /** Route variables every route may use: `{workspaceId}`, `{userId}`. */
  sessionVariables(): Record<string, string> {
    return this.session ? { workspaceId: this.session.workspaceId, userId: this.session.userId } : {};
  }

  /** Absolute URL of a route; `variables` win over the session's. */
  url(route: string, variables: Readonly<Record<string, unknown>> = {}, query: Readonly<Record<string, string | number | undefined>> = {}): string {
    return joinUrl(this.options.baseUrl, expandRoute(route, { ...this.sessionVariables(), ...variables }), query);
  }

  /**
   * A wire entity in our terms (not validated): field renames and the resource's `fromWire`, then the
   * version from the ETag (when the entity has none) or the adapter's own revision count.
   */
  decode(resource: ResolvedResource, raw: unknown, etag: string | null = null): unknown {
    const decoded = resource.decode(raw);
    if (this.revisions) return this.revisions.stamp(resource.collection, decoded);
    return this.options.versioning === undefined || this.options.versioning === 'etag' ? withEtagVersion(decoded, etag) : decoded;
  }

  /** Decodes and validates one entity of a write answer (a single entity: its ETag is its version). */
  entityParser(resource: ResolvedResource): EntityParser {
    return (raw: unknown, response: RestResponse) => {
      let decoded: unknown;
      try {
        decoded = this.decode(resource, raw, response.headers.get('ETag'));
      } catch (error) {
        // A host `fromWire` that throws would throw again on every resend: a final answer, not a retry.
        return { ok: false, message: `reading it failed (${error instanceof Error ? error.message : String(error)}).` };
      }
      const valid = validateEntity(resource.collection, decoded);
      if (valid.ok) return { ok: true, entity: valid.value as AnyEntity };
      const field = valid.issue.field === undefined ? '' : ` (${valid.issue.field})`;
      return { ok: false, message: `it is not a valid ${resource.collection} entity${field}: ${valid.issue.message.replace(/\.$/, '')}.` };
    };
  }

  /** The version a delete answer reports (`{ id, version }`), for the tombstone that drops late echoes. */
  deletedVersion(body: unknown): number | undefined {
    return isRecord(body) && typeof body['version'] === 'number' ? body['version'] : undefined;
  }
}
