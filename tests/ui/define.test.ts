import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import { defineElement, tagName, tagOf } from '@cwm/ui';

class Alpha extends LitElement {}
class Beta extends LitElement {}
class Gamma extends LitElement {}

describe('defineElement', () => {
  it('registers a cwm tag and ignores the same definition twice', () => {
    const owner = defineElement('cwm-alpha', Alpha);
    expect(owner).to.equal(Alpha);
    expect(customElements.get('cwm-alpha')).to.equal(Alpha);
    expect(() => defineElement('cwm-alpha', Alpha)).not.to.throw();
    expect(defineElement('cwm-alpha', Alpha)).to.equal(Alpha);
  });

  it('refuses, clearly, a tag owned by another class', () => {
    defineElement('cwm-beta', Beta);
    expect(() => defineElement('cwm-beta', Gamma)).to.throw(/<cwm-beta> is already defined by another class \(Beta\)/);
  });

  it('registers under a vendor prefix, as a subclass when the class already has a tag', () => {
    const acme = defineElement('cwm-alpha', Alpha, { prefix: 'acme' });
    expect(customElements.get('acme-alpha')).to.equal(acme);
    expect(acme).not.to.equal(Alpha);
    const element = document.createElement('acme-alpha');
    expect(element).to.be.instanceOf(Alpha);
    expect(() => defineElement('cwm-alpha', Alpha, { prefix: 'acme' }), 'the prefixed double definition is fine too').not.to.throw();
    expect(defineElement('cwm-alpha', Alpha, { prefix: 'acme' })).to.equal(acme);
    expect(() => defineElement('cwm-alpha', Beta, { prefix: 'acme' })).to.throw(/already defined/);
  });

  it('registers the class itself when a prefixed tag is its first', () => {
    const owner = defineElement('cwm-gamma', Gamma, { prefix: 'vendor-x' });
    expect(owner).to.equal(Gamma);
    expect(customElements.get('vendor-x-gamma')).to.equal(Gamma);
    expect(customElements.get('cwm-gamma')).to.equal(undefined);
  });

  it('checks names and prefixes', () => {
    expect(tagName('cwm-task-chat', 'acme')).to.equal('acme-task-chat');
    expect(tagName('cwm-board')).to.equal('cwm-board');
    expect(() => tagName('board', 'acme')).to.throw(/not a cwm tag name/);
    expect(() => tagName('cwm-board', 'Acme!')).to.throw(/not a valid tag prefix/);
    expect(() => tagName('cwm-board', '1acme')).to.throw(/not a valid tag prefix/);
  });

  it('registers the parts of a composed widget under its prefix, and renders them by that tag', async () => {
    class Part extends LitElement {}
    class Whole extends LitElement {
      static elements = { 'cwm-whole-part': Part };
      override render() {
        const part = unsafeStatic(tagOf(this, Part));
        return html`<${part}></${part}>`;
      }
    }
    defineElement('cwm-whole', Whole, { prefix: 'vendor' });
    expect(customElements.get('vendor-whole-part')).to.not.equal(undefined);
    expect(customElements.get('cwm-whole-part')).to.equal(undefined);
    const whole = document.createElement('vendor-whole') as Whole;
    document.body.append(whole);
    await whole.updateComplete;
    expect(whole.shadowRoot!.firstElementChild!.localName).to.equal('vendor-whole-part');
    expect(whole.shadowRoot!.firstElementChild).to.be.instanceOf(Part);
    whole.remove();
    // Defined under the default prefix too, each renders its own generation of parts.
    defineElement('cwm-whole', Whole);
    const plain = document.createElement('cwm-whole') as Whole;
    document.body.append(plain);
    await plain.updateComplete;
    expect(plain.shadowRoot!.firstElementChild!.localName).to.equal('cwm-whole-part');
    plain.remove();
  });
});
