import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  fallbackChain,
  formatDate,
  formatList,
  formatMessage,
  formatNumber,
  formatRelativeTime,
  nearestLang,
  registerMessages,
  resolveMessage,
} from '@cwm/ui';
import { TestWidget } from './fixtures.js';

function shownText(widget: TestWidget): string {
  return widget.shadowRoot?.querySelector('p')?.textContent ?? '';
}

const NOV_25 = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

describe('localization', () => {
  let pageLang: string;
  before(() => {
    pageLang = document.documentElement.lang;
  });
  afterEach(() => {
    document.documentElement.lang = pageLang;
  });

  it('speaks the nearest lang and switches live when it changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><test-widget></test-widget></div>`);
    const widget = wrapper.querySelector('test-widget') as TestWidget;
    await widget.updateComplete;
    expect(widget.l10n.lang).to.equal('de');
    expect(shownText(widget)).to.equal('Rückgängig');
    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => shownText(widget) === 'Undo', 'switches to English without a reload');
    wrapper.removeAttribute('lang');
    document.documentElement.lang = 'de';
    await waitUntil(() => shownText(widget) === 'Rückgängig', 'falls back to <html lang>');
  });

  it('finds the lang of a host across shadow roots', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="de-AT"></div>`);
    const shadowHost = document.createElement('div');
    outer.append(shadowHost);
    const root = shadowHost.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    expect(nearestLang(inner)).to.equal('de-AT');
    inner.setAttribute('lang', '');
    expect(nearestLang(inner), 'an empty lang means "look further up"').to.equal('de-AT');
  });

  it('falls back from a regional tag to its language, then to English', () => {
    expect(fallbackChain('de-CH')).to.deep.equal(['de-ch', 'de', 'en']);
    expect(formatMessage('de-CH', 'action.redo')).to.equal('Wiederholen');
    registerMessages('fr', { 'action.undo': 'Annuler' });
    expect(formatMessage('fr', 'action.undo')).to.equal('Annuler');
    expect(formatMessage('fr', 'action.redo'), 'a missing key falls back to English').to.equal('Redo');
  });

  it('lets vendors override wording, and widgets update at once', async () => {
    const widget = await fixture<TestWidget>(html`<test-widget lang="en"></test-widget>`);
    widget.message = 'action.retry';
    await widget.updateComplete;
    expect(shownText(widget)).to.equal('Try again');
    registerMessages('en', { 'action.retry': 'Have another go' });
    try {
      await waitUntil(() => shownText(widget) === 'Have another go');
      expect(resolveMessage('en', 'action.retry')?.text).to.equal('Have another go');
    } finally {
      registerMessages('en', { 'action.retry': 'Try again' });
    }
  });

  it('fills named params and chooses plural forms by Intl.PluralRules', () => {
    expect(formatMessage('en', 'count.tasks', { count: 0 })).to.equal('No tasks');
    expect(formatMessage('en', 'count.tasks', { count: 1 })).to.equal('1 task');
    expect(formatMessage('en', 'count.tasks', { count: 1234 })).to.equal('1,234 tasks');
    expect(formatMessage('de', 'count.tasks', { count: 1234 })).to.equal('1.234 Aufgaben');
    expect(formatMessage('de', 'workspace.load-failed', { reason: 'x' })).to.equal(
      'Der Arbeitsbereich konnte nicht geladen werden: x',
    );
    expect(formatMessage('en', 'workspace.load-failed'), 'a missing param stays visible').to.contain('{reason}');
    // Polish has four categories: proof the form comes from the catalog language's rules.
    registerMessages('pl', {
      'count.tasks': { one: '{count} zadanie', few: '{count} zadania', many: '{count} zadań', other: '{count} zadania' },
    });
    expect(formatMessage('pl', 'count.tasks', { count: 1 })).to.equal('1 zadanie');
    expect(formatMessage('pl', 'count.tasks', { count: 3 })).to.equal('3 zadania');
    expect(formatMessage('pl', 'count.tasks', { count: 5 })).to.equal('5 zadań');
    expect(formatMessage('pl', 'count.tasks', { count: 22 })).to.equal('22 zadania');
    // A language without its own plural text uses English forms with English rules.
    expect(formatMessage('ja', 'count.tasks', { count: 2 })).to.equal('2 tasks');
  });

  it('formats dates, numbers, relative times and lists through Intl', () => {
    const utcLong = { dateStyle: 'long', timeZone: 'UTC' } as const;
    expect(formatDate('en-US', NOV_25, utcLong)).to.equal('November 25, 2026');
    expect(formatDate('de', NOV_25, utcLong)).to.equal('25. November 2026');
    expect(formatDate('de', '2026-11-25T12:00:00Z', utcLong), 'ISO strings are parsed').to.equal('25. November 2026');
    expect(formatDate('en', 'not a date')).to.equal('');
    expect(formatNumber('de', 0.425, { style: 'percent' })).to.match(/^43\s%$/);
    expect(formatNumber('en', 0.425, { style: 'percent' })).to.equal('43%');
    const now = NOV_25;
    expect(formatRelativeTime('en', new Date(now.getTime() - 5 * 60_000), now)).to.equal('5 minutes ago');
    expect(formatRelativeTime('de', new Date(now.getTime() - 86_400_000), now)).to.equal('gestern');
    expect(formatRelativeTime('en', new Date(now.getTime() + 21 * 86_400_000), now)).to.equal('in 3 weeks');
    expect(formatRelativeTime('de', new Date(now.getTime() - 400 * 86_400_000), now)).to.equal('letztes Jahr');
    expect(formatList('en', ['Ann', 'Bob', 'Cleo'])).to.equal('Ann, Bob, and Cleo');
    expect(formatList('de', ['Ann', 'Bob', 'Cleo'])).to.equal('Ann, Bob und Cleo');
  });

  it('builds each Intl formatter once per language and options', () => {
    const Original = Intl.DateTimeFormat;
    let constructed = 0;
    const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      constructed++;
      return new Original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = Counting;
    try {
      const options = { month: 'short', day: 'numeric', timeZone: 'Asia/Tokyo' } as const;
      const first = formatDate('en', NOV_25, options);
      for (let index = 0; index < 50; index++) formatDate('en', NOV_25, options);
      expect(first).to.equal('Nov 25');
      expect(constructed).to.equal(1);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });

  it('survives a lang attribute Intl cannot read', () => {
    expect(formatNumber('english please!', 1234.5)).to.equal('1,234.5');
    expect(formatMessage('english please!', 'action.undo')).to.equal('Undo');
  });

  it('localizes permission denials and store errors', async () => {
    const widget = await fixture<TestWidget>(html`<test-widget lang="de"></test-widget>`);
    const l10n = widget.l10n;
    expect(l10n.denial({ allowed: false, code: 'managers-assign', reason: 'Only managers assign.' })).to.equal(
      'Nur Manager können andere Personen zuweisen.',
    );
    expect(l10n.denial('read-only')).to.equal('Sie haben nur Lesezugriff.');
    expect(l10n.denial({ allowed: true })).to.equal('');
    expect(
      l10n.describeError({
        kind: 'write-rejected',
        code: 'forbidden',
        message: 'HTTP 403',
        collection: 'tasks',
        entityId: 't-1',
        intent: 'task.move',
      }),
    ).to.equal('Ihre Änderung wurde zurückgenommen: Sie dürfen das nicht');
    expect(l10n.describeError({ kind: 'load-failed', code: 'network', message: 'offline' })).to.equal(
      'Der Arbeitsbereich konnte nicht geladen werden: der Server ist nicht erreichbar',
    );
  });
});
