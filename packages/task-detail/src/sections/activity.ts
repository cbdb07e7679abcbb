import { css, html, type TemplateResult } from 'lit';
import { PRIORITIES, type ActivityEntry, type Id, type Message, type Priority } from '@cwm/core';
import { markdownStyles, renderMarkdown, token, type MessageKey } from '@cwm/ui';
import { ACTIVITY_FILTERS, ACTIVITY_PAGE, buildFeed, type ActivityFilter, type ChangeLine, type FeedItem } from '../model/activity-feed.js';
import { focusAfterUpdate } from './focus-after-update.js';
import type { SectionContext } from './section-context.js';

/** Fields with a message of their own in `task-detail.activity.field.*`. */
const NAMED_FIELDS = new Set([
  'title',
  'description',
  'status',
  'priority',
  'start',
  'due',
  'estimate',
  'progress',
  'milestone',
  'parentId',
  'dependencies',
  'checklist',
  'documents',
  'tags',
]);

/** The sentences for people lists: who was added to, or removed from, which list. */
const PEOPLE_KEYS: Readonly<Record<string, { added: MessageKey; removed: MessageKey }>> = {
  assigneeIds: { added: 'task-detail.activity.assigned', removed: 'task-detail.activity.unassigned' },
  followerIds: { added: 'task-detail.activity.followed', removed: 'task-detail.activity.unfollowed' },
  resourceIds: { added: 'task-detail.activity.booked', removed: 'task-detail.activity.unbooked' },
};

/**
 * The activity section of `<cwm-task-detail>`: the task's history (who changed what, when, in
 * words) merged with its comments in time order, filterable (all, changes, comments), showing the
 * newest 50 with "Show older" for more. Comments are rendered through the safe markdown subset;
 * every name and value is text. Only loaded messages appear (the chat pages older ones in).
 */
export class ActivitySection {
  private filter: ActivityFilter = 'all';
  private limit = ACTIVITY_PAGE;
  private shownFor: Id | undefined;
  private context!: SectionContext;
  private sourceKey: unknown[] = [];
  private activity: readonly ActivityEntry[] = [];
  private messages: readonly Message[] = [];

  /** Renders the section for `context.task`. */
  render(context: SectionContext): TemplateResult {
    this.context = context;
    const { t, task } = context;
    if (this.shownFor !== task.id) {
      this.shownFor = task.id;
      this.filter = 'all';
      this.limit = ACTIVITY_PAGE;
    }
    this.collect();
    const feed = buildFeed({ activity: this.activity, messages: this.messages, filter: this.filter, limit: this.limit });
    return html`<section class="activity" aria-labelledby="activity-heading">
      <h3 id="activity-heading">${t('task-detail.activity.heading')}</h3>
      <fieldset class="filter">
        <legend>${t('task-detail.activity.filter')}</legend>
        ${ACTIVITY_FILTERS.map(
          (filter) => html`<label>
            <input type="radio" name="activity-filter" value=${filter} .checked=${filter === this.filter} @change=${() => this.setFilter(filter)} />
            ${t(`task-detail.activity.filter.${filter}`)}
          </label>`,
        )}
      </fieldset>
      ${feed.hidden > 0
        ? html`<button type="button" class="older" id="activity-older" @click=${this.showOlder}>
            ${t('task-detail.activity.show-older', { count: Math.min(feed.hidden, ACTIVITY_PAGE) })}
          </button>`
        : ''}
      ${feed.items.length === 0
        ? html`<p class="muted">${t('task-detail.activity.empty')}</p>`
        : html`<ol class="feed" aria-labelledby="activity-heading">
            ${feed.items.map((item) => this.renderItem(item))}
          </ol>`}
    </section>`;
  }

  private renderItem(item: FeedItem): TemplateResult {
    const { t } = this.context;
    const time = html`<time datetime=${item.at}>${this.context.localize.formatDate(item.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>`;
    if (item.kind === 'comment') {
      return html`<li class="comment" data-key=${item.key}>
        <div class="meta">${t('task-detail.activity.commented', { actor: this.context.personName(item.message.authorId) })} · ${time}</div>
        <div class="body">${renderMarkdown(item.message.body)}</div>
      </li>`;
    }
    const actor = this.context.personName(item.actorId);
    return html`<li class="change" data-key=${item.key}>
      ${item.lines.map((line) => html`<p>${this.sentence(line, actor)}</p>`)}
      <div class="meta">${time}</div>
    </li>`;
  }

