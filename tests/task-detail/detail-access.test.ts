// <cwm-task-detail>: keyboard-only use (real key presses), axe in light and dark, a 320 px side panel,
// German, and the XSS battery through title, description, checklist and subtask titles.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { normalizeSpace, XSS_PAYLOADS, xssViolations } from '../fixtures/xss-payloads.js';
import { makeTask } from '../fixtures/entities.js';
import { $, $$, focused, mountDetail, settle, until } from './detail-fixtures.js';

/** Ctrl+A, as separate key events (sendKeys knows no chords). */
async function selectAll(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
}

describe('<cwm-task-detail> keyboard, accessibility and safety', () => {
  it('is usable with the keyboard alone: edit the title, save, edit the progress, undo', async () => {
    const { detail, store } = await mountDetail();
    $(detail, '[data-focus="title-edit"]').focus();
    await sendKeys({ press: 'Enter' });
    await settle(detail);
    expect(focused(detail)).to.equal($(detail, '#title-input'));
    await selectAll();
    await sendKeys({ type: 'Typed by keys' });
    await sendKeys({ press: 'Enter' });
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.title).to.equal('Typed by keys');
    expect(focused(detail)).to.equal($(detail, '[data-focus="title-edit"]'));

    $(detail, '#field-progress').focus();
    await selectAll();
    await sendKeys({ type: '60' });
    await sendKeys({ press: 'Tab' });
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.progress).to.equal(60);

    $(detail, '[data-focus="undo"]').focus();
    await sendKeys({ press: 'Enter' });
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.progress).to.equal(10);

    // Escape outside an editor asks the host to close the panel.
    const closed: string[] = [];
    detail.addEventListener('cwm-task-detail-close', (event) => closed.push(event.detail.taskId));
    await sendKeys({ press: 'Escape' });
    expect(closed).to.deep.equal(['t-1']);
  });

  it('edits dates and tags with the keyboard through <cwm-date-field> and <cwm-tags-field>', async () => {
    const { detail, store } = await mountDetail();
    const due = $(detail, '#field-due');
    expect(due.localName).to.equal('cwm-date-field');
    due.focus();
    await selectAll();
    await sendKeys({ type: '2026-11-24' });
    await sendKeys({ press: 'Enter' });
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.due).to.equal('2026-11-24');
    // Half-typed text is kept by the control and nothing is saved.
    due.focus();
    await selectAll();
    await sendKeys({ type: '2026-13' });
    await sendKeys({ press: 'Tab' });
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.due).to.equal('2026-11-24');
    expect(due.shadowRoot!.querySelector('input')!.value).to.equal('2026-13');

    const tags = $(detail, '#field-tags');
    expect(tags.localName).to.equal('cwm-tags-field');
    tags.focus();
    await sendKeys({ type: 'ops' });
    await sendKeys({ press: 'Enter' });
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.tags).to.deep.equal(['web', 'ops']);
    await sendKeys({ press: 'Backspace' });
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.tags).to.deep.equal(['web']);
  });

  it('adds and ticks a checklist item and a subtask with the keyboard', async () => {
    const { detail, store } = await mountDetail();
    $(detail, '#checklist-new').focus();
    await sendKeys({ type: 'Keyboard item' });
    await sendKeys({ press: 'Enter' });
    await settle(detail);
    const added = store.state.tasks.get('t-1')!.checklist.at(-1)!;
    expect(added.text).to.equal('Keyboard item');
    expect(focused(detail)).to.equal($(detail, '#checklist-new'));
    $(detail, `#checklist-check-${added.id}`).focus();
    await sendKeys({ press: 'Space' });
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.checklist.at(-1)!.done).to.equal(true);

    $(detail, '#subtask-new').focus();
    await sendKeys({ type: 'Keyboard subtask' });
    await sendKeys({ press: 'Enter' });
    await settle(detail);
    expect(store.state.tasks.filter((task) => task.title === 'Keyboard subtask' && task.parentId === 't-1')).to.have.length(1);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe in ${theme} with editors, a refusal and the description preview open`, async () => {
      const { detail } = await mountDetail({ theme });
      $(detail, '[data-focus="title-edit"]').click();
      $(detail, '[data-focus="description-edit"]').click();
      await settle(detail);
      $$(detail, '.description button').find((button) => button.textContent!.includes('Preview'))!.click();
      const progress = $<HTMLInputElement>(detail, '#field-progress');
      progress.value = '500';
      progress.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      progress.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await settle(detail);
      expect($$(detail, '#error-progress')).to.have.length(1);
      await expect(detail).to.be.accessible();
    });
  }

  it('fits a 320 px side panel without horizontal scrolling', async () => {
    const { detail } = await mountDetail({ width: 320 });
    const panel = $(detail, '.panel');
    expect(panel.getBoundingClientRect().width).to.be.at.most(321);
    expect(panel.scrollWidth).to.be.at.most(panel.clientWidth + 1);
    for (const control of $$(detail, 'input, select, textarea, button')) {
      const box = control.getBoundingClientRect();
      expect(box.right, control.outerHTML.slice(0, 80)).to.be.at.most(detail.getBoundingClientRect().right + 1);
    }
    await expect(detail).to.be.accessible();
  });

  it('speaks German', async () => {
    const { detail, workspace } = await mountDetail();
    workspace.setAttribute('lang', 'de');
    await until(() => $(detail, '.close').getAttribute('aria-label') === 'Schließen', 'German labels');
    expect($(detail, 'label[for="field-priority"]').textContent).to.equal('Priorität');
  });

  it('shows hostile title, description, checklist and subtask text as text', async () => {
    const tasks = XSS_PAYLOADS.flatMap((payload, index) => [
      makeTask(`x-${index}`, { title: payload.text, description: payload.text, checklist: [{ id: `xc-${index}`, text: payload.text, done: false }] }),
      makeTask(`xs-${index}`, { title: payload.text, parentId: `x-${index}` }),
    ]);
    const { detail } = await mountDetail({ tasks, taskId: 'x-0' });
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      detail.task = `x-${index}`;
      await settle(detail, 1);
      const root = detail.shadowRoot!;
      const containers = [
        $(detail, '#title-heading'),
        $(detail, '.description .markdown'),
        $(detail, '.checklist .row-title'),
        $(detail, '.subtasks .row-title'),
      ];
      for (const container of containers) expect(xssViolations(container), `${payload.name} in ${container.className}`).to.deep.equal([]);
      expect(normalizeSpace($(detail, '#title-heading').textContent!), payload.name).to.equal(normalizeSpace(payload.text));
      expect(normalizeSpace($(detail, '.checklist .row-title').textContent!), payload.name).to.equal(normalizeSpace(payload.text));
      expect(root.querySelectorAll('script, iframe, object, embed, img, svg, math, style:not([data-cwm])').length, payload.name).to.equal(0);
    }
    expect(window.__xss).to.equal(undefined);
  });
});
