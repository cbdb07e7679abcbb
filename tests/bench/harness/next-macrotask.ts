/**
 * Resolves after the current task and its microtasks, so anything a change scheduled asynchronously
 * (promise callbacks, a zero timer) has run before the scenario reads its clocks.
 */
export function nextMacrotask(): Promise<void> {
  // MessageChannel rather than setTimeout(0): nested timers are clamped to 4 ms, which would pad
  // every run of a long loop.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
