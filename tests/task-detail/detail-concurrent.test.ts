// <cwm-task-detail>: a change by someone else (another store on the same backend) to the field being
// edited is shown with who and what, never silently overwritten; "Use theirs" / "Keep mine" decide.
import { expect } from '@open-wc/testing';
import { $, $$, change, errorOf, mountDetail, peer, press, settle, type, until } from './detail-fixtures.js';

describe('<cwm-task-detail> concurrent edits', () => {
  it('tells who changed the title to what while it was being edited, and keeps the draft', async () => {
    const { detail, store, backend } = await mountDetail();
    const grace = await peer(backend, 'u-2');
    $(detail, '[data-focus="title-edit"]').click();
    await settle(detail);
    type($<HTMLInputElement>(detail, '#title-input'), 'My title');
    expect(grace.updateTask('t-1', { title: 'Their title' }).ok).to.equal(true);
    await until(() => $$(detail, '.conflict').length === 1, 'the conflict notice');
    await until(() => $(detail, '.conflict p').textContent!.includes('Grace'), 'the name from the activity log');
    expect($(detail, '.conflict p').textContent).to.equal('Changed by Grace Hopper to “Their title” while you were editing.');
    expect($<HTMLInputElement>(detail, '#title-input').value).to.equal('My title');
    expect(store.state.tasks.get('t-1')!.title).to.equal('Their title');
    // Saving before deciding is refused, nothing is overwritten.
    press($(detail, '#title-input'), 'Enter');
    await settle(detail);
    expect(errorOf(detail, 'title')).to.contain('Use theirs');
    expect(store.state.tasks.get('t-1')!.title).to.equal('Their title');
    // Keep mine: the notice goes, the next save overwrites knowingly.
    $(detail, '[data-action="keep-mine"]').click();
    await settle(detail);
    expect($$(detail, '.conflict')).to.have.length(0);
    expect($<HTMLInputElement>(detail, '#title-input').value).to.equal('My title');
    press($(detail, '#title-input'), 'Enter');
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.title).to.equal('My title');
    await until(() => grace.state.tasks.get('t-1')!.title === 'My title', 'the peer to see the result');
    grace.dispose();
  });

  it('says in its status line when a save lost a field to an edit that reached the backend first', async () => {
    const { detail, store, backend } = await mountDetail();
    const grace = await peer(backend, 'u-2');
    $(detail, '[data-focus="title-edit"]').click();
    await settle(detail);
    type($<HTMLInputElement>(detail, '#title-input'), 'My title');
    // Both saves leave in the same moment: Grace's reaches the backend first, so ours meets a conflict.
    expect(grace.updateTask('t-1', { title: 'Their title' }).ok).to.equal(true);
    press($(detail, '#title-input'), 'Enter');
    await until(() => store.state.tasks.get('t-1')!.title === 'Their title' && store.state.sync.pendingWrites === 0, 'the merge to settle');
    await until(() => ($(detail, '.status-line').textContent ?? '').includes('someone else'), 'the merged-save notice');
    expect($(detail, '.status-line').textContent).to.contain('title');
    grace.dispose();
  });

  it('"Use theirs" replaces the draft with their value', async () => {
    const { detail, backend } = await mountDetail();
    const grace = await peer(backend, 'u-2');
    type($<HTMLInputElement>(detail, '#field-estimate'), '20');
    grace.updateTask('t-1', { estimate: 5 });
    await until(() => $$(detail, '.conflict').length === 1, 'the conflict notice');
    expect($(detail, '.conflict').getAttribute('data-field')).to.equal('estimate');
    $(detail, '[data-action="use-theirs"]').click();
    await settle(detail);
    expect($$(detail, '.conflict')).to.have.length(0);
    expect($<HTMLInputElement>(detail, '#field-estimate').value).to.equal('5');
    grace.dispose();
  });

  it('says nothing when the other change is to another field, or to exactly what was typed', async () => {
    const { detail, store, backend } = await mountDetail();
    const grace = await peer(backend, 'u-2');
    type($<HTMLInputElement>(detail, '#field-progress'), '30');
    grace.updateTask('t-1', { priority: 'urgent' });
    await until(() => store.state.tasks.get('t-1')!.priority === 'urgent', 'their change to arrive');
    await settle(detail);
    expect($$(detail, '.conflict')).to.have.length(0);
    expect($<HTMLInputElement>(detail, '#field-progress').value).to.equal('30');
    grace.updateTask('t-1', { progress: 30 });
    await until(() => store.state.tasks.get('t-1')!.progress === 30, 'their change to arrive');
    await settle(detail);
    expect($$(detail, '.conflict')).to.have.length(0);
    change($(detail, '#field-progress'));
    await settle(detail);
    expect(errorOf(detail, 'progress')).to.equal('');
    grace.dispose();
  });

  it('shows a change from someone else to a field nobody edits right away', async () => {
    const { detail, store, backend } = await mountDetail();
    const grace = await peer(backend, 'u-2');
    grace.updateTask('t-1', { due: '2026-12-01' });
    await until(() => store.state.tasks.get('t-1')!.due === '2026-12-01', 'their change to arrive');
    await settle(detail);
    expect($<HTMLInputElement>(detail, '#field-due').value).to.equal('2026-12-01');
    expect($$(detail, '.conflict')).to.have.length(0);
    grace.dispose();
  });
});
