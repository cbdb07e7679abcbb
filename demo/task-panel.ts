// "Open a task" on every demo page: a `cwm-task-open` from any widget inside the workspace (a card, a
// Gantt bar, a notification, a dashboard list, the workload, a subtask inside the detail) shows that
// task in the page's side panel: `<cwm-task-detail>` in one tab, its `<cwm-task-chat>` in the other.
// The panel is a region, not a modal: the rest of the page stays usable while it is open. The task
// (and the tab) stay in the URL, so a reload opens them again.
import type { Subscription } from 'rxjs';
import type { Task } from '@cwm/core';
import type { CwmTaskChat } from '@cwm/chat';
import type { CwmTaskDetail } from '@cwm/task-detail';
import type { IntranetPage } from './intranet-page.js';

/** The panel's two views. */
type PanelTab = 'detail' | 'chat';

/** What a page gets back from `wireTaskPanel`. */
export interface TaskPanel {
  /**
   * Shows a task in the panel (ignored when the store does not know the task) and moves the focus to
   * the panel's heading, unless `focus` is false.
   */
  readonly open: (taskId: string, focus?: boolean) => void;
  /** Hides the panel and gives the focus back to what opened it. */
  readonly close: () => void;
}

/**
 * Wires the page's side panel (the `<aside id="task-panel">` of index.html and executive.html) to
 * `cwm-task-open` events bubbling up to the workspace. `onOpened` lets a page say more about the opened
 * task (the Projects page writes a status line under its board).
 */
export function wireTaskPanel(page: IntranetPage, onOpened?: (task: Task) => void): TaskPanel {
  const { workspace, params, remember, forget } = page;
  const panel = document.querySelector('#task-panel') as HTMLElement;
  const heading = document.querySelector('#task-panel-title') as HTMLElement;
  const detail = document.querySelector('#task-detail') as CwmTaskDetail;
  const chat = document.querySelector('#chat') as CwmTaskChat;
  const tabs = {
    detail: document.querySelector('#task-panel-tab-detail') as HTMLButtonElement,
    chat: document.querySelector('#task-panel-tab-chat') as HTMLButtonElement,
  };
  const views = {
    detail: document.querySelector('#task-panel-detail') as HTMLElement,
    chat: document.querySelector('#task-panel-chat') as HTMLElement,
  };

  /** Where the focus goes back on close: the card, bar or list item that opened the panel. */
  let returnFocusTo: HTMLElement | undefined;
  /** The open task's title, followed live (it is edited in the panel, or elsewhere by someone else). */
  let titleSubscription: Subscription | undefined;

  const followTitle = (taskId: string): void => {
    titleSubscription?.unsubscribe();
    titleSubscription = workspace.activeStore?.task$(taskId).subscribe((task) => {
      // Titles are data: textContent, never markup.
      heading.textContent = task ? task.title : 'This task no longer exists';
    });
  };

  const showTab = (tab: PanelTab, focus = false): void => {
    for (const name of ['detail', 'chat'] as const) {
      const selected = name === tab;
      tabs[name].setAttribute('aria-selected', String(selected));
      // Roving tabindex: Tab reaches the selected tab only; the arrow keys move between tabs.
      tabs[name].tabIndex = selected ? 0 : -1;
      views[name].hidden = !selected;
    }
    if (focus) tabs[tab].focus();
  };

  const open = (taskId: string, focus = true): void => {
    const task = workspace.activeStore?.state.tasks.get(taskId);
    if (!task) return;
    // A task opened from inside the panel (a subtask, a linked task) keeps the first opener: closing
    // goes back to the card the reader started from, not to a panel that is about to hide.
    const opener = focusedElement();
    if (panel.hidden || !opener || !panel.contains(hostOf(opener))) returnFocusTo = opener;
    detail.task = taskId;
    chat.task = taskId;
    followTitle(taskId);
    panel.hidden = false;
    document.documentElement.classList.add('task-panel-open');
    remember('task', taskId);
    onOpened?.(task);
    if (!focus) return;
    // On a narrow screen the panel is in the page flow below the header: bring it into view (on a
    // wide one it is fixed beside the page, which keeps its scroll position).
    if (getComputedStyle(panel).position !== 'fixed') panel.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };

  const close = (): void => {
    if (panel.hidden) return;
    panel.hidden = true;
    document.documentElement.classList.remove('task-panel-open');
    titleSubscription?.unsubscribe();
    titleSubscription = undefined;
    forget('task');
    const target = returnFocusTo;
    returnFocusTo = undefined;
    if (target?.isConnected) target.focus();
  };

  for (const name of ['detail', 'chat'] as const) {
    tabs[name].addEventListener('click', () => {
      showTab(name);
      if (name === 'chat') remember('task-tab', 'chat');
      else forget('task-tab');
    });
  }
  tabs.detail.parentElement!.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    // Two tabs: every one of these keys lands on the other one (Home/End on the first/last).
    const next: PanelTab = event.key === 'Home' ? 'detail' : event.key === 'End' ? 'chat' : tabs.detail.tabIndex === 0 ? 'chat' : 'detail';
    tabs[next].click();
    tabs[next].focus();
  });
  showTab(params.get('task-tab') === 'chat' ? 'chat' : 'detail');

  // On wide screens the panel is fixed on the right from the header's bottom edge down: the header
  // (with the bell) stays uncovered, and once it is scrolled away the panel uses the whole height.
  const header = document.querySelector('.portal-header') as HTMLElement;
  const placeBelowHeader = (): void => {
    panel.style.setProperty('--task-panel-top', `${Math.max(0, header.getBoundingClientRect().bottom)}px`);
  };
  placeBelowHeader();
  addEventListener('scroll', placeBelowHeader, { passive: true });
  new ResizeObserver(placeBelowHeader).observe(header);

  (document.querySelector('#task-panel-close') as HTMLButtonElement).addEventListener('click', close);
  // The detail's own close button, and Escape inside it when no editor of the detail used it.
  detail.addEventListener('cwm-task-detail-close', close);
  // Escape anywhere else in the panel (the tabs, the chat) closes it too, unless a control used it
  // first (a chat composer, a date picker): those mark the event handled.
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  });

  // Every widget's `cwm-task-open` bubbles and is composed, so one listener on the workspace hears
  // them all, the bell in the header and the detail's own subtask links included.
  workspace.addEventListener('cwm-task-open', (event) => open(event.detail.taskId));
  workspace.addEventListener('cwm-workspace-ready', () => {
    // A new store (another person acting): follow the open task's title in it.
    if (!panel.hidden && detail.task) {
      followTitle(detail.task);
      return;
    }
    // The task of the URL (a reload, a shared link) opens without taking the focus from the page.
    const task = params.get('task');
    if (task) open(task, false);
  });
  return { open, close };
}

/**
 * The element that has the focus, inside shadow roots too: a widget fires `cwm-task-open` from its
 * host, but the focus is on the card or bar inside it.
 */
function focusedElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/** The light-DOM element an element lives in (itself when it is in the document, not a shadow root). */
function hostOf(element: Element): Element {
  let node: Element = element;
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = node.getRootNode()) node = root.host;
  return node;
}
