// A story-only widget that shows what a <cwm-workspace> provides: it reads the store through context
// exactly as real widgets do, so the story shows the provider working, not a mock of it.
import { css, html } from 'lit';
import { state } from 'lit/decorators.js';
import type { Person, Project, SyncState } from '@cwm/core';
import { CwmElement, token } from '@cwm/ui';

export class StoryWorkspaceState extends CwmElement {
  static override styles = [
    ...CwmElement.styles,
    css`
      :host {
        background: ${token('color-surface')};
        border: 1px solid ${token('color-border')};
        border-radius: ${token('radius-l')};
        padding: ${token('space-m')};
        max-inline-size: 40rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: ${token('space-xs')} ${token('space-m')};
        margin: 0;
      }
      dt {
        color: ${token('color-text-muted')};
      }
      dd {
        margin: 0;
      }
      ul {
        margin: 0;
        padding-inline-start: ${token('space-m')};
      }
    `,
  ];

  @state() private me: Person | undefined;
  @state() private sync: SyncState | undefined;
  @state() private projects: readonly Project[] = [];
  @state() private taskCount = 0;
  @state() private peopleCount = 0;

  constructor() {
    super();
    this.observe((store) => store.me$(), (me) => (this.me = me));
    this.observe((store) => store.sync$(), (sync) => (this.sync = sync));
    this.observe((store) => store.projects$(), (projects) => (this.projects = projects));
    this.observe((store) => store.select((s) => s.tasks.size), (count) => (this.taskCount = count));
    this.observe((store) => store.select((s) => s.people.size), (count) => (this.peopleCount = count));
  }

  protected override render() {
    const phase = this.sync?.phase ?? 'idle';
    return html`<dl>
      <dt>Store</dt>
      <dd>${this.store ? `${this.store.workspaceId} / ${this.store.userId || '–'}` : '–'}</dd>
      <dt>Sync</dt>
      <dd>${this.localize.t(`sync.${phase}`)}</dd>
      <dt>Acting person</dt>
      <dd>${this.me ? `${this.me.name} (${this.me.role})` : '–'}</dd>
      <dt>Loaded</dt>
      <dd>
        ${this.localize.t('count.tasks', { count: this.taskCount })},
        ${this.localize.t('count.people', { count: this.peopleCount })}
      </dd>
      <dt>Projects</dt>
      <dd>
        <ul>
          ${this.projects.map((project) => html`<li>${project.name}</li>`)}
        </ul>
      </dd>
      <dt>May move tasks</dt>
      <dd>${this.store ? this.localize.denial(this.store.can('task.move')) || '✓' : '–'}</dd>
    </dl>`;
  }
}

if (!customElements.get('story-workspace-state')) customElements.define('story-workspace-state', StoryWorkspaceState);
