import { expect } from '@open-wc/testing';
import { compareRanks, rankBetween, spreadRanks } from '@cwm/core';

describe('ranks', () => {
  it('finds a rank strictly between two others', () => {
    const pairs: [string | undefined, string | undefined][] = [
      [undefined, undefined],
      ['a', 'b'],
      ['a', 'a1'],
      ['az', 'b'],
      ['1', '2'],
      [undefined, '1'],
      ['zzz', undefined],
      ['i', 'i01'],
    ];
    for (const [before, after] of pairs) {
      const rank = rankBetween(before, after);
      if (before !== undefined) expect(rank > before, `${rank} > ${before}`).to.equal(true);
      if (after !== undefined) expect(rank < after, `${rank} < ${after}`).to.equal(true);
      expect(rank.endsWith('0')).to.equal(false);
    }
  });

  it('keeps inserting at the same place without ever colliding', () => {
    let low = 'a';
    const high = 'b';
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const rank = rankBetween(low, high);
      expect(seen.has(rank)).to.equal(false);
      expect(rank > low && rank < high).to.equal(true);
      seen.add(rank);
      low = rank;
    }
  });

  it('sorts after the first rank when given equal or reversed neighbours', () => {
    expect(rankBetween('m', 'm') > 'm').to.equal(true);
    expect(rankBetween('m', 'c') > 'm').to.equal(true);
  });

  it('spreads ranks evenly in order', () => {
    const ranks = spreadRanks(1000);
    expect(ranks.length).to.equal(1000);
    expect([...ranks].sort(compareRanks)).to.deep.equal(ranks);
    expect(new Set(ranks).size).to.equal(1000);
  });

  it('refuses characters that are not rank digits', () => {
    expect(() => rankBetween('A', undefined)).to.throw(/not a rank/);
  });
});
