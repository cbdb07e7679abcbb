import { expect } from '@open-wc/testing';
import type { ActivityEntry } from '@cwm/core';
import { XSS_PAYLOADS, xssViolations } from '../fixtures/xss-payloads.js';
import { makeMessage } from '../fixtures/entities.js';
import { $, $$, mountDetail, settle, text, until } from './sections-fixtures.js';

function entry(id: string, minute: number, action: ActivityEntry['action'], changes: ActivityEntry['changes'] = [], actorId = 'u-1'): ActivityEntry {
  const at = new Date(Date.UTC(2026, 10, 1, 9, minute)).toISOString();
  return { id, version: 1, createdAt: at, updatedAt: at, taskId: 't-1', projectId: 'p-1', actorId, at, action, changes };
}

function comment(id: string, minute: number, body: string, authorId = 'u-2') {
  const at = new Date(Date.UTC(2026, 10, 1, 9, minute)).toISOString();
  return makeMessage(id, { taskId: 't-1', authorId, body, createdAt: at, updatedAt: at });
}

const ACTIVITY = [
  entry('a-1', 0, 'created'),
  entry('a-2', 10, 'updated', [{ field: 'status', from: 'todo', to: 'doing' }], 'u-3'),
  entry('a-3', 20, 'updated', [{ field: 'assigneeIds', from: [], to: ['u-2'] }], 'u-3'),
  entry('a-4', 30, 'updated', [{ field: 'due', from: undefined, to: '2026-11-20' }]),
];
const MESSAGES = [comment('m-1', 5, 'First **thoughts**'), comment('m-2', 25, 'Looks good')];

function rows(detail: HTMLElement): string[] {
  return [...detail.shadowRoot!.querySelectorAll('.activity .feed > li')].map((row) => row.getAttribute('data-key')!);
}

