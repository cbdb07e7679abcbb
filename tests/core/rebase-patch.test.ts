import { expect } from '@open-wc/testing';
import { PendingWrites, rebasePatch, type ConnectionState, type Mutation, type PendingWrite, type Task } from '@cwm/core';
import { mergeConflict, unionFields } from '../../packages/core/src/store/conflict-merge.js';
import { senderResumed, syncOfConnection } from '../../packages/core/src/store/sync-connection.js';
import { isQueuedMutation } from '../../packages/core/src/store/queued-writes.js';
import { replayWrite } from '../../packages/core/src/store/replay.js';
import { makeTask } from '../fixtures/entities.js';

const base = { actorId: 'u-1', at: '2026-11-26T09:00:00.000Z', intent: 'task.edit', collection: 'tasks' as const };

function edit(id: string, patch: Record<string, unknown>, baseValues?: Record<string, unknown>, baseVersion = 1): Mutation {
  return { ...base, id, kind: 'update', entityId: 't-1', baseVersion, patch, ...(baseValues ? { baseValues } : {}) } as Mutation;
}

function write(mutation: Mutation): PendingWrite {
  return { mutation, inFlight: false, rebases: 0, settle: () => undefined };
}

describe('rebasePatch', () => {
  it('keeps fields nobody else changed and drops the ones someone else changed first', () => {
    const current = { title: 'Theirs', priority: 'high', due: '2026-12-01' };
    const rebased = rebasePatch({ title: 'Mine', priority: 'low' }, { title: 'Old', priority: 'high' }, current);
    expect(rebased).to.deep.equal({ patch: { priority: 'low' }, kept: ['title'] });
  });

  it('treats an edit that already holds our value as no disagreement, and a cleared field as null', () => {
    const rebased = rebasePatch({ title: 'Same', due: null, labels: ['a'] }, { title: 'Old', due: null, labels: [] }, { title: 'Same', labels: [] });
    expect(rebased).to.deep.equal({ patch: { title: 'Same', due: null, labels: ['a'] }, kept: [] });
  });

  it('compares structured values (arrays, objects) by value', () => {
    const deps = [{ predecessorId: 't-2', type: 'FS', lag: 0 }];
    const changed = [{ predecessorId: 't-2', type: 'FS', lag: 2 }];
    expect(rebasePatch({ dependencies: [] }, { dependencies: deps }, { dependencies: [...deps.map((d) => ({ ...d }))] }).kept).to.deep.equal([]);
    expect(rebasePatch({ dependencies: [] }, { dependencies: deps }, { dependencies: changed }).kept).to.deep.equal(['dependencies']);
  });

  it('without base values lets the whole patch win (last writer, for backends without history)', () => {
    expect(rebasePatch({ title: 'Mine' }, undefined, { title: 'Theirs' })).to.deep.equal({ patch: { title: 'Mine' }, kept: [] });
  });
});

describe('mergeConflict (the store’s conflict rule)', () => {
  const current = makeTask('t-1', { version: 4, title: 'Theirs', priority: 'high' });

  it('resends the reduced patch on the current version, with the current values as its base', () => {
    const step = mergeConflict(edit('m-1', { title: 'Mine', estimate: 5 }, { title: 'Task t-1', estimate: null }), current, 0, 3);
    expect(step.action).to.equal('resend');
    if (step.action !== 'resend') return;
    expect(step.kept).to.deep.equal(['title']);
    expect(step.mutation).to.include({ id: 'm-1', baseVersion: 4 });
    expect(step.mutation.kind === 'update' && step.mutation.patch).to.deep.equal({ estimate: 5 });
    expect(step.mutation.kind === 'update' && step.mutation.baseValues).to.deep.equal({ estimate: null });
  });

  it('settles without a resend when nothing is left, or what is left is already on the server', () => {
    expect(mergeConflict(edit('m-1', { title: 'Mine' }, { title: 'Task t-1' }), current, 0, 3)).to.deep.equal({ action: 'settle', kept: ['title'] });
    expect(mergeConflict(edit('m-2', { priority: 'high' }, { priority: 'medium' }), current, 3, 3)).to.deep.equal({ action: 'settle', kept: [] });
  });

  it('gives up after the rebase limit, never retries a create, and resends a delete on the new version', () => {
    expect(mergeConflict(edit('m-1', { estimate: 3 }, { estimate: null }), current, 3, 3)).to.deep.equal({ action: 'reject' });
    const create = { ...base, id: 'm-2', kind: 'create', entityId: 't-1', value: makeTask('t-1') } as Mutation;
    expect(mergeConflict(create, current, 0, 3)).to.deep.equal({ action: 'reject' });
    const remove = { ...base, id: 'm-3', kind: 'delete', entityId: 't-1', baseVersion: 1 } as Mutation;
    const step = mergeConflict(remove, current, 0, 3);
    expect(step.action === 'resend' && step.mutation.baseVersion).to.equal(4);
  });

  it('without base values resends the whole patch (last writer wins)', () => {
    const step = mergeConflict(edit('m-1', { title: 'Mine' }), current, 0, 3);
    expect(step.action === 'resend' && step.mutation.kind === 'update' && step.mutation.patch).to.deep.equal({ title: 'Mine' });
    expect(step.action === 'resend' && 'baseValues' in step.mutation).to.equal(false);
  });

  it('unions kept field lists without repeats', () => {
    expect(unionFields(['title'], ['due', 'title'])).to.deep.equal(['title', 'due']);
    expect(unionFields(undefined, undefined)).to.deep.equal([]);
  });
});

