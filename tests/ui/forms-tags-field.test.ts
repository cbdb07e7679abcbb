import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@cwm/ui/define';
import type { CwmTagsField } from '@cwm/ui';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.js';

function inner(field: CwmTagsField): HTMLInputElement {
  return field.shadowRoot!.querySelector('input')!;
}

function chips(field: CwmTagsField): string[] {
  return [...field.shadowRoot!.querySelectorAll('.chip .chip-text')].map((chip) => chip.textContent ?? '');
}

async function type(field: CwmTagsField, text: string): Promise<void> {
  inner(field).focus();
  await sendKeys({ type: text });
  await field.updateComplete;
}

async function press(field: CwmTagsField, key: string): Promise<void> {
  await sendKeys({ press: key });
  await field.updateComplete;
  // A removal moves focus once the re-render is done.
  await field.updateComplete;
}

/** The aria-label of the focused element inside the field ('input' for the text input). */
function focused(field: CwmTagsField): string {
  const active = field.shadowRoot!.activeElement;
  if (active === inner(field)) return 'input';
  return active?.getAttribute('aria-label') ?? 'nothing';
}

function announced(field: CwmTagsField): string {
  return field.shadowRoot!.querySelector('.visually-hidden[role=status]')!.textContent ?? '';
}

describe('<cwm-tags-field>', () => {
  // First in the file: the browser runs `autofocus` only for the first candidate inserted while nothing has focus.
  it('never takes focus when inserted', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    const field = await fixture<CwmTagsField>(html`<cwm-tags-field label="Tags" value="a,b"></cwm-tags-field>`);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(document.activeElement === document.body, 'focus stays on the body').to.equal(true);
    expect(field.shadowRoot!.activeElement).to.equal(null);
  });

  it('adds tags with Enter and comma, removes the last with Backspace, and submits them joined by commas', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><label for="t">Tags</label><cwm-tags-field id="t" name="tags" value="ux, api"></cwm-tags-field></form>`);
    const field = form.querySelector<CwmTagsField>('cwm-tags-field')!;
    await field.updateComplete;
    const changes: string[] = [];
    field.addEventListener('change', () => changes.push(field.value));
    expect(field.tags).to.deep.equal(['ux', 'api']);
    expect(new FormData(form).get('tags')).to.equal('ux,api');
    expect(inner(field).getAttribute('aria-label')).to.equal('Tags');

    await type(field, 'backend');
    await press(field, 'Enter');
    await type(field, 'q4,');
    expect(chips(field)).to.deep.equal(['ux', 'api', 'backend', 'q4']);
    expect(inner(field).value).to.equal('');
    expect(new FormData(form).get('tags')).to.equal('ux,api,backend,q4');

    await press(field, 'Backspace');
    expect(field.tags).to.deep.equal(['ux', 'api', 'backend']);
    expect(changes).to.deep.equal(['ux,api,backend', 'ux,api,backend,q4', 'ux,api,backend']);

    form.reset();
    await field.updateComplete;
    expect(field.tags).to.deep.equal(['ux', 'api']);
  });

  it('focuses its input, not a chip button, from <label for> and focus(), and never grabs focus on load', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><label for="t">Tags</label><cwm-tags-field id="t" value="a,b"></cwm-tags-field></form>`);
    const field = form.querySelector<CwmTagsField>('cwm-tags-field')!;
    await field.updateComplete;
    expect(document.activeElement === document.body, 'nothing grabbed focus').to.equal(true);
    form.querySelector('label')!.click();
    expect(field.shadowRoot!.activeElement === inner(field), 'focus is on the input').to.equal(true);
    inner(field).blur();
    field.focus();
    expect(field.shadowRoot!.activeElement === inner(field), 'focus is on the input').to.equal(true);
  });

  it('reaches the chips from the input with the arrows and removes them with Backspace and Delete (roving focus)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><cwm-tags-field label="Tags" value="a,b,c"></cwm-tags-field></div>`);
    const field = wrapper.querySelector<CwmTagsField>('cwm-tags-field')!;
    const changes: string[] = [];
    field.addEventListener('change', () => changes.push(field.value));
    let escapesOutside = 0;
    wrapper.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') escapesOutside++;
    });

    await type(field, 'x');
    await press(field, 'ArrowLeft');
    expect(focused(field), 'the first ArrowLeft moves the caret in the text').to.equal('input');
    await press(field, 'ArrowLeft');
    expect(focused(field), 'caret at the start: the last chip').to.equal('Remove tag c');
    expect(field.inputText, 'the typed text is kept').to.equal('x');
    await press(field, 'ArrowLeft');
    await press(field, 'ArrowLeft');
    expect(focused(field)).to.equal('Remove tag a');
    await press(field, 'ArrowLeft');
    expect(focused(field), 'stops at the first chip').to.equal('Remove tag a');
    await press(field, 'ArrowRight');
    expect(focused(field)).to.equal('Remove tag b');

    await press(field, 'Backspace');
    expect(field.tags).to.deep.equal(['a', 'c']);
    expect(focused(field), 'Backspace focuses the chip before').to.equal('Remove tag a');
    expect(announced(field)).to.equal('Tag b removed.');
    await press(field, 'ArrowRight');
    await press(field, 'ArrowRight');
    expect(focused(field), 'past the last chip: the input').to.equal('input');

    inner(field).setSelectionRange(0, 0);
    await press(field, 'ArrowLeft');
    expect(focused(field)).to.equal('Remove tag c');
    await press(field, 'Escape');
    expect(focused(field), 'Escape returns to the input').to.equal('input');
    expect(escapesOutside, 'Escape on a chip stays inside').to.equal(0);

    inner(field).setSelectionRange(0, 0);
    await press(field, 'ArrowLeft');
    await press(field, 'Delete');
    expect(field.tags).to.deep.equal(['a']);
    expect(focused(field), 'Delete on the last chip focuses the input').to.equal('input');
    expect(announced(field)).to.equal('Tag c removed.');
    expect(changes).to.deep.equal(['a,c', 'a']);
    expect(field.inputText).to.equal('x');
  });

  it('refuses a duplicate (in any case) with a message, keeping the typed text', async () => {
    const field = await fixture<CwmTagsField>(html`<cwm-tags-field label="Tags" value="UX"></cwm-tags-field>`);
    let changes = 0;
    field.addEventListener('change', () => changes++);
    await type(field, 'ux');
    await press(field, 'Enter');
    expect(field.tags).to.deep.equal(['UX']);
    expect(inner(field).value).to.equal('ux');
    expect(field.shadowRoot!.querySelector('.notice')!.textContent).to.equal('“UX” is already added.');
    expect(changes).to.equal(0);
  });

  it('removes a tag with its button, by keyboard, and returns focus to the input', async () => {
    const field = await fixture<CwmTagsField>(html`<cwm-tags-field label="Tags" value="a,b,c"></cwm-tags-field>`);
    const remove = field.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Remove tag b"]')!;
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await field.updateComplete;
    await field.updateComplete;
    expect(field.tags).to.deep.equal(['a', 'c']);
    expect(field.shadowRoot!.activeElement === inner(field), 'focus is on the input').to.equal(true);
  });

  it('offers matching suggestions in a listbox navigated with the arrows (aria-activedescendant)', async () => {
    const field = await fixture<CwmTagsField>(html`<cwm-tags-field label="Tags" value="design" .suggestions=${['design', 'devops', 'backend', 'Dev tools']}></cwm-tags-field>`);
    await type(field, 'de');
    const options = () => [...field.shadowRoot!.querySelectorAll('[role=option]')].map((option) => option.textContent);
    expect(options()).to.deep.equal(['devops', 'Dev tools']);
    expect(inner(field).getAttribute('aria-expanded')).to.equal('true');
    await press(field, 'ArrowDown');
    await press(field, 'ArrowDown');
    const active = inner(field).getAttribute('aria-activedescendant')!;
    expect(field.shadowRoot!.getElementById(active)!.textContent).to.equal('Dev tools');
    await press(field, 'Enter');
    expect(field.tags).to.deep.equal(['design', 'Dev tools']);
    expect(inner(field).getAttribute('aria-expanded')).to.equal('false');
    await type(field, 'x');
    await press(field, 'Escape');
    expect(inner(field).getAttribute('aria-expanded')).to.equal('false');
  });

  it('blocks submit when required and empty, with the message', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><cwm-tags-field name="tags" label="Tags" required></cwm-tags-field></form>`);
    const field = form.querySelector<CwmTagsField>('cwm-tags-field')!;
    await field.updateComplete;
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    form.requestSubmit();
    await field.updateComplete;
    expect(submitted).to.equal(0);
    expect(field.validity.valueMissing).to.equal(true);
    expect(field.shadowRoot!.querySelector('.message')!.textContent).to.equal('Add at least one tag.');
    await type(field, 'one');
    await press(field, 'Enter');
    form.requestSubmit();
    expect(submitted).to.equal(1);
  });

  it('shows every XSS payload as plain text and never runs it', async () => {
    window.__xss = 0;
    const field = await fixture<CwmTagsField>(html`<cwm-tags-field label="Tags" .suggestions=${XSS_PAYLOADS.map((payload) => payload.text)}></cwm-tags-field>`);
    field.tags = XSS_PAYLOADS.map((payload) => payload.text);
    await field.updateComplete;
    const expected = field.tags;
    expect(expected.length).to.be.greaterThan(XSS_PAYLOADS.length / 2);
    expect(chips(field)).to.deep.equal(expected);
    for (const tag of expected) expect(tag.includes(','), 'commas separate tags').to.equal(false);
    const root = field.shadowRoot!;
    expect(root.querySelector('script, img, svg:not([aria-hidden]), iframe, object, a, details, math')?.outerHTML ?? 'none').to.equal('none');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.__xss).to.equal(0);
  });

  it('speaks German under lang="de" and passes axe', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><cwm-tags-field label="Schlagwörter" value="ux"></cwm-tags-field></div>`);
    const field = wrapper.querySelector<CwmTagsField>('cwm-tags-field')!;
    await field.updateComplete;
    expect(field.shadowRoot!.querySelector('.chip button')!.getAttribute('aria-label')).to.equal('Schlagwort ux entfernen');
    await expect(field).to.be.accessible();
  });
});
