import { expect } from '@open-wc/testing';
import { foldForSearch, searchByTitle } from '@cwm/core';

const items = [
  { id: 'a', title: 'Build the API' },
  { id: 'b', title: 'Über-review' },
  { id: 'c', title: 'Rebuild' },
  { id: 'x-build', title: 'Deploy' },
  { id: 'd', title: 'build docs' },
];
const ids = (found: readonly { id: string }[]) => found.map((item) => item.id);

describe('searchByTitle', () => {
  it('folds case and accents', () => {
    expect(foldForSearch('Über ÉTÉ')).to.equal('uber ete');
    expect(ids(searchByTitle(items, 'uber'))).to.deep.equal(['b']);
  });

  it('lists titles starting with the query first, then those containing it, each in the given order', () => {
    expect(ids(searchByTitle(items, ' BUILD '))).to.deep.equal(['a', 'd', 'c']);
  });

  it('matches ids only when asked, after the titles that start with the query', () => {
    expect(ids(searchByTitle(items, 'build', { matchIds: true }))).to.deep.equal(['a', 'd', 'c', 'x-build']);
  });

  it('leaves out excluded ids and stops at the limit, starting titles kept over containing ones', () => {
    expect(ids(searchByTitle(items, 'build', { exclude: new Set(['a']) }))).to.deep.equal(['d', 'c']);
    expect(ids(searchByTitle(items, 'build', { limit: 2 }))).to.deep.equal(['a', 'd']);
    expect(ids(searchByTitle(items, 'build', { limit: 1, matchIds: true }))).to.deep.equal(['a']);
  });

  it('matches everything for an empty query, in order, and returns the items themselves', () => {
    const found = searchByTitle(items, '  ');
    expect(ids(found)).to.deep.equal(['a', 'b', 'c', 'x-build', 'd']);
    expect(found[1]).to.equal(items[1]);
  });
});
