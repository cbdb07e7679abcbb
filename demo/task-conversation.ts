// "Open a task" on every demo page: a `cwm-task-open` from any widget inside the workspace (a card, a
// Gantt bar, a notification, a dashboard list) shows that task's conversation in the page's chat
// section. The task stays in the URL, so a reload opens it again.
import type { Task } from '@cwm/core';
import type { CwmTaskChat } from '@cwm/chat';
import type { IntranetPage } from './intranet-page.js';

/** The page's chat section: the elements with ids `chat-widget`, `chat-title`, `chat` and `chat-close`. */
export interface TaskConversation {
  /** Shows the conversation of a task (ignored when the store does not know the task). */
  readonly open: (taskId: string) => void;
}

/**
 * Wires the page's chat section to `cwm-task-open` events bubbling up to the workspace. `onOpened`
 * lets a page say more about the opened task (the Projects page writes a status line).
 */
export function wireTaskConversation(page: IntranetPage, onOpened?: (task: Task) => void): TaskConversation {
  const { workspace, params, remember, forget } = page;
  const section = document.querySelector('#chat-widget') as HTMLElement;
  const title = document.querySelector('#chat-title') as HTMLElement;
  const chat = document.querySelector('#chat') as CwmTaskChat;

  const open = (taskId: string): void => {
    const task = workspace.activeStore?.state.tasks.get(taskId);
    if (!task) return;
    // Titles are data: textContent, never markup.
    title.textContent = `Conversation: ${task.title}`;
    chat.task = taskId;
    section.hidden = false;
    section.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    remember('task', taskId);
    onOpened?.(task);
  };

  (document.querySelector('#chat-close') as HTMLButtonElement).addEventListener('click', () => {
    section.hidden = true;
    forget('task');
  });
  // Every widget's `cwm-task-open` bubbles and is composed, so one listener on the workspace hears
  // them all, the bell in the header included.
  workspace.addEventListener('cwm-task-open', (event) => open(event.detail.taskId));
  workspace.addEventListener('cwm-workspace-ready', () => {
    const task = params.get('task');
    if (task) open(task);
  });
  return { open };
}
