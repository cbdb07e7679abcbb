/**
 * Mounting `<cwm-dashboard>` and `<cwm-workload>` for a benchmark: the issue 6 data set (10,000 tasks,
 * 200 people, 20 projects from `generateWorkspace`), a connected store on a memory adapter inside a
 * `<cwm-workspace>`, in the same fixed 1600 x 900 box the board and Gantt scenarios use. A fresh element
 * is appended per run; only the two tags the scenarios need are registered.
 */
import { CwmDashboard, CwmWorkload } from '@cwm/dashboard';
import { CwmStore, type Person } from '@cwm/core';
import { MemoryAdapter } from '@cwm/adapters';
import { generateWorkspace, type GeneratedWorkspace } from '@cwm/core/testing';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { openWorkspaceStage } from '../board-support/board-stage.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-dashboard', CwmDashboard);
defineElement('cwm-workload', CwmWorkload);

/**
 * The day the generated data is "as of", given explicitly so the dashboard (overdue, this week,
 * burndown) and the workload (first week) look at the same moment as the data, not at the real today.
 */
export const DATA_TODAY = '2026-05-25';

/** The scale: 10,000 tasks, 200 people, 20 projects, and an admin who looks at it. */
export interface DashboardData {
  readonly data: GeneratedWorkspace;
  readonly me: Person;
  /** Every project id, comma-separated, as the `projects` attribute takes them. */
  readonly projectIds: string;
}

/** Generates the issue 6 data set (deterministic: the generator's default seed). */
export function dashboardData(): DashboardData {
  const data = generateWorkspace({ tasks: 10_000, people: 200, projects: 20, today: DATA_TODAY });
  const me = data.people.find((person) => person.role === 'admin');
  if (!me) throw new Error('generateWorkspace made no admin');
  if (data.projects.length !== 20 || data.people.length !== 200 || data.tasks.length !== 10_000) {
    throw new Error(`generated ${data.projects.length} projects, ${data.people.length} people, ${data.tasks.length} tasks`);
  }
  return { data, me, projectIds: data.projects.map((project) => project.id).join(',') };
}

export { elementSettled as settled } from '../board-support/board-stage.js';

/** A connected store on a memory adapter, inside a workspace, in a stage box: elements come and go. */
export class DashboardStage {
  private constructor(
    readonly dashboard: DashboardData,
    readonly adapter: MemoryAdapter,
    readonly store: CwmStore,
    readonly box: HTMLDivElement,
    readonly workspace: CwmWorkspace,
  ) {}

  static async open(dashboard: DashboardData): Promise<DashboardStage> {
    const { adapter, store, box, workspace } = await openWorkspaceStage(dashboard.data, dashboard.me.id);
    return new DashboardStage(dashboard, adapter, store, box, workspace);
  }

  /** A new `<cwm-dashboard>` over all 20 projects, not yet attached. */
  createDashboard(): CwmDashboard {
    const element = document.createElement('cwm-dashboard') as CwmDashboard;
    element.setAttribute('projects', this.dashboard.projectIds);
    element.setAttribute('today', DATA_TODAY);
    return element;
  }

  /** A new `<cwm-workload>` of every person over `weeks` weeks from the data's today, as tall as the stage. */
  createWorkload(weeks: number): CwmWorkload {
    const element = document.createElement('cwm-workload') as CwmWorkload;
    element.setAttribute('weeks', String(weeks));
    element.setAttribute('today', DATA_TODAY);
    element.style.setProperty('--cwm-workload-height', '800px');
    return element;
  }

  close(): void {
    this.box.remove();
    this.store.dispose();
    this.adapter.close();
  }
}

export { bringToFront } from '../board-support/board-stage.js';
