// Story fixture: one browser's network connection to the in-page backend (see in-page-backend.ts).
// Each adapter of a story gets its own link, so one person can go offline while the other keeps working.

/**
 * A `fetch` to the in-page backend that can be cut. Offline, every request rejects with the TypeError
 * a dead network gives, and the event streams it opened break mid-read, as a dropped connection does.
 */
export class InPageLink {
  private onlineValue = true;
  private readonly streams = new Set<TransformStreamDefaultController<Uint8Array>>();

  constructor(private readonly answer: (request: Request) => Promise<Response>) {}

  /** Whether requests get through. Switching it off breaks every event stream open on this link. */
  get online(): boolean {
    return this.onlineValue;
  }

  set online(online: boolean) {
    this.onlineValue = online;
    if (online) return;
    for (const stream of this.streams) stream.error(new TypeError('network error'));
    this.streams.clear();
  }

  /** `fetch` for `RestAdapterOptions.fetch` / `cwmServerOptions({ fetch })`. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (!this.onlineValue) throw new TypeError('Failed to fetch');
    const response = await this.answer(request);
    // The network may have gone while the request travelled.
    if (!this.onlineValue) {
      await response.body?.cancel();
      throw new TypeError('Failed to fetch');
    }
    const type = response.headers.get('Content-Type') ?? '';
    if (response.body === null || !type.startsWith('text/event-stream')) return response;
    // An event stream passes through a pipe this link can break when it goes offline.
    let controller: TransformStreamDefaultController<Uint8Array> | undefined;
    const pipe = new TransformStream<Uint8Array, Uint8Array>({ start: (c) => void (controller = c) });
    if (controller === undefined) return response;
    const opened = controller;
    this.streams.add(opened);
    // Ends when either side does: the reader cancels (the source is cancelled too) or the link breaks.
    void response.body
      .pipeTo(pipe.writable)
      .catch(() => undefined)
      .finally(() => this.streams.delete(opened));
    return new Response(pipe.readable, { status: response.status, headers: response.headers });
  };
}
