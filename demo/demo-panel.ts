import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { computeProjectRollups, type ActivityEntry, type Person, type Project, type SyncState, type Task } from '@cwm/core';
import { CwmElement } from '@cwm/ui';
import { demoPanelStyles } from './demo-panel.styles.js';
import './demo-messages.js';

/** How many recent changes the feed shows. */
const FEED_LENGTH = 12;

interface ProjectSummary {
  readonly project: Project;
  readonly tasks: number;
  /** 0..1: core's roll-up (estimate-weighted over the leaf tasks). */
  readonly complete: number;
}

/**
 * The demo's window onto the foundation: who is acting, the sync state, per-project progress, a live
 * activity feed and one button that changes something, with undo and redo. Demo-only (not a library
 * widget), but it uses the store exactly as widgets will: through the workspace's context, with
 * `observe()` bindings, localized strings and tokens.
 */
export class DemoFoundationPanel extends CwmElement {
  static override styles = [...CwmElement.styles, demoPanelStyles];

  @state() private me: Person | undefined;
  @state() private people: ReadonlyMap<string, Person> = new Map();
  @state() private sync: SyncState | undefined;
  @state() private projects: readonly Project[] = [];
  @state() private tasks: readonly Task[] = [];
  @state() private activity: readonly ActivityEntry[] = [];
  @state() private canUndo = false;
  @state() private canRedo = false;
  @state() private result: { readonly text: string; readonly refused: boolean } | undefined;
  @state() private now = new Date();
  private freshIds = new Set<string>();
  private seenActivity = new Set<string>();
  private clock: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.observe((store) => store.me$(), (me) => (this.me = me));
    this.observe((store) => store.people$(), (people) => (this.people = new Map(people.map((p) => [p.id, p]))));
    this.observe((store) => store.sync$(), (sync) => (this.sync = sync));
    this.observe((store) => store.projects$(), (projects) => (this.projects = projects));
    this.observe((store) => store.select((s) => s.tasks), (tasks) => (this.tasks = tasks.values()));
    this.observe((store) => store.activity$(), (entries) => this.takeActivity(entries));
    this.observe((store) => store.canUndo$, (value) => (this.canUndo = value));
    this.observe((store) => store.canRedo$, (value) => (this.canRedo = value));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Relative times ("2 minutes ago") age; render them again twice a minute.
    this.clock = setInterval(() => (this.now = new Date()), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
  }

  protected override render() {
    return html`<div class="panel">
      ${this.renderYou()} ${this.renderChange()} ${this.renderProjects()} ${this.renderActivity()}
    </div>`;
  }

  private renderYou() {
    const sync = this.sync;
    const phase = sync?.phase ?? 'idle';
    return html`<section aria-labelledby="you">
      <h2 id="you">${this.localize.t('demo.you')}</h2>
      ${this.me
        ? html`<div class="person">
            <span class="avatar" aria-hidden="true">${initials(this.me.name)}</span>
            <div>
              <div class="name">${this.me.name}</div>
              <div class="muted">${this.localize.t('demo.role', { role: this.me.role, group: this.me.group ?? '' })}</div>
            </div>
          </div>`
        : html`<p class="muted">${phase === 'ready' ? this.localize.t('demo.nobody') : this.localize.t('demo.loading')}</p>`}
      <h2 id="sync">${this.localize.t('demo.sync')}</h2>
      <p class="sync">
        <span class="dot ${phase}" aria-hidden="true"></span>
        <span>${this.localize.t(`sync.${phase}`)}${sync && !sync.online ? ` · ${this.localize.t('sync.offline')}` : ''}</span>
      </p>
      <p class="muted">
        ${this.localize.t('count.tasks', { count: this.tasks.length })} ·
        ${this.localize.t('count.people', { count: this.people.size })} ·
        ${this.localize.t('sync.pending', { count: sync?.pendingWrites ?? 0 })}
      </p>
    </section>`;
  }

  private renderChange() {
    const mine = this.myOpenTasks();
    const permission = this.store?.can('task.move', mine[0] ? { task: mine[0] } : {});
    const denied = permission && !permission.allowed ? this.localize.denial(permission) : '';
    return html`<section aria-labelledby="change">
      <h2 id="change">${this.localize.t('demo.change')}</h2>
      <p class="muted">${this.localize.t('demo.my-open-tasks', { count: mine.length })}</p>
      <div class="actions">
        <button class="primary" ?disabled=${mine.length === 0 || denied !== ''} title=${denied || nothing} @click=${this.moveOneForward}>
          ${this.localize.t('demo.move-mine')}
        </button>
        <button ?disabled=${!this.canUndo} @click=${() => this.store?.undo()}>${this.localize.t('action.undo')}</button>
        <button ?disabled=${!this.canRedo} @click=${() => this.store?.redo()}>${this.localize.t('action.redo')}</button>
      </div>
      <p class="result ${this.result?.refused ? 'refused' : ''}">${denied || this.result?.text || ''}</p>
      <p class="muted">${this.localize.t('demo.change-hint')}</p>
    </section>`;
  }

