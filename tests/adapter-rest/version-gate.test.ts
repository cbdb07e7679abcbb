import { expect } from '@open-wc/testing';
import { VersionGate, type WireChange } from '../../packages/adapter-rest/src/realtime/index.js';

const upsert = (id: string, version?: number, collection: 'tasks' | 'messages' = 'tasks'): WireChange =>
  version === undefined ? { type: 'upsert', collection, id, entity: { id } } : { type: 'upsert', collection, id, version, entity: { id, version } };
const remove = (id: string, version?: number): WireChange =>
  version === undefined ? { type: 'delete', collection: 'tasks', id } : { type: 'delete', collection: 'tasks', id, version };

describe('VersionGate', () => {
  let gate: VersionGate;
  beforeEach(() => {
    gate = new VersionGate();
  });

  it('admits a newer upsert and drops a duplicate', () => {
    expect(gate.admit(upsert('t1', 1))).to.equal(true);
    expect(gate.admit(upsert('t1', 2))).to.equal(true);
    expect(gate.admit(upsert('t1', 2))).to.equal(false);
  });

  it('drops an upsert that arrives after a newer one (out of order)', () => {
    expect(gate.admit(upsert('t1', 5))).to.equal(true);
    expect(gate.admit(upsert('t1', 3))).to.equal(false);
    expect(gate.admit(upsert('t1', 4))).to.equal(false);
    expect(gate.admit(upsert('t1', 6))).to.equal(true);
  });

  it('keeps ids and collections apart', () => {
    expect(gate.admit(upsert('t1', 5))).to.equal(true);
    expect(gate.admit(upsert('t2', 1))).to.equal(true);
    expect(gate.admit(upsert('t1', 1, 'messages'))).to.equal(true);
    // An id with a slash cannot collide with another collection's key.
    expect(gate.admit(upsert('tasks/t1', 1, 'messages'))).to.equal(true);
    expect(gate.admit(upsert('t1', 5))).to.equal(false);
  });

  it('drops a stale upsert arriving after the delete (tombstone), also at the deletion version', () => {
    expect(gate.admit(upsert('t1', 3))).to.equal(true);
    expect(gate.admit(remove('t1', 5))).to.equal(true);
    expect(gate.admit(upsert('t1', 4))).to.equal(false);
    expect(gate.admit(upsert('t1', 5))).to.equal(false);
    expect(gate.admit(remove('t1', 5))).to.equal(false);
  });

  it('remembers a delete of an entity it never saw', () => {
    expect(gate.admit(remove('t9', 4))).to.equal(true);
    expect(gate.admit(upsert('t9', 2))).to.equal(false);
  });

  it('admits a delete at the version of the last upsert (a server that does not bump on delete), but not an older one', () => {
    expect(gate.admit(upsert('t1', 7))).to.equal(true);
    expect(gate.admit(remove('t1', 6))).to.equal(false);
    expect(gate.admit(remove('t1', 7))).to.equal(true);
    expect(gate.admit(upsert('t1', 7))).to.equal(false);
  });

  it('always admits changes without a version; a versionless delete still fences older upserts', () => {
    expect(gate.admit(upsert('t1'))).to.equal(true);
    expect(gate.admit(upsert('t1'))).to.equal(true);
    expect(gate.admit(upsert('t2', 4))).to.equal(true);
    expect(gate.admit(remove('t2'))).to.equal(true);
    expect(gate.admit(upsert('t2', 4))).to.equal(false);
    expect(gate.admit(upsert('t2', 5))).to.equal(true);
  });

  it('always admits a reset and does not forget on it', () => {
    gate.admit(upsert('t1', 3));
    expect(gate.admit({ type: 'reset' })).to.equal(true);
    expect(gate.admit({ type: 'reset' })).to.equal(true);
    expect(gate.admit(upsert('t1', 3))).to.equal(false);
  });

  it('is seeded by seen(), which only ever raises the known version', () => {
    gate.seen('tasks', 't1', 4);
    expect(gate.admit(upsert('t1', 4))).to.equal(false);
    gate.seen('tasks', 't1', 2);
    expect(gate.admit(upsert('t1', 3))).to.equal(false);
    expect(gate.admit(upsert('t1', 5))).to.equal(true);
  });

  it('seen() of a newer version revives a tombstoned entity, an older one does not', () => {
    gate.admit(remove('t1', 5));
    gate.seen('tasks', 't1', 4);
    expect(gate.admit(upsert('t1', 5))).to.equal(false);
    gate.seen('tasks', 't1', 6);
    expect(gate.admit(remove('t1', 6))).to.equal(true);
  });

  it('clear() forgets everything', () => {
    gate.admit(upsert('t1', 9));
    gate.clear();
    expect(gate.size).to.equal(0);
    expect(gate.admit(upsert('t1', 1))).to.equal(true);
  });

  it('stays within maxEntries, forgetting the least recently touched first', () => {
    const small = new VersionGate({ maxEntries: 3 });
    small.admit(upsert('a', 1));
    small.admit(upsert('b', 1));
    small.admit(upsert('c', 1));
    small.admit(upsert('a', 2)); // touches a: b is now the oldest
    small.admit(upsert('d', 1));
    expect(small.size).to.equal(3);
    expect(small.admit(upsert('b', 1)), 'b was forgotten').to.equal(true);
    expect(small.admit(upsert('a', 2)), 'a is still known').to.equal(false);
    for (let i = 0; i < 1000; i += 1) small.admit(upsert(`x${i}`, 1));
    expect(small.size).to.equal(3);
  });
});
