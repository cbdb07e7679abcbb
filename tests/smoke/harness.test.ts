import { expect } from '@open-wc/testing';
import { BehaviorSubject } from 'rxjs';

describe('test harness', () => {
  it('runs TypeScript in a real browser with rxjs', () => {
    const subject = new BehaviorSubject(1);
    subject.next(2);
    expect(subject.value).to.equal(2);
    expect(typeof indexedDB.open).to.equal('function');
  });
});
