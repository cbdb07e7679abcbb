import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@cwm/ui/define';
import type { CwmDateField } from '@cwm/ui';

const CALENDAR = { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: ['2026-12-25'] };

function inner(field: CwmDateField): HTMLInputElement {
  return field.shadowRoot!.querySelector('input')!;
}

function grid(field: CwmDateField): HTMLTableElement | null {
  return field.shadowRoot!.querySelector('[role=grid]');
}

function focusedCell(field: CwmDateField): HTMLElement {
  return field.shadowRoot!.activeElement as HTMLElement;
}

async function typeInto(field: CwmDateField, text: string): Promise<void> {
  inner(field).focus();
  inner(field).select();
  await sendKeys({ type: text });
  await field.updateComplete;
}

async function withModifier(modifier: string, key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

function record(target: EventTarget, ...types: string[]): string[] {
  const seen: string[] = [];
  for (const type of types) target.addEventListener(type, () => seen.push(type));
  return seen;
}

describe('<cwm-date-field> in a form', () => {
  // First in the file: the browser runs `autofocus` only for the first candidate inserted while nothing has focus.
  it('never takes focus when inserted', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    const field = await fixture<CwmDateField>(html`<cwm-date-field label="Due" value="2026-11-25"></cwm-date-field>`);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(document.activeElement === document.body, 'focus stays on the body').to.equal(true);
    expect(field.shadowRoot!.activeElement).to.equal(null);
  });

  it('submits its ISO value under its name, restores the default on reset and is labelled by <label for>', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <label for="due">Due date</label>
      <cwm-date-field id="due" name="due" value="2026-11-25"></cwm-date-field>
    </form>`);
    const field = form.querySelector<CwmDateField>('cwm-date-field')!;
    await field.updateComplete;
    expect(field.value).to.equal('2026-11-25');
    expect(field.form === form, 'field.form').to.equal(true);
    expect(new FormData(form).get('due')).to.equal('2026-11-25');
    expect(inner(field).value).to.equal('11/25/2026');
    expect(inner(field).getAttribute('aria-label')).to.equal('Due date');

    await typeInto(field, '2026-12-03');
    expect(field.value).to.equal('2026-12-03');
    expect(new FormData(form).get('due')).to.equal('2026-12-03');

    form.reset();
    await field.updateComplete;
    expect(field.value).to.equal('2026-11-25');
    expect(inner(field).value).to.equal('11/25/2026');

    form.querySelector('label')!.click();
    expect(field.shadowRoot!.activeElement === inner(field), 'focus is on the input').to.equal(true);
  });

  it('blocks submit when required and empty, with the message beside the field', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><cwm-date-field name="due" label="Due" required></cwm-date-field><button>Save</button></form>`);
    const field = form.querySelector<CwmDateField>('cwm-date-field')!;
    await field.updateComplete;
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    expect(field.shadowRoot!.querySelector('.message')!.textContent).to.equal('', 'pristine fields do not scold');
    form.requestSubmit();
    await field.updateComplete;
    expect(submitted).to.equal(0);
    expect(field.validity.valueMissing).to.equal(true);
    expect(field.validationMessage).to.equal('Enter a date.');
    expect(field.shadowRoot!.querySelector('.message')!.textContent).to.equal('Enter a date.');
    expect(field.hasAttribute('data-invalid')).to.equal(true);
    expect(new FormData(form).get('due'), 'an empty field submits an empty value, like a native input').to.equal('');

    await typeInto(field, '2026-11-30');
    form.requestSubmit();
    expect(submitted).to.equal(1);
  });

  it('keeps invalid text as typed and says what is wrong, without changing the value', async () => {
    const field = await fixture<CwmDateField>(html`<cwm-date-field label="Due" value="2026-11-25"></cwm-date-field>`);
    const seen = record(field, 'input', 'change');
    await typeInto(field, '31/02/2026');
    inner(field).blur();
    await field.updateComplete;
    expect(inner(field).value).to.equal('31/02/2026');
    expect(field.inputText).to.equal('31/02/2026');
    expect(field.value).to.equal('2026-11-25');
    expect(field.validity.badInput).to.equal(true);
    expect(field.checkValidity()).to.equal(false);
    expect(field.validationMessage).to.match(/^Enter a real date, e\.g\. \d\d\/\d\d\/\d{4}\.$/);
    expect(seen).to.deep.equal([]);
  });

  it('fires input while typing and change once when committed, like a native input', async () => {
    const field = await fixture<CwmDateField>(html`<cwm-date-field label="Due"></cwm-date-field>`);
    const seen = record(field, 'input', 'change');
    await typeInto(field, '12/24/2026');
    expect(field.value).to.equal('2026-12-24');
    expect(seen.filter((type) => type === 'change')).to.deep.equal([]);
    expect(seen.includes('input')).to.equal(true);
    inner(field).blur();
    await field.updateComplete;
    expect(seen.filter((type) => type === 'change').length).to.equal(1);
    inner(field).focus();
    inner(field).blur();
    expect(seen.filter((type) => type === 'change').length).to.equal(1, 'no change without a new value');
  });

  it('reads the German short form under lang="de" and speaks German', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><cwm-date-field label="Fällig" min="2026-11-01" value="2026-11-25"></cwm-date-field></div>`);
    const field = wrapper.querySelector<CwmDateField>('cwm-date-field')!;
    await field.updateComplete;
    expect(inner(field).value).to.equal('25.11.2026');
    expect(inner(field).placeholder).to.equal('TT.MM.JJJJ');
    await typeInto(field, '3.12.26');
    expect(field.value).to.equal('2026-12-03');
    await typeInto(field, '01.10.2026');
    expect(field.validity.rangeUnderflow).to.equal(true);
    expect(field.validationMessage).to.equal('Wählen Sie den 01.11.2026 oder später.');
  });

  it('refuses weekends and holidays with working-days-only, with a message', async () => {
    const field = await fixture<CwmDateField>(html`<cwm-date-field label="Due" working-days-only .calendar=${CALENDAR}></cwm-date-field>`);
    await typeInto(field, '2026-12-25');
    expect(field.validity.customError).to.equal(true);
    expect(field.validationMessage).to.equal('Dec 25, 2026 is a holiday. Choose a working day.');
    await typeInto(field, '2026-11-28');
    expect(field.validationMessage).to.equal('Nov 28, 2026 is not a working day. Choose a working day.');
    await typeInto(field, '2026-11-27');
    expect(field.validity.valid).to.equal(true);
  });

  it('submits the form on Enter, follows a new value attribute, restores saved state and takes a custom message', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><cwm-date-field name="due" label="Due" value="2026-11-25"></cwm-date-field></form>`);
    const field = form.querySelector<CwmDateField>('cwm-date-field')!;
    await field.updateComplete;
    const submitted: (string | null)[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted.push(new FormData(form).get('due') as string | null);
    });
    await typeInto(field, '2026-11-30');
    await sendKeys({ press: 'Enter' });
    expect(submitted).to.deep.equal(['2026-11-30']);

    field.setAttribute('value', '2027-01-04');
    await field.updateComplete;
    expect(field.value).to.equal('2027-01-04');
    expect(inner(field).value).to.equal('01/04/2027');

    field.formStateRestoreCallback('2026-02-03');
    await field.updateComplete;
    expect(field.value).to.equal('2026-02-03');

    field.setCustomValidity('Too late for the release.');
    expect(field.validity.customError).to.equal(true);
    expect(field.validationMessage).to.equal('Too late for the release.');
    field.setCustomValidity('');
    expect(field.validity.valid).to.equal(true);
    expect(field.valueAsDate!.toISOString()).to.equal('2026-02-03T00:00:00.000Z');
  });

  it('honours max, disabled and a disabled fieldset', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset><cwm-date-field name="d" label="D" max="2026-12-31" value="2027-01-05"></cwm-date-field></fieldset></form>`);
    const field = form.querySelector<CwmDateField>('cwm-date-field')!;
    await field.updateComplete;
    expect(field.validity.rangeOverflow).to.equal(true);
    form.querySelector('fieldset')!.disabled = true;
    await field.updateComplete;
    expect(inner(field).disabled).to.equal(true);
    expect(field.matches(':disabled')).to.equal(true);
    expect(new FormData(form).has('d')).to.equal(false);
    expect(field.willValidate).to.equal(false);
  });
});

describe('<cwm-date-field> month grid', () => {
  it('is keyboard-operable: arrows, Home/End, PageUp/PageDown, Enter chooses and focus returns to the input', async () => {
    const field = await fixture<CwmDateField>(html`<cwm-date-field label="Due" value="2026-11-25"></cwm-date-field>`);
    const seen = record(field, 'change');
    const button = field.shadowRoot!.querySelector<HTMLButtonElement>('button.open')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await field.updateComplete;
    expect(grid(field) !== null, 'the grid is open').to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(focusedCell(field).dataset['day']).to.equal('2026-11-25');
    expect(focusedCell(field).getAttribute('aria-selected')).to.equal('true');
    expect(field.shadowRoot!.querySelector('#heading')!.textContent).to.equal('November 2026');

    const steps: [string, string][] = [
      ['ArrowRight', '2026-11-26'],
      ['ArrowDown', '2026-12-03'],
      ['ArrowLeft', '2026-12-02'],
      ['ArrowUp', '2026-11-25'],
      ['Home', '2026-11-22'], // en: weeks start on Sunday
      ['End', '2026-11-28'],
      ['PageDown', '2026-12-28'],
      ['PageUp', '2026-11-28'],
    ];
    for (const [key, expected] of steps) {
      await sendKeys({ press: key });
      await field.updateComplete;
      expect(focusedCell(field).dataset['day'], key).to.equal(expected);
    }
    await withModifier('Shift', 'PageDown');
    await field.updateComplete;
    expect(focusedCell(field).dataset['day']).to.equal('2027-11-28');
    await withModifier('Shift', 'PageUp');
    await sendKeys({ press: 'ArrowLeft' });
    await field.updateComplete;
    await sendKeys({ press: 'Enter' });
    await field.updateComplete;
    await field.updateComplete;
    expect(field.value).to.equal('2026-11-27');
    expect(grid(field) === null, 'the grid is closed').to.equal(true);
    expect(field.shadowRoot!.activeElement === inner(field), 'focus is on the input').to.equal(true);
    expect(seen).to.deep.equal(['change']);
  });

  it('clamps PageDown to the last day of a shorter month', async () => {
    const field = await fixture<CwmDateField>(html`<cwm-date-field label="Due" value="2026-01-31"></cwm-date-field>`);
    await field.showPicker();
    await sendKeys({ press: 'PageDown' });
    await field.updateComplete;
    expect(focusedCell(field).dataset['day']).to.equal('2026-02-28');
  });

  it('closes on Escape without changing the value, focus back on the input', async () => {
    const field = await fixture<CwmDateField>(html`<cwm-date-field label="Due" value="2026-11-25"></cwm-date-field>`);
    await field.showPicker();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Escape' });
    await field.updateComplete;
    await field.updateComplete;
    expect(grid(field) === null, 'the grid is closed').to.equal(true);
    expect(field.value).to.equal('2026-11-25');
    expect(field.shadowRoot!.activeElement === inner(field), 'focus is on the input').to.equal(true);
  });

  it('marks weekends and holidays of the calendar and refuses them in the grid with working-days-only', async () => {
    const field = await fixture<CwmDateField>(html`<cwm-date-field label="Due" value="2026-12-24" working-days-only .calendar=${CALENDAR}></cwm-date-field>`);
    await field.showPicker();
    const cell = (day: string) => field.shadowRoot!.querySelector<HTMLElement>(`[data-day="${day}"]`)!;
    expect(cell('2026-12-25').classList.contains('holiday')).to.equal(true);
    expect(cell('2026-12-25').getAttribute('aria-label')).to.match(/holiday$/);
    expect(cell('2026-12-26').classList.contains('non-working')).to.equal(true);
    expect(cell('2026-12-26').getAttribute('aria-label')).to.match(/non-working day$/);
    expect(cell('2026-12-25').getAttribute('aria-disabled')).to.equal('true');
    expect(cell('2026-12-24').getAttribute('aria-disabled')).to.equal('false');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await field.updateComplete;
    expect(field.value).to.equal('2026-12-24');
    expect(grid(field) !== null, 'the grid is open').to.equal(true);
    expect(field.shadowRoot!.querySelector('.notice')!.textContent).to.equal('Dec 25, 2026 is a holiday. Choose a working day.');
  });

  it('opens with Alt+ArrowDown from the input and passes axe open and closed', async () => {
    const field = await fixture<CwmDateField>(html`<cwm-date-field label="Due" value="2026-11-25" .calendar=${CALENDAR}></cwm-date-field>`);
    await expect(field).to.be.accessible();
    inner(field).focus();
    await withModifier('Alt', 'ArrowDown');
    await field.updateComplete;
    expect(grid(field) !== null, 'the grid is open').to.equal(true);
    await expect(field).to.be.accessible();
  });
});
