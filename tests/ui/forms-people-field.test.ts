import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@cwm/ui/define';
import type { CwmPeopleField, PersonOption } from '@cwm/ui';

const PEOPLE: PersonOption[] = [
  { id: 'u-1', name: 'Ada Lovelace' },
  { id: 'u-2', name: 'Grace Hopper' },
  { id: 'u-3', name: 'Alan Turing', disabledReason: 'Only managers can assign other people.' },
  { id: 'u-4', name: 'Zoë Müller' },
];

function inner(field: CwmPeopleField): HTMLInputElement {
  return field.shadowRoot!.querySelector('input')!;
}

function optionNames(field: CwmPeopleField): string[] {
  return [...field.shadowRoot!.querySelectorAll('[role=option] .name')].map((name) => name.textContent ?? '');
}

function activeOption(field: CwmPeopleField): HTMLElement | null {
  const id = inner(field).getAttribute('aria-activedescendant');
  return id ? field.shadowRoot!.getElementById(id) : null;
}

async function type(field: CwmPeopleField, text: string): Promise<void> {
  inner(field).focus();
  await sendKeys({ type: text });
  await field.updateComplete;
}

async function press(field: CwmPeopleField, key: string): Promise<void> {
  await sendKeys({ press: key });
  await field.updateComplete;
  // A removal moves focus once the re-render is done.
  await field.updateComplete;
}

/** The person id of the focused chip, or 'input' for the search input. */
function focused(field: CwmPeopleField): string {
  const active = field.shadowRoot!.activeElement;
  if (active === inner(field)) return 'input';
  return active?.closest<HTMLElement>('.chip')?.dataset['personId'] ?? 'nothing';
}