describe('store helpers for the outbox', () => {
  it('maps connection states into sync fields; retryAt only while waiting; a failed storage is never durable', () => {
    const state: ConnectionState = { realtime: 'reconnecting', sending: 'waiting', durable: true, queued: 3, retryAt: 1234 };
    expect(syncOfConnection(state, false)).to.deep.equal({ realtime: 'reconnecting', sending: 'waiting', durable: true, queued: 3, retryAt: 1234 });
    expect(syncOfConnection({ ...state, sending: 'sending' }, true)).to.deep.equal({ realtime: 'reconnecting', sending: 'sending', durable: false, queued: 3, retryAt: undefined });
  });

  it('notices the sender coming out of waiting or paused-auth, and nothing else', () => {
    expect(senderResumed('waiting', 'sending')).to.equal(true);
    expect(senderResumed('paused-auth', 'idle')).to.equal(true);
    expect(senderResumed('waiting', 'paused-auth')).to.equal(false);
    expect(senderResumed('idle', 'sending')).to.equal(false);
    expect(senderResumed(undefined, 'idle')).to.equal(false);
  });

  it('accepts well-formed queued mutations only', () => {
    expect(isQueuedMutation(edit('m-1', { title: 'x' }))).to.equal(true);
    expect(isQueuedMutation({ ...base, id: 'm-2', kind: 'create', entityId: 't-9', value: makeTask('t-9') })).to.equal(true);
    expect(isQueuedMutation({ ...base, id: 'm-3', kind: 'create', entityId: 't-9', value: makeTask('t-8') })).to.equal(false);
    expect(isQueuedMutation({ ...edit('m-4', { title: 'x' }), collection: 'nope' })).to.equal(false);
    expect(isQueuedMutation({ ...edit('m-5', { title: 'x' }), kind: 'upsert' })).to.equal(false);
    expect(isQueuedMutation({ ...edit('m-6', { title: 'x' }), baseVersion: '1' })).to.equal(false);
    expect(isQueuedMutation(null)).to.equal(false);
  });

  it('puts re-read writes first, in their order, and keeps the rest after them', () => {
    const pending = new PendingWrites();
    const newer = write(edit('m-new', { title: 'new' }));
    const queuedHeld = write(edit('m-2', { title: 'two' }));
    pending.add(newer);
    pending.add(queuedHeld);
    const oldest = write(edit('m-1', { title: 'one' }));
    pending.putFirst([oldest, queuedHeld]);
    expect(pending.forEntity('tasks', 't-1').map((w) => w.mutation.id)).to.deep.equal(['m-1', 'm-2', 'm-new']);
    expect(pending.size).to.equal(3);
    expect(pending.nextBatch(5).map((w) => w.mutation.id)).to.deep.equal(['m-1']);
  });

  it('replays a create over a confirmed entity as the confirmed one, and after a pending delete as the create', () => {
    const confirmed = makeTask('t-1', { version: 5, title: 'Server' });
    const create = { ...base, id: 'm-1', kind: 'create', entityId: 't-1', value: makeTask('t-1', { title: 'Created' }) } as Mutation;
    expect(replayWrite(confirmed, create)).to.equal(confirmed);
    expect((replayWrite(undefined, create) as Task | undefined)?.title).to.equal('Created');
  });
});
