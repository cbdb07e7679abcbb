// <cwm-task-detail> in a host's frame: `no-close` (the host has its own Close; Escape still asks to
// close), the `close` part, and one height for every field control (a touch target at 390 px).
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, focused, mountDetail, settle } from './detail-fixtures.js';

describe('<cwm-task-detail> in a host frame', () => {
  it('shows its close button as part "close" by default; clicking it emits cwm-task-detail-close', async () => {
    const { detail } = await mountDetail();
    expect(detail.noClose).to.equal(false);
    const close = $<HTMLButtonElement>(detail, '.header [part="close"]');
    expect(close.getAttribute('aria-label')).to.equal('Close');
    const closed: string[] = [];
    detail.addEventListener('cwm-task-detail-close', (event) => closed.push(event.detail.taskId));
    close.click();
    expect(closed).to.deep.equal(['t-1']);
  });

  it('hides the close button with no-close, still closes on Escape, and shows it again when removed', async () => {
    const { detail } = await mountDetail();
    detail.setAttribute('no-close', '');
    await settle(detail);
    expect(detail.noClose).to.equal(true);
    expect($$(detail, '.close').length).to.equal(0);
    expect($$(detail, '[part="close"]').length).to.equal(0);
    // The header keeps the title and its Edit button.
    expect($(detail, '.header [data-focus="title-edit"]')).to.exist;

    const closed: string[] = [];
    detail.addEventListener('cwm-task-detail-close', (event) => closed.push(event.detail.taskId));
    $(detail, '[data-focus="title-edit"]').focus();
    await sendKeys({ press: 'Escape' });
    expect(closed).to.deep.equal(['t-1']);

    detail.noClose = false;
    await settle(detail);
    expect(detail.hasAttribute('no-close')).to.equal(false);
    expect($$(detail, '[part="close"]').length).to.equal(1);
  });

  it('hides the close button in the loading and missing-task states too', async () => {
    const { detail } = await mountDetail();
    detail.noClose = true;
    detail.task = 'no-such-task';
    await settle(detail);
    expect($(detail, '.panel').textContent).to.contain('does not exist');
    expect($$(detail, '.close').length).to.equal(0);
  });

  it('with no-close, Undo leaves focus on the title’s Edit button (there is no close button to go to)', async () => {
    const { detail, store } = await mountDetail();
    detail.noClose = true;
    await settle(detail);
    const priority = $<HTMLSelectElement>(detail, '#field-priority');
    priority.value = 'high';
    priority.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.priority).to.equal('high');
    $<HTMLButtonElement>(detail, '[data-focus="undo"]').click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.priority).not.to.equal('high');
    expect(focused(detail)).to.equal($(detail, '[data-focus="title-edit"]'));
  });

  for (const width of [390, 640]) {
    it(`gives every field control the same height, at least 2.25rem, at ${width} px`, async () => {
      const { detail } = await mountDetail({ width });
      const ids = ['status', 'priority', 'tags', 'start', 'due', 'estimate', 'progress'];
      const heights = ids.map((id) => Math.round($(detail, `#field-${id}`).getBoundingClientRect().height));
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      expect(heights[0]).to.be.at.least(Math.floor(2.25 * rem));
      expect(heights, ids.join(' ')).to.deep.equal(ids.map(() => heights[0]));
    });
  }
});
