import { expect } from '@open-wc/testing';
import { makeTask } from '../fixtures/entities.js';
import { $, $$, choose, focused, mountDetail, settle, text, thisWeek } from './sections-fixtures.js';

function tasks() {
  const { monday, friday } = thisWeek();
  return [
    makeTask('t-1', { title: 'Wire the login form', assigneeIds: ['u-1'], start: monday, due: friday, estimate: 30 }),
    // Ada has 20 more hours elsewhere: 50 of 40 this week.
    makeTask('t-2', { title: 'Other work', assigneeIds: ['u-1'], start: monday, due: friday, estimate: 20 }),
    makeTask('t-3', { title: 'Grace work', assigneeIds: ['u-2'], start: monday, due: friday, estimate: 5 }),
  ];
}

describe('<cwm-task-detail> people and resources section', () => {
  it('shows each assignee\'s load this week and marks over-allocation', async () => {
    const { detail } = await mountDetail({ tasks: tasks() });
    const row = $(detail, '.people-list li[data-person-id="u-1"]');
    expect(text(row)).to.contain('Ada Lovelace').and.contain('50 / 40 h this week').and.contain('over capacity');
    expect(row.querySelector('.load')!.getAttribute('data-over')).to.equal('true');
  });

  it('lets a member take the task but shows others disabled with the policy\'s reason', async () => {
    const { detail, store } = await mountDetail({ tasks: [makeTask('t-1', { title: 'Wire the login form' })] });
    const select = $<HTMLSelectElement>(detail, '#people-assign');
    const grace = [...select.options].find((option) => option.value === 'u-2')!;
    expect(grace.disabled).to.equal(true);
    expect(grace.textContent).to.contain('Grace Hopper').and.contain('not allowed');
    const ada = [...select.options].find((option) => option.value === 'u-1')!;
    expect(ada.disabled).to.equal(false);
    choose(select, 'u-1');
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.assigneeIds).to.deep.equal(['u-1']);
    expect($$(detail, '.people-list li[data-person-id="u-1"]').length).to.equal(1);
  });

  it('lets a manager assign and unassign others, focus staying in the section', async () => {
    const { detail, store } = await mountDetail({ tasks: tasks(), userId: 'u-3' });
    choose($<HTMLSelectElement>(detail, '#people-assign'), 'u-2');
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.assigneeIds).to.deep.equal(['u-1', 'u-2']);
    // Build's 30 h are now split: Grace 15 + 5 elsewhere.
    expect(text($(detail, '.people-list li[data-person-id="u-2"]'))).to.contain('20 / 20 h this week');
    const unassign = $<HTMLButtonElement>(detail, '.people-list li[data-person-id="u-1"] button.icon');
    expect(unassign.getAttribute('aria-label')).to.equal('Unassign Ada Lovelace');
    unassign.focus();
    unassign.click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.assigneeIds).to.deep.equal(['u-2']);
    expect(focused(detail)?.id).to.equal('people-assign');
  });

  it('refuses a store-level unassignment with the reason beside the list', async () => {
    // A member sees Grace assigned but may not remove her: the reason shows instead of a button.
    const { detail } = await mountDetail({ tasks: [makeTask('t-1', { assigneeIds: ['u-2'] })] });
    const row = $(detail, '.people-list li[data-person-id="u-2"]');
    expect(row.querySelector('button')).to.equal(null);
    expect(text(row)).to.contain('Only managers');
  });

  it('joins as collaborator and adds another one', async () => {
    const { detail, store } = await mountDetail({ tasks: [makeTask('t-1')] });
    $<HTMLButtonElement>(detail, '#people-join').click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.followerIds).to.deep.equal(['u-1']);
    choose($<HTMLSelectElement>(detail, '#people-follow'), 'u-2');
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.followerIds).to.deep.equal(['u-1', 'u-2']);
    expect($$(detail, '.people-list li[data-person-id="u-2"]').length).to.equal(1);
  });

  it('books and releases a resource', async () => {
    const { detail, store } = await mountDetail({ tasks: [makeTask('t-1')] });
    const book = () => $<HTMLButtonElement>(detail, 'li[data-resource-id="r-2"] button');
    expect(book().getAttribute('aria-pressed')).to.equal('false');
    expect(text(book())).to.equal('Book Laser cutter');
    book().click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.resourceIds).to.deep.equal(['r-2']);
    expect(book().getAttribute('aria-pressed')).to.equal('true');
    book().click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.resourceIds).to.deep.equal([]);
  });

  it('disables everything for a viewer, with the reason', async () => {
    const { detail } = await mountDetail({ tasks: [makeTask('t-1')], userId: 'u-4' });
    expect($<HTMLButtonElement>(detail, 'li[data-resource-id="r-1"] button').disabled).to.equal(true);
    expect($$(detail, '.people .note').length).to.be.greaterThan(0);
    const options = [...$<HTMLSelectElement>(detail, '#people-assign').options].filter((option) => option.value !== '');
    expect(options.every((option) => option.disabled)).to.equal(true);
  });

  it('shows hostile names as text', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    const { PEOPLE } = await import('./sections-fixtures.js');
    const people = PEOPLE.map((person) => (person.id === 'u-2' || person.id === 'r-1' ? { ...person, name: payload } : person));
    const { detail } = await mountDetail({ tasks: [makeTask('t-1', { assigneeIds: ['u-2'], followerIds: ['u-2'] })], people });
    for (const element of $$(detail, '.people li')) expect(element.querySelector('img')).to.equal(null);
    expect(text($(detail, '.people-list li[data-person-id="u-2"]'))).to.contain(payload);
    expect(window.__xss).to.equal(undefined);
  });

  it('passes axe, light and dark', async () => {
    const light = await mountDetail({ tasks: tasks() });
    await expect(light.detail).to.be.accessible();
    const dark = await mountDetail({ tasks: tasks(), theme: 'dark' });
    await expect(dark.detail).to.be.accessible();
  });
});