  /** One change in words, in the element's language. */
  sentence(line: ChangeLine, actor: string): string {
    const { t } = this.context;
    const field = line.field ?? '';
    switch (line.kind) {
      case 'created':
        return t('task-detail.activity.created', { actor });
      case 'deleted':
        return t('task-detail.activity.deleted', { actor });
      case 'added-people':
      case 'removed-people': {
        const keys = PEOPLE_KEYS[field];
        const names = this.context.localize.formatList((line.personIds ?? []).map((id) => this.context.personName(id)));
        if (keys === undefined) return t('task-detail.activity.changed', { actor, field: this.fieldName(field) });
        return t(line.kind === 'added-people' ? keys.added : keys.removed, { actor, names, count: line.personIds?.length ?? 0 });
      }
      case 'list-added':
      case 'list-removed':
        return t(`task-detail.activity.${line.kind === 'list-added' ? 'added' : 'removed'}.${field as 'tags'}`, { actor, count: line.count ?? 1 });
      case 'set':
        return t('task-detail.activity.set', { actor, field: this.fieldName(field), value: this.value(field, line.value ?? '') });
      case 'cleared':
        return t('task-detail.activity.cleared', { actor, field: this.fieldName(field) });
      case 'changed':
        return t('task-detail.activity.changed', { actor, field: this.fieldName(field) });
    }
  }

  private fieldName(field: string): string {
    return NAMED_FIELDS.has(field) ? this.context.t(`task-detail.activity.field.${field as 'title'}`) : this.context.t('task-detail.activity.field.other', { name: field });
  }

  /** A new value as a reader knows it: the status's name, a date, hours, a percentage. */
  private value(field: string, value: string): string {
    const { t, localize, project } = this.context;
    switch (field) {
      case 'status':
        return project?.workflow.statuses.find((status) => status.id === value)?.name ?? value;
      case 'start':
      case 'due':
        // Noon, so no time zone moves the day.
        return /^\d{4}-\d{2}-\d{2}$/.test(value) ? localize.formatDate(`${value}T12:00:00`, { dateStyle: 'medium' }) : value;
      case 'estimate':
        return t('task-detail.activity.hours', { count: Number(value) });
      case 'progress':
        return t('task-detail.activity.percent', { count: Number(value) });
      case 'priority':
        return (PRIORITIES as readonly string[]).includes(value) ? t(`task-detail.activity.priority.${value as Priority}`) : value;
      case 'title':
        return `"${value}"`;
      default:
        return value;
    }
  }

  private setFilter(filter: ActivityFilter): void {
    this.filter = filter;
    this.limit = ACTIVITY_PAGE;
    this.context.requestUpdate();
  }

  private readonly showOlder = (event: Event): void => {
    this.limit += ACTIVITY_PAGE;
    this.context.requestUpdate();
    // The button may go (nothing older left): keep focus in the list's heading then.
    focusAfterUpdate(event.currentTarget as HTMLElement, '#activity-older', '#activity-heading');
  };

  /** The task's entries and messages, gathered again only when those tables change. */
  private collect(): void {
    const { state, task } = this.context;
    const key = [state.activity, state.messages, task.id];
    if (key.every((part, index) => part === this.sourceKey[index])) return;
    this.sourceKey = key;
    this.activity = state.activity.filter((entry) => entry.taskId === task.id);
    this.messages = state.messages.filter((message) => message.taskId === task.id);
  }
}

/** Styles of the activity section (with the markdown styles comments need). */
export const activityStyles = [
  markdownStyles,
  css`
    .activity .filter {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      border: none;
      margin: 0 0 ${token('space-s')};
      padding: 0;
    }
    .activity .filter legend {
      padding: 0;
      margin-bottom: 0.25rem;
    }
    .activity .feed {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .activity .feed li {
      padding: 0.375rem 0;
      border-bottom: 1px solid ${token('color-border')};
      overflow-wrap: anywhere;
    }
    .activity .feed p {
      margin: 0;
    }
    .activity .meta {
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-s')};
    }
    .activity .older {
      margin-bottom: ${token('space-s')};
    }
  `,
];
