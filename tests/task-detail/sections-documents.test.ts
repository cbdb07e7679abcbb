import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { XSS_PAYLOADS, normalizeSpace, xssViolations } from '../fixtures/xss-payloads.js';
import { makeTask } from '../fixtures/entities.js';
import { $, $$, choose, focused, mountDetail, settle, text, typeInto } from './sections-fixtures.js';

const SPEC = { id: 'd-1', name: 'Spec', url: 'https://example.com/spec.pdf', type: 'pdf' };

describe('<cwm-task-detail> documents section', () => {
  it('lists documents as real links that open in a new tab without access to the page', async () => {
    const { detail } = await mountDetail({ tasks: [makeTask('t-1', { documents: [SPEC] })] });
    const link = $<HTMLAnchorElement>(detail, '.docs li[data-document-id="d-1"] a');
    expect(link.getAttribute('href')).to.equal('https://example.com/spec.pdf');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    expect(text(link)).to.equal('Spec');
    expect(text($(detail, '.docs li[data-document-id="d-1"] .meta'))).to.equal('PDF');
  });

  it('adds a document with the keyboard, through the store', async () => {
    const { detail, store } = await mountDetail({ tasks: [makeTask('t-1')] });
    $<HTMLInputElement>(detail, '#docs-name').focus();
    await sendKeys({ type: 'Budget' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'https://example.com/budget' });
    choose($<HTMLSelectElement>(detail, '#docs-kind'), 'sheet');
    $<HTMLInputElement>(detail, '#docs-url').focus();
    await sendKeys({ press: 'Enter' });
    await settle(detail);
    const documents = store.state.tasks.get('t-1')!.documents;
    expect(documents.map(({ name, url, type }) => ({ name, url, type }))).to.deep.equal([{ name: 'Budget', url: 'https://example.com/budget', type: 'sheet' }]);
    expect($<HTMLInputElement>(detail, '#docs-name').value).to.equal('');
    expect(focused(detail)?.id).to.equal('docs-name');
  });

  it('refuses an unsafe address, keeping what was typed, with the message beside the field', async () => {
    const { detail, store } = await mountDetail({ tasks: [makeTask('t-1')] });
    typeInto($<HTMLInputElement>(detail, '#docs-name'), 'Trap');
    typeInto($<HTMLInputElement>(detail, '#docs-url'), 'javascript:alert(1)');
    $<HTMLButtonElement>(detail, '.docs form button[type=submit]').click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.documents).to.deep.equal([]);
    const url = $<HTMLInputElement>(detail, '#docs-url');
    expect(url.value).to.equal('javascript:alert(1)');
    expect($<HTMLInputElement>(detail, '#docs-name').value).to.equal('Trap');
    expect(url.getAttribute('aria-invalid')).to.equal('true');
    expect(url.getAttribute('aria-describedby')).to.equal('error-document-url');
    expect(text($(detail, '#error-document-url'))).to.contain('Only http, https and mailto');
    expect(focused(detail)?.id).to.equal('docs-url');
    // Fixing the address clears the message and the document is added.
    typeInto(url, 'https://example.com/ok');
    await settle(detail);
    expect($$(detail, '#error-document-url').length).to.equal(0);
  });

  it('asks for a name', async () => {
    const { detail } = await mountDetail({ tasks: [makeTask('t-1')] });
    typeInto($<HTMLInputElement>(detail, '#docs-url'), 'https://example.com');
    $<HTMLButtonElement>(detail, '.docs form button[type=submit]').click();
    await settle(detail);
    expect(text($(detail, '#error-document-name'))).to.equal('Give the document a name.');
  });

  it('removes a document and undoes it', async () => {
    const { detail, store } = await mountDetail({ tasks: [makeTask('t-1', { documents: [SPEC] })] });
    const remove = $<HTMLButtonElement>(detail, '.docs li[data-document-id="d-1"] button');
    expect(remove.getAttribute('aria-label')).to.equal('Remove Spec');
    remove.click();
    await settle(detail);
    expect(store.state.tasks.get('t-1')!.documents).to.deep.equal([]);
    expect(store.undo()).to.equal(true);
    expect(store.state.tasks.get('t-1')!.documents.length).to.equal(1);
  });

  it('never links a stored unsafe address, and shows hostile names as text (XSS battery)', async () => {
    const documents = XSS_PAYLOADS.map((payload, index) => ({ id: `x-${index}`, name: payload.text, url: index % 2 === 0 ? payload.text : 'https://ok.example/doc', type: 'link' }));
    documents.push({ id: 'x-js', name: 'js', url: 'javascript:window.__xss=1', type: 'link' });
    const { detail } = await mountDetail({ tasks: [makeTask('t-1', { documents })] });
    const list = $(detail, '.docs .links');
    expect(xssViolations(list)).to.deep.equal([]);
    XSS_PAYLOADS.forEach((payload, index) => {
      const row = $(detail, `.docs li[data-document-id="x-${index}"]`);
      expect(normalizeSpace(row.textContent ?? ''), payload.name).to.contain(normalizeSpace(payload.text).slice(0, 40));
    });
    expect($$(detail, '.docs li[data-document-id="x-js"] a').length).to.equal(0);
    expect(text($(detail, '.docs li[data-document-id="x-js"]'))).to.contain('not allowed');
  });

  it('passes axe with a refused address shown', async () => {
    const { detail } = await mountDetail({ tasks: [makeTask('t-1', { documents: [SPEC] })], theme: 'dark' });
    typeInto($<HTMLInputElement>(detail, '#docs-url'), 'data:text/html,x');
    $<HTMLButtonElement>(detail, '.docs form button[type=submit]').click();
    await settle(detail);
    await expect(detail).to.be.accessible();
  });
});
