// A scripted `fetch` for the REST adapter tests: records every call and answers from a function.
export interface FakeCall {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  /** The JSON body, parsed; undefined when none. */
  readonly body: unknown;
  readonly signal: AbortSignal | undefined;
}

export type Responder = (call: FakeCall) => Response | Promise<Response>;

export interface FakeFetch {
  readonly fetch: typeof fetch;
  readonly calls: FakeCall[];
  /** Calls other than the given method, e.g. writes only. */
  of(method: string): FakeCall[];
}

export function fakeFetch(responder: Responder): FakeFetch {
  const calls: FakeCall[] = [];
  const fetcher = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: FakeCall = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    if (call.signal?.aborted) throw call.signal.reason;
    return responder(call);
  };
  return { fetch: fetcher as typeof fetch, calls, of: (method) => calls.filter((call) => call.method === method) };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** A response that never comes, until the request is aborted (timeouts). */
export function never(call: FakeCall): Promise<Response> {
  return new Promise((_resolve, reject) => {
    call.signal?.addEventListener('abort', () => reject(call.signal?.reason as unknown));
  });
}

/** Waits for queued promise callbacks and one macrotask. */
export function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