  private renderProjects() {
    const summaries = this.summaries();
    return html`<section class="wide" aria-labelledby="projects">
      <h2 id="projects">${this.localize.t('demo.projects')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">${this.localize.t('demo.project')}</th>
            <th scope="col" class="number">${this.localize.t('demo.tasks')}</th>
            <th scope="col" class="number">${this.localize.t('demo.complete')}</th>
            <th scope="col"><span class="visually-hidden">${this.localize.t('demo.complete')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            summaries,
            (summary) => summary.project.id,
            (summary) => html`<tr>
              <th scope="row">
                <span class="swatch" style=${styleMap({ background: safeColor(summary.project.color) })} aria-hidden="true"></span>${summary.project.name}
              </th>
              <td class="number">${this.localize.formatNumber(summary.tasks)}</td>
              <td class="number">${this.localize.formatNumber(summary.complete, { style: 'percent' })}</td>
              <td>
                <div class="bar" aria-hidden="true"><span style=${styleMap({ inlineSize: `${(summary.complete * 100).toFixed(1)}%` })}></span></div>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private renderActivity() {
    const entries = this.activity.slice(-FEED_LENGTH).reverse();
    // Never earlier than the newest entry: a change from another tab can carry a later clock reading.
    const now = new Date(Math.max(this.now.getTime(), Date.now()));
    return html`<section class="wide" aria-labelledby="activity">
      <h2 id="activity">${this.localize.t('demo.activity')}</h2>
      ${entries.length === 0
        ? html`<p class="muted">${this.localize.t('demo.activity-empty')}</p>`
        : html`<ol class="feed" aria-live="polite">
            ${repeat(
              entries,
              (entry) => entry.id,
              (entry) => html`<li class=${this.freshIds.has(entry.id) ? 'fresh' : ''}>
                <span>${this.describe(entry)}</span>
                <time class="muted" datetime=${entry.at}>${this.localize.formatRelativeTime(entry.at, now)}</time>
              </li>`,
            )}
          </ol>`}
    </section>`;
  }

  private describe(entry: ActivityEntry): string {
    const actor = this.people.get(entry.actorId)?.name ?? this.localize.t('demo.someone');
    const task = this.taskTitle(entry);
    if (entry.action === 'created') return this.localize.t('demo.created', { actor, task });
    if (entry.action === 'deleted') return this.localize.t('demo.deleted', { actor, task });
    const status = entry.changes.find((change) => change.field === 'status');
    if (status) {
      return this.localize.t('demo.moved', {
        actor,
        task,
        from: this.statusName(entry.projectId, status.from),
        to: this.statusName(entry.projectId, status.to),
      });
    }
    const fields = this.localize.formatList(entry.changes.map((change) => change.field));
    return this.localize.t('demo.changed', { actor, task, fields });
  }

  private taskTitle(entry: ActivityEntry): string {
    const task = this.store?.state.tasks.get(entry.taskId);
    if (task) return task.title;
    const title = entry.changes.find((change) => change.field === 'title');
    return typeof title?.to === 'string' ? title.to : entry.taskId;
  }

  private statusName(projectId: string, statusId: unknown): string {
    const project = this.projects.find((candidate) => candidate.id === projectId);
    return project?.workflow.statuses.find((status) => status.id === statusId)?.name ?? String(statusId);
  }

  private takeActivity(entries: readonly ActivityEntry[]): void {
    // Entries that arrive after the first load are highlighted: that is the live part.
    const firstLoad = this.seenActivity.size === 0;
    this.freshIds = new Set();
    for (const entry of entries) {
      if (this.seenActivity.has(entry.id)) continue;
      this.seenActivity.add(entry.id);
      if (!firstLoad) this.freshIds.add(entry.id);
    }
    this.activity = entries;
  }

  private myOpenTasks(): Task[] {
    const me = this.me;
    if (!me) return [];
    const byProject = new Map(this.projects.map((project) => [project.id, project]));
    return this.tasks.filter((task) => {
      if (!task.assigneeIds.includes(me.id)) return false;
      const workflow = byProject.get(task.projectId)?.workflow;
      const status = workflow?.statuses.find((candidate) => candidate.id === task.status);
      return status !== undefined && status.category !== 'done';
    });
  }

  private readonly moveOneForward = (): void => {
    const store = this.store;
    const mine = this.myOpenTasks();
    if (!store || mine.length === 0) {
      this.result = { text: this.localize.t('demo.no-open-tasks'), refused: true };
      return;
    }
    const task = mine[Math.floor(Math.random() * mine.length)]!;
    const project = this.projects.find((candidate) => candidate.id === task.projectId);
    const statuses = project?.workflow.statuses ?? [];
    const next = statuses[statuses.findIndex((status) => status.id === task.status) + 1];
    if (!next) return;
    const outcome = store.moveTask(task.id, { status: next.id });
    this.result = outcome.ok
      ? { text: this.localize.t('demo.moved-mine', { task: task.title, to: next.name }), refused: false }
      : { text: this.localize.t('demo.refused', { reason: this.localize.reason(outcome.code, outcome.reason) }), refused: true };
  };

  private summaries(): ProjectSummary[] {
    const workflows = new Map(this.projects.map((project) => [project.id, project.workflow]));
    const rollups = computeProjectRollups(this.tasks, (projectId) => workflows.get(projectId));
    const counts = new Map<string, number>();
    for (const task of this.tasks) counts.set(task.projectId, (counts.get(task.projectId) ?? 0) + 1);
    return this.projects.map((project) => ({
      project,
      tasks: counts.get(project.id) ?? 0,
      complete: (rollups.get(project.id)?.progress ?? 0) / 100,
    }));
  }
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

/** Project colours come from data: only a plain hex colour may reach a style. */
function safeColor(color: string | undefined): string {
  return color !== undefined && /^#[0-9a-f]{3,8}$/i.test(color) ? color : 'currentColor';
}
