import { expect } from '@open-wc/testing';
import { OutboxChannel } from '../../packages/adapter-rest/src/outbox/channel.js';
import { HeartbeatElector, type HeartbeatTiming } from '../../packages/adapter-rest/src/outbox/heartbeat-elector.js';
import { WebLockLeadership } from '../../packages/adapter-rest/src/outbox/leader.js';
import type { Outbox } from '../../packages/adapter-rest/src/outbox/outbox.js';
import { openFrameTab, type FrameTab } from './frame-tab.js';
import { FakeBackend, hang, task, unique, until, updateTask, wait } from './outbox-fakes.js';

const FAST: HeartbeatTiming = { beatMs: 40, timeoutMs: 150, helloWaitMs: 60 };

describe('WebLockLeadership', () => {
  it('lets one holder lead and hands over when it releases', async () => {
    const name = unique('lock');
    const first = new WebLockLeadership(name);
    await until(() => first.isLeader, 'the first to lead');
    const second = new WebLockLeadership(name);
    await wait(30);
    expect(second.isLeader).to.equal(false);
    first.release();
    expect(first.isLeader).to.equal(false);
    await until(() => second.isLeader, 'the takeover');
    second.release();
  });

  it('stops waiting when released before it ever led', async () => {
    const name = unique('lock');
    const holder = new WebLockLeadership(name);
    await until(() => holder.isLeader, 'the holder');
    const quitter = new WebLockLeadership(name);
    quitter.release();
    const third = new WebLockLeadership(name);
    holder.release();
    await until(() => third.isLeader, 'the third');
    expect(quitter.isLeader).to.equal(false);
    third.release();
  });
});

describe('HeartbeatElector', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  function elector(ns: string, tabId: string): { elector: HeartbeatElector; channel: OutboxChannel } {
    const channel = new OutboxChannel(ns);
    const made = new HeartbeatElector(channel, tabId, FAST);
    cleanups.push(() => {
      made.release();
      channel.close();
    });
    return { elector: made, channel };
  }

  it('leads alone, is followed by a later tab, and hands over at once on resigning', async () => {
    const ns = unique('cwm:hb');
    const a = elector(ns, 'tab-b');
    await until(() => a.elector.isLeader, 'the first tab to lead');
    const b = elector(ns, 'tab-a');
    await wait(FAST.timeoutMs * 2);
    // A leader exists: the newcomer follows even though its id is lower.
    expect(b.elector.isLeader).to.equal(false);
    expect(a.elector.isLeader).to.equal(true);
    const resigned = performance.now();
    a.elector.release();
    await until(() => b.elector.isLeader, 'the takeover');
    expect(performance.now() - resigned).to.be.below(FAST.timeoutMs);
  });

  it('takes over when the leader goes silent', async () => {
    const ns = unique('cwm:hb');
    const a = elector(ns, 'tab-1');
    await until(() => a.elector.isLeader, 'the leader');
    const b = elector(ns, 'tab-2');
    await wait(FAST.helloWaitMs + 20);
    expect(b.elector.isLeader).to.equal(false);
    // The leader's tab dies: its messages stop, no goodbye.
    a.channel.close();
    const silent = performance.now();
    await until(() => b.elector.isLeader, 'the takeover', 2000);
    expect(performance.now() - silent).to.be.within(FAST.timeoutMs - FAST.beatMs, FAST.timeoutMs + 4 * FAST.beatMs);
  });

  it('settles on one leader when two claim at once', async () => {
    const ns = unique('cwm:hb');
    const a = elector(ns, 'tab-x');
    const b = elector(ns, 'tab-y');
    await until(() => a.elector.isLeader || b.elector.isLeader, 'a leader');
    await wait(FAST.beatMs * 3);
    expect([a.elector.isLeader, b.elector.isLeader]).to.deep.equal([true, false]);
  });
});

describe('leadership between tabs', () => {
  const frames: FrameTab[] = [];
  const outboxes: Outbox[] = [];
  afterEach(async () => {
    for (const outbox of outboxes.splice(0)) await outbox.wipe().catch(() => undefined);
    for (const frame of frames.splice(0)) frame.kill();
  });

  for (const leader of ['auto', 'heartbeat'] as const) {
    it(`moves to another tab when the sending tab is closed mid-send (${leader === 'auto' ? 'Web Locks' : 'heartbeat fallback'})`, async function () {
      this.timeout(15_000);
      const tenant = unique('acme');
      const backend = new FakeBackend();
      backend.put(task('t-1'));
      const write = updateTask('t-1', { title: 'finished by the other tab' }, 1);
      const sentBy: string[] = [];
      const sender = (tab: string) => (mutation: Parameters<typeof backend.send>[0], signal: AbortSignal) => {
        sentBy.push(tab);
        // The first tab's request never comes back: the tab is closed while it is out.
        if (tab === 'first') return (hang as (m: typeof mutation, s: AbortSignal) => ReturnType<typeof backend.send>)(mutation, signal);
        return backend.send(mutation, signal);
      };
      const first = await openFrameTab();
      const second = await openFrameTab();
      frames.push(first, second);
      const options = { tenant, userId: 'u-1', readCurrent: backend.readCurrent, leader } as const;
      const a = await first.open({ ...options, send: sender('first') });
      await until(() => a.state.sending === 'idle' && (leader === 'auto' || a.state.durable), 'the first tab');
      if (leader === 'heartbeat') await wait(400);
      const b = await second.open({ ...options, send: sender('second') });
      outboxes.push(b);
      await a.record([write]);
      await until(() => sentBy.length === 1, 'the first tab to send');
      expect(b.state.sending).to.equal('other-tab');
      const closed = performance.now();
      first.kill();
      const [result] = await b.push([write]).catch(async (error) => {
        // A push may give up before the takeover (heartbeat: up to a few seconds); ask again.
        expect(error.code).to.equal('network');
        await until(() => b.state.queued === 0, 'the takeover', 8000);
        return b.push([write]);
      });
      expect(result?.status).to.equal('applied');
      expect(sentBy).to.deep.equal(['first', 'second']);
      expect(backend.calls.length).to.equal(1);
      expect(performance.now() - closed).to.be.below(leader === 'auto' ? 1500 : 5500);
      expect(backend.entities.get('t-1')).to.include({ title: 'finished by the other tab', version: 2 });
    });
  }
});
