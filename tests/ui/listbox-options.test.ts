import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { listboxOptions } from '@cwm/ui';

describe('listboxOptions', () => {
  const options = [
    { id: 'a', title: 'Alpha' },
    { id: 'b', title: '<img src=x onerror=alert(1)>' },
  ];

  function mount(activeIndex: number, picked: string[]): HTMLUListElement {
    const host = document.createElement('div');
    document.body.append(host);
    render(
      html`<ul role="listbox">
        ${listboxOptions({ options, idPrefix: 'pick', activeIndex, label: (option) => option.title, onPick: (option) => picked.push(option.id) })}
      </ul>`,
      host,
    );
    return host.querySelector('ul')!;
  }

  afterEach(() => {
    document.body.replaceChildren();
  });

  it('renders one option per item with prefixed ids, the active one selected, labels as text', () => {
    const list = mount(1, []);
    const items = [...list.querySelectorAll('li')];
    expect(items.map((item) => item.id)).to.deep.equal(['pick-0', 'pick-1']);
    expect(items.map((item) => item.getAttribute('role'))).to.deep.equal(['option', 'option']);
    expect(items.map((item) => item.getAttribute('aria-selected'))).to.deep.equal(['false', 'true']);
    expect(items[1]!.textContent!.trim()).to.equal(options[1]!.title);
    expect(list.querySelector('img')).to.equal(null);
  });

  it('keeps focus on a press and picks on a click', () => {
    const picked: string[] = [];
    const list = mount(-1, picked);
    const second = list.querySelectorAll('li')[1]!;
    const press = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    second.dispatchEvent(press);
    expect(press.defaultPrevented).to.equal(true);
    second.click();
    expect(picked).to.deep.equal(['b']);
    expect([...list.querySelectorAll('li')].every((item) => item.getAttribute('aria-selected') === 'false')).to.equal(true);
  });
});
