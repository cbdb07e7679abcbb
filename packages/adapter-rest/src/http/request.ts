import type { HookContext, RestAdapterOptions, RestRequest, RestResponse } from '../options.js';
import type { AuthSession } from './auth.js';

/** A request that got an HTTP answer, whatever its status, or why it got none. */
export type HttpResult =
  | { readonly ok: true; readonly response: RestResponse }
  | { readonly ok: false; readonly code: 'network' | 'timeout'; readonly message: string };

/** What `HttpClient` needs. */
export interface HttpClientOptions {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly auth: AuthSession;
  readonly request?: RestAdapterOptions['request'];
  readonly response?: RestAdapterOptions['response'];
}

/** A request before auth headers are added: headers are optional. */
export type OutgoingRequest = Omit<RestRequest, 'headers'> & { readonly headers?: Readonly<Record<string, string>> };

/**
 * Sends one request: auth headers asked for per request, the `request` hook, a time limit, the body
 * read once, one resend after a successful credential refresh on 401, then the `response` hook.
 * Never throws: no answer at all is `{ ok: false }` with `network` or `timeout`.
 */
export class HttpClient {
  constructor(private readonly options: HttpClientOptions) {}

  async send(request: OutgoingRequest, context: HookContext, signal?: AbortSignal): Promise<HttpResult> {
    let result = await this.attempt(request, context, signal);
    if (result.ok && result.response.status === 401) {
      if (await this.options.auth.recover(result.generation)) {
        result = await this.attempt(request, context, signal);
        // Fresh credentials refused too: refreshing again would only loop.
        if (result.ok && result.response.status === 401) this.options.auth.pause();
      }
    }
    if (!result.ok) return result;
    const hook = this.options.response;
    const response = hook ? ((await hook(result.response, context)) ?? result.response) : result.response;
    return { ok: true, response };
  }

  private async attempt(
    request: OutgoingRequest,
    context: HookContext,
    signal: AbortSignal | undefined,
  ): Promise<({ ok: true; response: RestResponse } | { ok: false; code: 'network' | 'timeout'; message: string }) & { generation: number }> {
    const { headers: authHeaders, generation } = await this.options.auth.headers();
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const base: RestRequest = {
        ...request,
        headers: {
          Accept: 'application/json',
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...request.headers,
          ...authHeaders,
        },
      };
      const final = this.options.request ? await this.options.request(base, context) : base;
      const init: RequestInit = {
        method: final.method,
        headers: final.headers,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      };
      if (final.body !== undefined) init.body = JSON.stringify(final.body);
      const answer = await this.options.fetch.call(globalThis, final.url, init);
      const text = await answer.text();
      return { ok: true, response: { status: answer.status, headers: answer.headers, text }, generation };
    } catch (error) {
      if (timeout.aborted && !signal?.aborted) {
        return { ok: false, code: 'timeout', message: `The backend did not answer within ${this.options.timeoutMs} ms.`, generation };
      }
      if (signal?.aborted) return { ok: false, code: 'network', message: 'The request was cancelled.', generation };
      const detail = error instanceof Error && error.message !== '' ? ` (${error.message})` : '';
      return { ok: false, code: 'network', message: `The backend could not be reached${detail}.`, generation };
    }
  }
}
