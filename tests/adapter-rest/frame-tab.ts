// Opens the outbox test tab (outbox-tab.ts) in a same-origin iframe: another realm, like another tab.
import type { Outbox, OutboxOptions } from '../../packages/adapter-rest/src/outbox/outbox.js';

export interface FrameTab {
  readonly frame: HTMLIFrameElement;
  open(options: OutboxOptions): Promise<Outbox>;
  /** Closes the "tab" the hard way: no close(), no resign; the document is simply gone. */
  kill(): void;
}

export async function openFrameTab(): Promise<FrameTab> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><script type="module">import '/tests/adapter-rest/outbox-tab.ts';</script>`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Window;
  for (let i = 0; i < 200 && !win.openOutbox; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  const open = win.openOutbox;
  if (!open) throw new Error('The frame tab did not start.');
  return { frame, open, kill: () => frame.remove() };
}
