/**
 * Checks the harness itself, so a surprising number elsewhere is not a harness bug: the sampler keeps
 * exactly `runs` samples of a known duration, and a peer tab answers calls and shares the clock.
 */
import type { BenchContext } from '../harness/types.js';

export const description = 'harness self-check: a 1 ms busy loop is measured as 1 ms; a peer tab echoes and shares the clock';

function spin(ms: number): number {
  const start = performance.now();
  while (performance.now() - start < ms) {
    // Busy on purpose: a timer would measure the event loop, not the harness.
  }
  return performance.now() - start;
}

export async function run(context: BenchContext): Promise<void> {
  let calls = 0;
  const busy = await context.sample({ runs: 20, warmup: 3 }, () => {
    calls++;
    return spin(1);
  });
  if (calls !== 23 || busy.length !== 20) throw new Error(`sampler ran ${calls} times and kept ${busy.length} samples (want 23 and 20)`);
  if (busy.some((ms) => ms < 1)) throw new Error(`a 1 ms busy loop measured ${Math.min(...busy)} ms`);
  context.record({ name: '1 ms busy loop', unit: 'ms', samples: busy, target: { stat: 'median', max: 1.5 } });

  const peer = await context.openPeer('self-test.peer');
  try {
    const roundTrips = await context.sample({ runs: 20, warmup: 2 }, async (i) => {
      const before = context.sharedNow();
      const answer = await peer.call<{ echo: number; at: number }>('echo', i);
      const after = context.sharedNow();
      if (answer.echo !== i) throw new Error(`peer echoed ${answer.echo}, want ${i}`);
      // Both pages read performance.timeOrigin + now(); the peer's reading must fall inside our call.
      if (answer.at < before - 1 || answer.at > after + 1) {
        throw new Error(`peer clock ${answer.at} outside [${before}, ${after}]: pages do not share a clock`);
      }
      return after - before;
    });
    context.record({
      name: 'peer call round trip',
      unit: 'ms',
      samples: roundTrips,
      note: 'page -> runner -> other tab -> back; overhead of PeerPage.call, outside any measured interval',
    });
  } finally {
    await peer.close();
  }
}
