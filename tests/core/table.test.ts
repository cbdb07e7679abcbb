import { expect } from '@open-wc/testing';
import { Table } from '@cwm/core';

interface Item {
  readonly id: string;
  readonly value: number;
}

const item = (id: string, value = 0): Item => ({ id, value });

describe('Table', () => {
  it('stores, replaces and deletes without touching older tables', () => {
    const empty = Table.empty<Item>();
    const one = empty.set(item('a', 1));
    const two = one.set(item('b', 2));
    const replaced = two.set(item('a', 10));
    const removed = replaced.delete('b');
    expect(empty.size).to.equal(0);
    expect(one.get('a')?.value).to.equal(1);
    expect(two.size).to.equal(2);
    expect(replaced.get('a')?.value).to.equal(10);
    expect(two.get('a')?.value).to.equal(1);
    expect(removed.has('b')).to.equal(false);
    expect(removed.size).to.equal(1);
    expect(replaced.has('b')).to.equal(true);
  });

  it('returns itself when nothing changes', () => {
    const a = item('a');
    const table = Table.from([a]);
    expect(table.set(a)).to.equal(table);
    expect(table.delete('missing')).to.equal(table);
    expect(table.batch([], [])).to.equal(table);
  });

  it('iterates every live entity exactly once across base and overlay', () => {
    let table = Table.from([item('a'), item('b'), item('c')]);
    table = table.set(item('b', 5)).delete('c').set(item('d'));
    const ids = table.values().map((entry) => entry.id).sort();
    expect(ids).to.deep.equal(['a', 'b', 'd']);
    expect(table.get('b')?.value).to.equal(5);
    expect(table.size).to.equal(3);
  });

  it('tells which ids changed since an older table of its lineage', () => {
    const start = Table.from([item('a'), item('b')]);
    const later = start.set(item('a', 1)).batch([item('c')], ['b']);
    expect(later.changedSince(start)?.sort()).to.deep.equal(['a', 'b', 'c']);
    expect(later.changedSince(later)).to.deep.equal([]);
    expect(start.changedSince(later)).to.equal(undefined);
    expect(later.changedSince(Table.from([item('a')]))).to.equal(undefined);
  });

  it('keeps change tracking right when a branch is made off an older table', () => {
    const root = Table.from([item('a')]);
    const left = root.set(item('x'));
    const right = root.set(item('y'));
    expect(left.changedSince(root)).to.deep.equal(['x']);
    // A branch starts its own history: it never reports a sibling's changes as its own.
    expect(right.changedSince(left)).to.equal(undefined);
    expect(right.get('y')).to.not.equal(undefined);
    expect(right.has('x')).to.equal(false);
    expect(right.set(item('z')).changedSince(right)).to.deep.equal(['z']);
  });

  it('stays correct past overlay compaction and log trimming', () => {
    let table = Table.from(Array.from({ length: 1000 }, (_, i) => item(`t${i}`, i)));
    const start = table;
    for (let i = 0; i < 3000; i++) table = table.set(item(`t${i % 1000}`, i + 1000));
    expect(table.size).to.equal(1000);
    expect(table.get('t999')?.value).to.equal(2999 + 1000);
    expect(table.values().length).to.equal(1000);
    // The log keeps the last revisions only: an old table falls back to "compare everything".
    expect(table.changedSince(start)).to.equal(undefined);
  });

  it('updates one entity of 100,000 in well under a millisecond', () => {
    let table = Table.from(Array.from({ length: 100_000 }, (_, i) => item(`t${i}`, i)));
    const started = performance.now();
    for (let i = 0; i < 1000; i++) table = table.set(item(`t${i * 7}`, -i));
    const perUpdate = (performance.now() - started) / 1000;
    expect(table.get('t7')?.value).to.equal(-1);
    expect(perUpdate).to.be.below(0.5);
  });
});