describe('<cwm-people-field>', () => {
  // First in the file: the browser runs `autofocus` only for the first candidate inserted while nothing has focus.
  it('never takes focus when inserted', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    const field = await fixture<CwmPeopleField>(html`<cwm-people-field label="Followers" multiple value="u-1,u-2" .people=${PEOPLE}></cwm-people-field>`);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(document.activeElement === document.body, 'focus stays on the body').to.equal(true);
    expect(field.shadowRoot!.activeElement).to.equal(null);
  });

  it('filters as the user types (accents ignored) and chooses with Enter, by keyboard only', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><label for="p">Assignee</label><cwm-people-field id="p" name="assignee" .people=${PEOPLE}></cwm-people-field></form>`);
    const field = form.querySelector<CwmPeopleField>('cwm-people-field')!;
    await field.updateComplete;
    const changes: string[] = [];
    field.addEventListener('change', () => changes.push(field.value));
    expect(inner(field).getAttribute('aria-label')).to.equal('Assignee');
    expect(inner(field).getAttribute('role')).to.equal('combobox');

    await type(field, 'muller');
    expect(optionNames(field)).to.deep.equal(['Zoë Müller']);
    expect(activeOption(field)!.dataset['personId']).to.equal('u-4');
    await press(field, 'Enter');
    expect(field.value).to.equal('u-4');
    expect(new FormData(form).get('assignee')).to.equal('u-4');
    expect(field.shadowRoot!.querySelector('.chip .chip-text')!.textContent).to.equal('Zoë Müller');

    // Single choice: a new choice replaces the old one.
    await type(field, 'gr');
    await press(field, 'Enter');
    expect(field.value).to.equal('u-2');
    expect(changes).to.deep.equal(['u-4', 'u-2']);
  });

  it('keeps unavailable people visible with their reason and refuses them with it', async () => {
    const field = await fixture<CwmPeopleField>(html`<cwm-people-field label="Assignee" .people=${PEOPLE}></cwm-people-field>`);
    inner(field).focus();
    await press(field, 'ArrowDown');
    expect(optionNames(field)).to.deep.equal(['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Zoë Müller']);
    const alan = field.shadowRoot!.querySelector<HTMLElement>('[data-person-id="u-3"][role=option]')!;
    expect(alan.getAttribute('aria-disabled')).to.equal('true');
    const why = field.shadowRoot!.getElementById(alan.getAttribute('aria-describedby')!)!;
    expect(why.textContent).to.equal('Only managers can assign other people.');
    await press(field, 'ArrowDown');
    await press(field, 'ArrowDown');
    expect(activeOption(field) === alan, 'Alan is active').to.equal(true);
    await press(field, 'Enter');
    expect(field.value).to.equal('');
    expect(field.shadowRoot!.querySelector('.notice')!.textContent).to.equal('Alan Turing cannot be chosen: Only managers can assign other people.');
    await press(field, 'End');
    expect(activeOption(field)!.dataset['personId']).to.equal('u-4');
    await press(field, 'ArrowDown');
    expect(activeOption(field)!.dataset['personId']).to.equal('u-1', 'wraps around');
  });

  it('chooses several with multiple, removes with the chip button or Backspace, and resets to the default', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><cwm-people-field name="people" label="Followers" multiple value="u-1" .people=${PEOPLE}></cwm-people-field></form>`);
    const field = form.querySelector<CwmPeopleField>('cwm-people-field')!;
    await field.updateComplete;
    await type(field, 'grace');
    await press(field, 'Enter');
    await type(field, 'zo');
    await press(field, 'Enter');
    expect(field.value).to.equal('u-1,u-2,u-4');
    expect(new FormData(form).get('people')).to.equal('u-1,u-2,u-4');
    expect(optionNames(field)).to.not.include('Grace Hopper');
    inner(field).blur();
    field.focus();
    expect(field.shadowRoot!.activeElement === inner(field), 'focus() lands on the input, not on a chip button').to.equal(true);

    field.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Remove Grace Hopper"]')!.click();
    await field.updateComplete;
    expect(field.value).to.equal('u-1,u-4');
    inner(field).focus();
    await press(field, 'Backspace');
    expect(field.value).to.equal('u-1');

    form.reset();
    await field.updateComplete;
    expect(field.value).to.equal('u-1');
    expect(field.selected).to.deep.equal(['u-1']);
  });

  it('reaches the chosen people from the input with the arrows and removes them by keyboard (roving focus)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><cwm-people-field label="Followers" multiple value="u-1,u-2,u-4" .people=${PEOPLE}></cwm-people-field></div>`);
    const field = wrapper.querySelector<CwmPeopleField>('cwm-people-field')!;
    let escapesOutside = 0;
    wrapper.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') escapesOutside++;
    });
    inner(field).focus();
    await press(field, 'ArrowLeft');
    expect(focused(field)).to.equal('u-4');
    await press(field, 'ArrowLeft');
    expect(focused(field)).to.equal('u-2');
    await press(field, 'Delete');
    expect(field.value).to.equal('u-1,u-4');
    expect(focused(field), 'Delete focuses the chip after').to.equal('u-4');
    expect(field.shadowRoot!.querySelector('.visually-hidden[role=status]')!.textContent).to.equal('Grace Hopper removed.');
    await press(field, 'Escape');
    expect(focused(field)).to.equal('input');
    expect(escapesOutside).to.equal(0);

    await press(field, 'ArrowLeft');
    await press(field, 'ArrowLeft');
    expect(focused(field)).to.equal('u-1');
    await press(field, 'Backspace');
    expect(field.value).to.equal('u-4');
    expect(focused(field), 'Backspace on the first chip focuses the next').to.equal('u-4');
    await press(field, 'Backspace');
    expect(field.value).to.equal('');
    expect(focused(field), 'no chip left: the input').to.equal('input');
  });

  it('mirrors the chip arrows right-to-left', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><cwm-people-field label="Followers" multiple value="u-1,u-2" .people=${PEOPLE}></cwm-people-field></div>`);
    const field = wrapper.querySelector<CwmPeopleField>('cwm-people-field')!;
    inner(field).focus();
    await press(field, 'ArrowLeft');
    expect(focused(field), 'ArrowLeft stays in the text').to.equal('input');
    await press(field, 'ArrowRight');
    expect(focused(field)).to.equal('u-2');
    await press(field, 'ArrowRight');
    expect(focused(field)).to.equal('u-1');
    await press(field, 'ArrowLeft');
    await press(field, 'ArrowLeft');
    expect(focused(field)).to.equal('input');
  });

  it('says when nobody matches, names unknown ids, and closes on Escape', async () => {
    const field = await fixture<CwmPeopleField>(html`<cwm-people-field label="Assignee" value="u-99" .people=${PEOPLE}></cwm-people-field>`);
    expect(field.shadowRoot!.querySelector('.chip .chip-text')!.textContent).to.equal('Unknown person (u-99)');
    let escapesOutside = 0;
    field.parentElement!.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') escapesOutside++;
    });
    await type(field, 'qqq');
    expect(field.shadowRoot!.querySelector('.empty')!.textContent).to.equal('Nobody matches “qqq”.');
    await press(field, 'Escape');
    expect(inner(field).getAttribute('aria-expanded')).to.equal('false');
    expect(escapesOutside, 'closing the list consumes Escape').to.equal(0);
    await press(field, 'Escape');
    expect(inner(field).value).to.equal('', 'a second Escape clears the search');
    expect(escapesOutside).to.equal(0);
    await press(field, 'Escape');
    expect(escapesOutside, 'with nothing to close, Escape reaches the page').to.equal(1);
  });

  it('blocks submit when required and empty; disabled refuses input and leaves the form', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><cwm-people-field name="a" label="Assignee" required .people=${PEOPLE}></cwm-people-field></form>`);
    const field = form.querySelector<CwmPeopleField>('cwm-people-field')!;
    await field.updateComplete;
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    form.requestSubmit();
    await field.updateComplete;
    expect(submitted).to.equal(0);
    expect(field.shadowRoot!.querySelector('.message')!.textContent).to.equal('Choose someone.');
    expect(new FormData(form).get('a')).to.equal('');
    field.value = 'u-1';
    await field.updateComplete;
    form.requestSubmit();
    expect(submitted).to.equal(1);
    field.disabled = true;
    await field.updateComplete;
    expect(inner(field).disabled).to.equal(true);
    expect(new FormData(form).has('a')).to.equal(false);
  });

  it('speaks German and passes axe with the list open', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><cwm-people-field label="Zuständig" multiple value="u-1" .people=${PEOPLE}></cwm-people-field></div>`);
    const field = wrapper.querySelector<CwmPeopleField>('cwm-people-field')!;
    await field.updateComplete;
    expect(field.shadowRoot!.querySelector('.chip button')!.getAttribute('aria-label')).to.equal('Ada Lovelace entfernen');
    await expect(field).to.be.accessible();
    inner(field).focus();
    await press(field, 'ArrowDown');
    await expect(field).to.be.accessible();
  });
});
