import { expect } from '@open-wc/testing';
import { checkDocumentDraft, documentKind, openableUrl } from '../../packages/task-detail/src/model/document-draft.js';

const newId = () => 'doc-1';

describe('task-detail document model', () => {
  it('builds a link from a good draft, name trimmed, URL normalized', () => {
    const result = checkDocumentDraft({ name: '  Spec  ', url: ' https://example.com/spec ', kind: 'pdf' }, newId);
    expect(result).to.deep.equal({ ok: true, link: { id: 'doc-1', name: 'Spec', url: 'https://example.com/spec', type: 'pdf' } });
    expect(checkDocumentDraft({ name: 'Mail', url: 'mailto:ada@example.com', kind: 'link' }, newId).ok).to.equal(true);
  });

  it('refuses empty fields and unsafe addresses, per field', () => {
    expect(checkDocumentDraft({ name: ' ', url: '', kind: 'doc' }, newId)).to.deep.equal({ ok: false, errors: { name: 'empty', url: 'empty' } });
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', '/relative/path', 'ftp://example.com/x', 'vbscript:msgbox(1)', 'https://']) {
      expect(checkDocumentDraft({ name: 'x', url, kind: 'doc' }, newId), url).to.deep.equal({ ok: false, errors: { url: 'unsafe' } });
    }
    expect(checkDocumentDraft({ name: 'x'.repeat(201), url: 'https://example.com', kind: 'doc' }, newId)).to.deep.equal({ ok: false, errors: { name: 'too-long' } });
  });

  it('checks stored addresses again before opening them', () => {
    expect(openableUrl({ id: 'd', name: 'n', url: 'javascript:alert(1)', type: 'link' })).to.equal(undefined);
    expect(openableUrl({ id: 'd', name: 'n', url: 'https://example.com/a', type: 'link' })).to.equal('https://example.com/a');
  });

  it('maps stored types to kinds', () => {
    expect(documentKind('PDF')).to.equal('pdf');
    expect(documentKind('application/pdf')).to.equal('pdf');
    expect(documentKind('sheet')).to.equal('sheet');
    expect(documentKind('image/png')).to.equal('other');
  });
});
