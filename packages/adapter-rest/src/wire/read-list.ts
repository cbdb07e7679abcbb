import { FILTERS, matchesFilters, type CollectionName, type FilterName, type ListQuery, type Page } from '@cwm/core';
import { classifyRead, readJson } from '../http/classify.js';
import { DEFAULT_PAGING, pageParams, readPage } from '../mapping/paging.js';
import { routeVariables } from '../mapping/routes.js';
import { isRecord } from '../mapping/json.js';
import type { RestContext } from './rest-context.js';

/**
 * One page of a collection, its items in our field names (validated later by the store). Each filter
 * goes into the route when the route names it, else into the query by the mapped parameter name; a
 * filter the backend cannot do (`filters: { x: false }`) is applied here to what came back. A
 * collection the backend does not keep is an empty list.
 */
export async function readList(context: RestContext, collection: CollectionName, query: ListQuery = {}): Promise<Page> {
  const resource = context.resource(collection);
  if (resource === false) return { items: [], total: 0 };
  const paging = context.options.paging ?? DEFAULT_PAGING;
  const pageSize = context.options.pageSize ?? 100;
  const inRoute = new Set(routeVariables(resource.path));
  const variables: Record<string, string> = {};
  const params: Record<string, string | number | undefined> = {};
  const leftToUs: [FilterName, string][] = [];
  for (const filter of FILTERS[collection]) {
    const value = query[filter];
    if (value === undefined) continue;
    if (inRoute.has(filter)) variables[filter] = value;
    else {
      const param = resource.filterParam(filter);
      if (param === undefined) leftToUs.push([filter, value]);
      else params[param] = value;
    }
  }
  Object.assign(params, pageParams(paging, query, pageSize));
  const what = `Reading ${collection}`;
  const result = await context.http.send(
    { method: 'GET', url: context.url(resource.path, variables, params) },
    { purpose: 'list', collection, ...(context.session ? { session: context.session } : {}) },
    query.signal,
  );
  const response = classifyRead(result, what);
  const page = readPage(paging, query, pageSize, readJson(response, what), response);
  let items = page.items.map((raw) => context.decode(resource, raw));
  if (leftToUs.length > 0) items = items.filter((item) => isRecord(item) && matchesFilters(item, leftToUs));
  return { ...page, items };
}
