import { expect, fixture, html } from '@open-wc/testing';
import '@cwm/ui/define';
import type { CwmFormControl } from '@cwm/ui';

// Focus rules shared by the three form controls. A widget (the task detail first) inserts them when it
// opens: they must never take focus by themselves, and a label click or `focus()` must land on the text
// input, not on a chip's remove button that comes first on screen.

interface ControlCase {
  readonly tag: string;
  /** Markup with chips (tags, people) so a remove button exists to be wrongly chosen. */
  make(): HTMLElement;
}

const CASES: readonly ControlCase[] = [
  {
    tag: 'cwm-date-field',
    make: () => Object.assign(document.createElement('cwm-date-field'), { defaultValue: '2026-11-25' }),
  },
  {
    tag: 'cwm-tags-field',
    make: () => Object.assign(document.createElement('cwm-tags-field'), { defaultValue: 'ux,api' }),
  },
  {
    tag: 'cwm-people-field',
    make: () =>
      Object.assign(document.createElement('cwm-people-field'), {
        multiple: true,
        people: [
          { id: 'u-1', name: 'Ada' },
          { id: 'u-2', name: 'Grace' },
        ],
        defaultValue: 'u-1,u-2',
      }),
  },
];

function inner(control: Element): HTMLInputElement {
  return control.shadowRoot!.querySelector('input')!;
}

/** Waits past the rendering steps in which the browser would run `autofocus`. */
async function settle(): Promise<void> {
  for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
}

async function insert(into: HTMLElement, control: HTMLElement): Promise<CwmFormControl> {
  into.append(control);
  await (control as CwmFormControl).updateComplete;
  await settle();
  return control as CwmFormControl;
}

describe('form controls and focus', () => {
  // First in the file on purpose: the browser runs `autofocus` only for the first candidates inserted
  // while nothing has focus, so this is the case that caught the old `autofocus` inputs.
  it('never take focus when inserted while nothing has focus', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    (document.activeElement as HTMLElement | null)?.blur();
    for (const { tag, make } of CASES) {
      await insert(host, make());
      expect(document.activeElement === document.body, `${tag}: focus stays on the body`).to.equal(true);
    }
  });

  it('never take focus from the element that has it when inserted', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><button type="button">Elsewhere</button></div>`);
    const elsewhere = host.querySelector('button')!;
    for (const { tag, make } of CASES) {
      elsewhere.focus();
      await insert(host, make());
      expect(document.activeElement === elsewhere, `${tag}: focus stays on the button`).to.equal(true);
    }
  });

  it('have no autofocus in their shadow tree, and the text input is the first focusable element', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    for (const { tag, make } of CASES) {
      const control = await insert(host, make());
      const root = control.shadowRoot!;
      expect(root.querySelectorAll('[autofocus]').length, `${tag}: autofocus`).to.equal(0);
      const first = root.querySelector('input, button, select, textarea, a[href], [tabindex]');
      expect(first === inner(control), `${tag}: first focusable is the input, got ${first?.outerHTML ?? 'none'}`).to.equal(true);
      if (tag !== 'cwm-date-field') {
        const removes = [...root.querySelectorAll('.chip button')];
        expect(removes.length, `${tag}: chips rendered`).to.equal(2);
        expect(removes.map((button) => button.getAttribute('tabindex')), `${tag}: chip buttons out of the tab order`).to.deep.equal(['-1', '-1']);
      }
    }
  });

  it('land on the text input from a <label for> click and from focus()', async () => {
    const form = await fixture<HTMLFormElement>(html`<form></form>`);
    for (const { tag, make } of CASES) {
      const label = Object.assign(document.createElement('label'), { htmlFor: `f-${tag}`, textContent: tag });
      const control = make();
      control.id = `f-${tag}`;
      form.append(label);
      await insert(form, control);
      (document.activeElement as HTMLElement | null)?.blur();
      label.click();
      expect(control.shadowRoot!.activeElement === inner(control), `${tag}: label click focuses the input`).to.equal(true);
      expect(document.activeElement === control, `${tag}: the host is the document's active element`).to.equal(true);
      inner(control).blur();
      control.focus();
      expect(control.shadowRoot!.activeElement === inner(control), `${tag}: focus() focuses the input`).to.equal(true);
    }
  });
});
