// <cwm-board> renders the store: columns from the workflow, bad data shown safely or skipped,
// virtualized columns, a vendor prefix, and no axe violations in light and dark.
import { expect, waitUntil } from '@open-wc/testing';
import { CwmBoard, NO_STATUS } from '@cwm/board';
import { defineElement } from '@cwm/ui';
import { makeTask } from '../fixtures/entities.js';
import { cardsIn, cellOf, column, headerText, idsIn, mountBoard, ROW, settle } from './board-fixtures.js';

describe('<cwm-board> rendering', () => {
  it('shows the workflow statuses as columns, in order, with their counts', async () => {
    const { board } = await mountBoard({ tasks: [...column('todo', 3), ...column('doing', 1), ...column('done', 2)] });
    const headers = [...board.shadowRoot!.querySelectorAll('[part=header] .name')].map((node) => node.textContent?.trim());
    expect(headers).to.deep.equal(['To do', 'Doing', 'Review', 'Done']);
    expect(headerText(board, 'todo')).to.contain('3');
    // Doing has a WIP limit: its header counts against it.
    expect(headerText(board, 'doing')).to.contain('1 of 2');
    expect(headerText(board, 'done')).to.contain('2');
    expect(idsIn(board, 'todo')).to.deep.equal(['todo-1', 'todo-2', 'todo-3']);
    expect(idsIn(board, 'review')).to.deep.equal([]);
    const title = cardsIn(board, 'todo')[1]!.shadowRoot!.querySelector('[part=title]')!.textContent;
    expect(title).to.equal('todo 2');
  });

  it('puts a task with an unknown status in a visible "No status" column', async () => {
    const { board } = await mountBoard({ tasks: [...column('todo', 2), makeTask('lost', { status: 'archived', title: 'Lost task' })] });
    const headers = [...board.shadowRoot!.querySelectorAll('[part=header] .name')].map((node) => node.textContent?.trim());
    expect(headers).to.deep.equal(['To do', 'Doing', 'Review', 'Done', 'No status']);
    expect(headerText(board, NO_STATUS), 'name and count').to.match(/^No status 1\b/);
    expect(idsIn(board, NO_STATUS)).to.deep.equal(['lost']);
    const box = cardsIn(board, NO_STATUS)[0]!.getBoundingClientRect();
    expect(box.width, 'the card is visible').to.be.greaterThan(100);
    expect(box.height).to.be.greaterThan(50);
  });

  it('skips a malformed task and reports it with a cwm-error event from the workspace', async () => {
    const broken = { ...makeTask('broken'), title: 42 };
    const { board, errors } = await mountBoard({ tasks: column('todo', 2), rawTasks: [broken] });
    expect(idsIn(board, 'todo')).to.deep.equal(['todo-1', 'todo-2']);
    const invalid = errors.filter((error) => error.kind === 'invalid-data');
    expect(invalid).to.have.length(1);
    const issue = invalid[0]!.kind === 'invalid-data' ? invalid[0]!.issue : undefined;
    expect(issue?.id).to.equal('broken');
    expect(issue?.field).to.equal('title');
  });

  it('shows a title with markup or script as plain text', async () => {
    const hostile = '<img src=x onerror="window.__boardXss = 1"><script>window.__boardXss = 2</script>';
    const { board } = await mountBoard({ tasks: [makeTask('evil', { title: hostile })] });
    const card = cardsIn(board, 'todo')[0]!;
    const title = card.shadowRoot!.querySelector('[part=title]')!;
    expect(title.textContent).to.equal(hostile);
    expect(card.shadowRoot!.querySelector('img'), 'no img element from the title').to.equal(null);
    expect(card.shadowRoot!.querySelector('script')).to.equal(null);
    expect(card.getAttribute('aria-label')).to.contain('<img src=x');
    expect((window as { __boardXss?: number }).__boardXss).to.equal(undefined);
  });

  it('renders only the cards in view of a column of 2,000, and later ones when it scrolls', async () => {
    const { board } = await mountBoard({ tasks: column('todo', 2000, 'big') });
    expect(headerText(board, 'todo')).to.contain('2,000');
    const rendered = cardsIn(board, 'todo');
    expect(rendered.length).to.be.greaterThan(3);
    expect(rendered.length).to.be.lessThan(60);
    expect(rendered[0]!.dataset['taskId']).to.equal('big-1');
    const cell = cellOf(board, 'todo');
    cell.scrollOffset = 1500 * ROW;
    await waitUntil(() => idsIn(board, 'todo').includes('big-1501'), 'card 1501 renders after scrolling');
    await settle(board);
    const after = cardsIn(board, 'todo');
    expect(after.length).to.be.lessThan(60);
    expect(after.map((card) => card.dataset['taskId'])).to.not.include('big-1');
    const first = after.find((card) => card.dataset['taskId'] === 'big-1501')!;
    const top = first.getBoundingClientRect().top;
    expect(Math.abs(top - cell.getBoundingClientRect().top), 'card 1501 sits at the top of the cell').to.be.lessThan(2);
    expect(first.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('big 1501');
  });

  it('renders its parts under a vendor prefix', async () => {
    defineElement('cwm-board', CwmBoard, { prefix: 'acme' });
    const { board } = await mountBoard({ tasks: column('todo', 2), tag: 'acme-board' });
    expect(board.localName).to.equal('acme-board');
    const cells = board.shadowRoot!.querySelectorAll('[data-cell]');
    expect(cells.length).to.equal(4);
    expect([...cells].every((cell) => cell.localName === 'acme-board-cell')).to.equal(true);
    expect(board.shadowRoot!.querySelector('cwm-board-cell')).to.equal(null);
    const cards = cardsIn(board, 'todo');
    expect(cards.map((card) => card.localName)).to.deep.equal(['acme-board-card', 'acme-board-card']);
    expect(cards[0]!.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('todo 1');
  });

  it('has no axe violations in its default state', async () => {
    const { board } = await mountBoard({ tasks: [...column('todo', 3), ...column('doing', 2), ...column('done', 1)] });
    await expect(board).to.be.accessible();
  });

  it('has no axe violations in dark theme', async () => {
    const { board, workspace } = await mountBoard({ tasks: [...column('todo', 3), ...column('doing', 2)], theme: 'dark' });
    expect(getComputedStyle(workspace).colorScheme).to.contain('dark');
    await expect(board).to.be.accessible();
  });
});
