import { AdapterError } from '@cwm/core';

const VARIABLE = /\{([A-Za-z_$][\w$]*)\}/g;

/** The variable names a route template uses, in order: `'/projects/{projectId}/tasks/{id}'` -> projectId, id. */
export function routeVariables(template: string): string[] {
  return [...template.matchAll(VARIABLE)].map((match) => match[1]!);
}

/**
 * Fills a route template's `{name}` variables, each URL-encoded as one path segment (an id holding
 * `/` or `?` cannot reach another route). A missing or empty variable throws a `validation`
 * AdapterError naming it: a request to `/projects//tasks` would reach the wrong resource.
 */
export function expandRoute(template: string, variables: Readonly<Record<string, unknown>>): string {
  return template.replace(VARIABLE, (_whole, name: string) => {
    const value = variables[name];
    if (value === undefined || value === null || value === '') {
      throw new AdapterError('validation', `The route "${template}" needs a value for {${name}}.`);
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new AdapterError('validation', `The route "${template}" cannot put a ${typeof value} in {${name}}.`);
    }
    return encodeURIComponent(String(value));
  });
}

/** `base` + `path` + `?query`, with exactly one slash between base and path; undefined parameters are left out. */
export function joinUrl(base: string, path: string, query: Readonly<Record<string, string | number | undefined>> = {}): string {
  const url = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.append(name, String(value));
  const text = search.toString();
  return text === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${text}`;
}