describe('<cwm-task-detail> activity section', () => {
  it('merges history and comments in time order, in words', async () => {
    const { detail, store } = await mountDetail({ activity: ACTIVITY, messages: MESSAGES });
    // The store reads a thread when asked; the element asks for it (or a chat on the page does).
    store.messages$('t-1').subscribe().unsubscribe();
    await until(() => rows(detail).length === 6, 'six rows');
    expect(rows(detail)).to.deep.equal(['a:a-1', 'm:m-1', 'a:a-2', 'a:a-3', 'm:m-2', 'a:a-4']);
    const texts = $$(detail, '.activity .feed > li').map(text);
    expect(texts[0]).to.contain('Ada Lovelace created the task.');
    expect(texts[1]).to.contain('Grace Hopper commented').and.contain('First thoughts');
    expect($(detail, '.activity li[data-key="m:m-1"] strong').textContent).to.equal('thoughts');
    expect(texts[2]).to.contain('Mia Manager set the status to Doing.');
    expect(texts[3]).to.contain('Mia Manager assigned Grace Hopper.');
    expect(texts[5]).to.match(/Ada Lovelace set the due date to Nov 20, 2026\./);
    expect($(detail, '.activity li[data-key="a:a-1"] time').getAttribute('datetime')).to.equal('2026-11-01T09:00:00.000Z');
  });

  it('filters changes and comments', async () => {
    const { detail, store } = await mountDetail({ activity: ACTIVITY, messages: MESSAGES });
    store.messages$('t-1').subscribe().unsubscribe();
    await until(() => rows(detail).length === 6, 'six rows');
    const radio = (value: string) => $<HTMLInputElement>(detail, `.activity input[value="${value}"]`);
    radio('comments').click();
    await settle(detail);
    expect(rows(detail)).to.deep.equal(['m:m-1', 'm:m-2']);
    radio('changes').click();
    await settle(detail);
    expect(rows(detail)).to.deep.equal(['a:a-1', 'a:a-2', 'a:a-3', 'a:a-4']);
    radio('all').click();
    await settle(detail);
    expect(rows(detail).length).to.equal(6);
  });

  it('shows the newest 50, then older ones on demand', async () => {
    const activity = Array.from({ length: 120 }, (_, index) => entry(`b-${String(index).padStart(3, '0')}`, index, 'updated', [{ field: 'progress', from: 0, to: index }]));
    const { detail } = await mountDetail({ activity });
    await until(() => rows(detail).length === 50, 'fifty rows');
    expect(rows(detail)[0]).to.equal('a:b-070');
    expect(rows(detail)[49]).to.equal('a:b-119');
    const older = $<HTMLButtonElement>(detail, '#activity-older');
    expect(text(older)).to.equal('Show 50 older entries');
    older.focus();
    older.click();
    await settle(detail);
    expect(rows(detail).length).to.equal(100);
    expect(text($(detail, '#activity-older'))).to.equal('Show 20 older entries');
    expect(detail.shadowRoot!.activeElement?.id).to.equal('activity-older');
    $<HTMLButtonElement>(detail, '#activity-older').click();
    await settle(detail);
    expect(rows(detail).length).to.equal(120);
    expect($$(detail, '#activity-older').length).to.equal(0);
    expect(detail.shadowRoot!.activeElement?.id).to.equal('activity-heading');
  });

  it('speaks German', async () => {
    const { detail } = await mountDetail({ activity: ACTIVITY, lang: 'de' });
    await until(() => rows(detail).length === 4, 'four rows');
    const texts = $$(detail, '.activity .feed > li').map(text);
    expect(texts[0]).to.contain('Ada Lovelace hat die Aufgabe angelegt.');
    expect(texts[1]).to.contain('Mia Manager hat den Status auf Doing gesetzt.');
    expect(text($(detail, '#activity-heading'))).to.equal('Verlauf');
  });

  it('shows an edit made here at once', async () => {
    const { detail, store } = await mountDetail({ activity: [entry('a-1', 0, 'created')] });
    await until(() => rows(detail).length === 1, 'one row');
    store.updateTask('t-1', { priority: 'high' });
    await until(() => rows(detail).length === 2, 'the edit is listed');
    expect(text($$(detail, '.activity .feed > li')[1]!)).to.contain('Ada Lovelace set the priority to high.');
  });

  it('renders hostile comments and names as text (XSS battery)', async () => {
    const messages = XSS_PAYLOADS.map((payload, index) => comment(`x-${String(index).padStart(2, '0')}`, index, payload.text));
    const { PEOPLE } = await import('./sections-fixtures.js');
    const people = PEOPLE.map((person) => (person.id === 'u-2' ? { ...person, name: '<img src=x onerror="window.__xss=1">' } : person));
    const { detail, store } = await mountDetail({ messages, people, activity: [entry('a-1', 0, 'updated', [{ field: 'assigneeIds', from: [], to: ['u-2'] }])] });
    store.messages$('t-1').subscribe().unsubscribe();
    await until(() => rows(detail).length > 1, 'comments listed');
    await settle(detail);
    expect(xssViolations($(detail, '.activity .feed'))).to.deep.equal([]);
    expect(text($(detail, '.activity li[data-key="a:a-1"]'))).to.contain('assigned <img src=x onerror="window.__xss=1">');
  });

  it('passes axe, light and dark', async () => {
    const light = await mountDetail({ activity: ACTIVITY, messages: MESSAGES });
    light.store.messages$('t-1').subscribe().unsubscribe();
    await until(() => rows(light.detail).length === 6, 'six rows');
    await expect(light.detail).to.be.accessible();
    const dark = await mountDetail({ activity: ACTIVITY, messages: MESSAGES, theme: 'dark' });
    // The element loads the task's messages itself: the comments join the history without any chat on the page.
    await until(() => rows(dark.detail).length === 6, 'six rows, comments loaded by the element');
    await expect(dark.detail).to.be.accessible();
  });
});
