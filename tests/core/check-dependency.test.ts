import { expect } from '@open-wc/testing';
import { checkNewDependency, Table, type Task } from '@cwm/core';
import { makeTask } from '../fixtures/entities.js';

const FS = (predecessorId: string, lag = 0) => ({ predecessorId, type: 'FS' as const, lag });

describe('checkNewDependency', () => {
  // b waits for a, c waits for b.
  const table = Table.from<Task>([
    makeTask('a', { title: 'Alpha' }),
    makeTask('b', { title: 'Beta', dependencies: [FS('a')] }),
    makeTask('c', { title: 'Gamma', dependencies: [FS('b')] }),
    makeTask('d', { title: 'Delta' }),
  ]);
  const get = (id: string) => table.get(id);
  const check = (successorId: string, predecessorId: string, lag = 0) =>
    checkNewDependency(get, { successorId, predecessorId, type: 'FS', lag });

  it('accepts a new, acyclic dependency of any type, lags at both ends of the range', () => {
    expect(check('d', 'c')).to.deep.equal({ ok: true });
    expect(checkNewDependency(get, { successorId: 'c', predecessorId: 'a', type: 'SS', lag: -365 })).to.deep.equal({ ok: true });
  });

  it('refuses a task depending on itself, before looking it up', () => {
    expect(check('a', 'a')).to.deep.equal({ ok: false, code: 'self' });
    expect(check('zz', 'zz')).to.deep.equal({ ok: false, code: 'self' });
  });

  it('refuses unknown tasks on either end, naming the missing one', () => {
    expect(check('zz', 'a')).to.deep.equal({ ok: false, code: 'unknown-task', taskId: 'zz' });
    expect(check('a', 'zz')).to.deep.equal({ ok: false, code: 'unknown-task', taskId: 'zz' });
    expect(check('yy', 'zz')).to.deep.equal({ ok: false, code: 'unknown-task', taskId: 'yy' });
  });

  it('refuses lags that are not whole days within ±365', () => {
    for (const lag of [1.5, 366, -366, Number.NaN, Infinity]) expect(check('d', 'a', lag), String(lag)).to.deep.equal({ ok: false, code: 'bad-lag' });
    for (const lag of [365, -365, 0]) expect(check('d', 'a', lag), String(lag)).to.deep.equal({ ok: true });
  });

  it('refuses a second dependency on the same predecessor, whatever its type, before a loop', () => {
    expect(checkNewDependency(get, { successorId: 'b', predecessorId: 'a', type: 'SF', lag: 3 })).to.deep.equal({ ok: false, code: 'duplicate' });
    // The reverse pair is no duplicate: it is a loop.
    expect(check('a', 'b')).to.deep.equal({ ok: false, code: 'cycle', path: ['b', 'a', 'b'] });
  });

  it('refuses a cycle with the loop it would close, in arrow order', () => {
    expect(check('a', 'c')).to.deep.equal({ ok: false, code: 'cycle', path: ['c', 'a', 'b', 'c'] });
  });

  it('checks the lag before the duplicate and the loop', () => {
    expect(check('b', 'a', 400)).to.deep.equal({ ok: false, code: 'bad-lag' });
    expect(check('a', 'c', 400)).to.deep.equal({ ok: false, code: 'bad-lag' });
  });
});
