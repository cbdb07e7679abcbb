/**
 * Mounting `<cwm-gantt>` for a benchmark: generated plans (one project, with the generator's hierarchy
 * and dependencies), a connected store on a memory adapter inside a `<cwm-workspace>`, in the same fixed
 * 1600 x 900 box the board scenarios use; a fresh Gantt appended per run. Also the same plan as raw
 * frappe-gantt takes it, for the peer baseline in the same run.
 */
import type { FrappeGanttTask } from 'frappe-gantt';
import { CwmGantt } from '@cwm/gantt';
import { CwmStore, type Person, type Project, type Task } from '@cwm/core';
import { MemoryAdapter } from '@cwm/adapters';
import { generateWorkspace, type GeneratedWorkspace } from '@cwm/core/testing';
import { CwmWorkspace, defineElement } from '@cwm/ui';
import { STAGE, elementSettled, nextPaint, openWorkspaceStage } from '../board-support/board-stage.js';

defineElement('cwm-workspace', CwmWorkspace);
defineElement('cwm-gantt', CwmGantt);

/** A generated one-project plan and who looks at it. */
export interface GanttPlan {
  readonly data: GeneratedWorkspace;
  readonly project: Project;
  /** An admin: the policy lets them reschedule anything. */
  readonly me: Person;
  /** Dependencies between tasks of the plan (what the arrows are). */
  readonly links: number;
}

/** `tasks` generated tasks in one project. */
export function ganttPlan(tasks: number): GanttPlan {
  const data = generateWorkspace({ tasks, projects: 1, people: 50 });
  const project = data.projects[0];
  const me = data.people.find((person) => person.role === 'admin');
  if (!project || !me) throw new Error('generateWorkspace made no project or no admin');
  const ids = new Set(data.tasks.map((task) => task.id));
  const links = data.tasks.reduce((sum, task) => sum + task.dependencies.filter((dependency) => ids.has(dependency.predecessorId)).length, 0);
  return { data, project, me, links };
}

/** The plan's dated tasks as raw frappe-gantt takes them (fresh objects: frappe mutates what it gets). */
export function frappeTasksOf(tasks: readonly Task[]): FrappeGanttTask[] {
  const dated = tasks.filter((task) => task.start !== undefined && task.due !== undefined);
  const ids = new Set(dated.map((task) => task.id));
  return dated.map((task) => ({
    id: task.id,
    name: task.title,
    start: task.start!,
    end: task.due!,
    progress: task.progress,
    dependencies: task.dependencies
      .map((dependency) => dependency.predecessorId)
      .filter((id) => ids.has(id))
      .join(','),
  }));
}

/** Resolves once the Gantt has no update pending (it sets its row window in its first update). */
export const settled: (element: CwmGantt) => Promise<void> = elementSettled;

/** A connected store on a memory adapter, inside a workspace, in a stage box: Gantts come and go. */
export class GanttStage {
  private constructor(
    readonly plan: GanttPlan,
    readonly adapter: MemoryAdapter,
    readonly store: CwmStore,
    readonly box: HTMLDivElement,
    readonly workspace: CwmWorkspace,
  ) {}

  static async open(plan: GanttPlan): Promise<GanttStage> {
    const { adapter, store, box, workspace } = await openWorkspaceStage(plan.data, plan.me.id);
    return new GanttStage(plan, adapter, store, box, workspace);
  }

  /** A new `<cwm-gantt>` of the plan's project, sized to the stage, not yet attached. */
  createGantt(zoom: CwmGantt['zoom'] = 'week'): CwmGantt {
    const element = document.createElement('cwm-gantt') as CwmGantt;
    element.setAttribute('project', this.plan.project.id);
    element.zoom = zoom;
    element.style.setProperty('--cwm-gantt-height', `${STAGE.height}px`);
    return element;
  }

  /** Appends a Gantt, waits until it has drawn its rows and painted, and checks it shows bars. */
  async mount(zoom?: CwmGantt['zoom']): Promise<CwmGantt> {
    const element = this.createGantt(zoom);
    this.workspace.append(element);
    await settled(element);
    await nextPaint();
    check(element);
    return element;
  }

  close(): void {
    this.box.remove();
    this.store.dispose();
  }
}

/** Throws unless the Gantt shows grid rows and frappe bars. */
export function check(element: CwmGantt): void {
  const root = element.shadowRoot;
  const rows = root?.querySelectorAll('.grid .row[data-id]').length ?? 0;
  const bars = root?.querySelectorAll('.bar-wrapper').length ?? 0;
  if (rows === 0 || bars === 0) throw new Error(`the Gantt shows ${rows} grid rows and ${bars} bars`);
}

/** The Gantt's scrolling viewport. */
export function viewportOf(element: CwmGantt): HTMLElement {
  const viewport = element.shadowRoot?.querySelector<HTMLElement>('.viewport');
  if (!viewport) throw new Error('the Gantt has no viewport');
  return viewport;
}
