import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { styleMap, type StyleInfo } from 'lit/directives/style-map.js';
import type { CwmStore } from '@cwm/core';
import { ALL_GRID_COLUMNS, ZOOMS, type CwmGantt, type GridColumn, type Zoom } from '@cwm/gantt';
import type { WorkspaceTheme } from '@cwm/ui';
import { personWithRole, storyStore } from '../board/board-data.js';
import {
  GENERATED_TODAY,
  LAUNCH_MANAGER,
  LAUNCH_PROJECT,
  LAUNCH_TODAY,
  LAUNCH_VIEWER,
  fiveThousandTasks,
  launchWorkspace,
} from './gantt-data.js';

interface GanttArgs {
  project: string;
  zoom: Zoom;
  readonly: boolean;
  violation: 'refuse' | 'shift';
  'push-successors': boolean;
  'critical-path': boolean;
  columns: GridColumn[];
  'grid-width': number;
  'no-toolbar': boolean;
  today: string;
  theme: WorkspaceTheme;
  lang: 'en' | 'de';
  /** Hierarchy story only: open with every summary collapsed. */
  collapsed?: boolean;
  // Rows the manifest adds for the properties behind the attributes above, and for the toolbar's
  // plumbing; never set by a story.
  pushSuccessors?: never;
  criticalPath?: never;
  gridWidthSetting?: never;
  noToolbar?: never;
  showCritical?: never;
  canExport?: never;
  t?: never;
  store?: never;
  // Storybook fills these from the manifest's events (the Actions panel logs them).
  onCwmTaskSchedule?: (event: Event) => void;
  onCwmTaskScheduled?: (event: Event) => void;
  onCwmDependencyCreate?: (event: Event) => void;
  onCwmDependencyCreated?: (event: Event) => void;
  onCwmDependencyDelete?: (event: Event) => void;
  onCwmDependencyDeleted?: (event: Event) => void;
  onCwmTaskOpen?: (event: Event) => void;
}

/** What every story can try; repeated in each description that invites it. */
const TRY_IT =
  'Drag a bar to move it, its ends to resize it, the handle inside it to set progress; draw a dependency from the round handle at a bar\'s end onto another bar; click an arrow to select it and delete it from the popup. On the keyboard: Tab into the grid, arrows move between rows (Right/Left expand and collapse), Alt+Arrow moves the task a day, Alt+Shift+Arrow resizes it, Space opens its details, Enter opens the task, + and - zoom, T goes to today.';

/** The launch plan on a store acting as `userId`; one store per person, kept across stories and controls. */
function launchStore(userId: string): CwmStore {
  return storyStore(`gantt-launch-${userId}`, launchWorkspace, () => userId);
}

/** Gantts already collapsed once: a re-render (a control changed) must not collapse them again. */
const collapsedOnce = new WeakSet<Element>();

/**
 * Collapses every summary once the plan is loaded. Collapse state is the element's own (the toolbar's
 * "Collapse all" is its public face), so the story waits for the data before asking for it.
 */
function collapseWhenLoaded(store: CwmStore): (element?: Element) => void {
  return (element) => {
    if (!element || collapsedOnce.has(element)) return;
    collapsedOnce.add(element);
    const gantt = element as CwmGantt;
    void store
      .connect()
      .then(() => gantt.updateComplete)
      .then(() => gantt.expandAll(false));
  };
}

/**
 * The Gantt inside a workspace on `store`. On a dark theme the frame turns dark too: the canvas stays
 * white, and a dark Gantt on white would not show how it looks on a dark page.
 */
function renderGantt(store: CwmStore, args: GanttArgs, frameStyle: StyleInfo = {}): TemplateResult {
  const dark = args.theme === 'dark';
  const frame = styleMap({
    background: dark ? '#0b0d0f' : 'transparent',
    padding: dark ? '1rem' : '0',
    borderRadius: '0.75rem',
    ...frameStyle,
  });
  return html`<div style=${frame}>
    <cwm-workspace .store=${store} theme=${args.theme} lang=${args.lang}>
      <cwm-gantt
        ${ref(args.collapsed ? collapseWhenLoaded(store) : undefined)}
        project=${args.project}
        zoom=${args.zoom}
        columns=${args.columns.join(',')}
        violation=${args.violation}
        today=${args.today}
        grid-width=${args['grid-width']}
        ?readonly=${args.readonly}
        ?critical-path=${args['critical-path']}
        ?no-toolbar=${args['no-toolbar']}
        .pushSuccessors=${args['push-successors']}
        @cwm-task-schedule=${(event: Event) => args.onCwmTaskSchedule?.(event)}
        @cwm-task-scheduled=${(event: Event) => args.onCwmTaskScheduled?.(event)}
        @cwm-dependency-create=${(event: Event) => args.onCwmDependencyCreate?.(event)}
        @cwm-dependency-created=${(event: Event) => args.onCwmDependencyCreated?.(event)}
        @cwm-dependency-delete=${(event: Event) => args.onCwmDependencyDelete?.(event)}
        @cwm-dependency-deleted=${(event: Event) => args.onCwmDependencyDeleted?.(event)}
        @cwm-task-open=${(event: Event) => args.onCwmTaskOpen?.(event)}
      ></cwm-gantt>
    </cwm-workspace>
  </div>`;
}

const meta: Meta<GanttArgs> = {
  title: 'Widgets/Gantt',
  component: 'cwm-gantt',
  tags: ['autodocs'],
  argTypes: {
    // Descriptions and types come from the JSDoc via custom-elements.json; here only the choices.
    project: { control: false },
    zoom: { control: 'inline-radio', options: [...ZOOMS] },
    violation: { control: 'inline-radio', options: ['refuse', 'shift'] },
    'push-successors': { control: 'boolean' },
    columns: { control: 'inline-check', options: [...ALL_GRID_COLUMNS] },
    'grid-width': { control: { type: 'range', min: 160, max: 800, step: 20 } },
    today: { control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The workspace theme (story only).' },
    lang: { control: 'inline-radio', options: ['en', 'de'], description: 'The workspace language (story only).' },
    // The properties behind the attributes above, and the toolbar's plumbing: not values to set here.
    pushSuccessors: { control: false },
    criticalPath: { control: false },
    gridWidthSetting: { control: false },
    noToolbar: { control: false },
    showCritical: { table: { disable: true } },
    canExport: { table: { disable: true } },
    t: { table: { disable: true } },
    store: { control: false },
    collapsed: { table: { disable: true } },
  },
  args: {
    project: LAUNCH_PROJECT,
    zoom: 'week',
    readonly: false,
    violation: 'refuse',
    'push-successors': true,
    'critical-path': false,
    columns: [...ALL_GRID_COLUMNS],
    'grid-width': 440,
    'no-toolbar': false,
    today: LAUNCH_TODAY,
    theme: 'light',
    lang: 'en',
  },
  parameters: {
    docs: {
      description: {
        component: `A Gantt timeline on the shared store, here on the memory adapter with a hand-built product launch pinned to ${LAUNCH_TODAY} (passed as \`today\`), so every story looks the same on any day. Every change goes through the store; the Actions panel logs the events. ${TRY_IT}`,
      },
    },
  },
};
export default meta;

type Story = StoryObj<GanttArgs>;

/**
 * Every attribute as a control, acting as the plan's manager. Try `violation="shift"` and drag
 * "Integration testing" before the web app ends: instead of being refused, it snaps to the first day
 * its dependency allows. Turn `push-successors` off and drag "API and data model" later: the apps stay
 * where they are and their arrows show the broken dependency.
 */
export const Playground: Story = {
  // Wide enough for every column: at the element's default 440 px the assignee column gives way first.
  args: { 'grid-width': 540 },
  render: (args) => renderGantt(launchStore(LAUNCH_MANAGER), args),
};

/**
 * Three phases as summary rows: their bars span their subtasks and their progress is rolled up from
 * them ("Marketing site" is a summary inside a summary). The story opens with everything collapsed;
 * expand a phase with its triangle, the Right arrow key, or "Expand all", then move a subtask and watch
 * its phase follow. "Launch retrospective" has no dates yet: the grid flags it as unscheduled.
 */
export const Hierarchy: Story = {
  args: { collapsed: true, zoom: 'week' },
  render: (args) => renderGantt(launchStore(LAUNCH_MANAGER), args),
};

/**
 * All four dependency types, several with lag, on the day scale: "Market analysis" starts two days
 * after the interviews start (SS +2), "Integration testing" ends three days after the web app (FF +3),
 * the old website may not go dark before launch day (SF), the rest finish-to-start. The critical path
 * (no slack: interviews, sign-off, API, web app, testing, launch, retiring the old site) is highlighted;
 * Space on a row shows its slack. Draw a link from "Launch day" back to "Customer interviews" to see a
 * cycle refused with its reason; drag "Web app" a day later and the chain behind it is pushed.
 */
export const DependenciesAndCriticalPath: Story = {
  name: 'Dependencies and critical path',
  args: { 'critical-path': true, zoom: 'day', columns: ['title', 'start', 'due'], 'grid-width': 340 },
  render: (args) => renderGantt(launchStore(LAUNCH_MANAGER), args),
};

/**
 * Acting as a viewer: the policy allows reading only, so bars cannot be dragged, keys do not move
 * tasks and the popup offers no dependency editing; trying says why. (The `readonly` attribute does the
 * same for anyone, whatever the policy: toggle it in the Playground.)
 */
export const ReadOnly: Story = {
  name: 'Read-only (viewer)',
  render: (args) => renderGantt(launchStore(LAUNCH_VIEWER), args),
};

/**
 * 5,000 generated tasks with some 2,500 dependencies in one project. Only the rows in view exist in the
 * DOM (grid rows, bars and arrows alike), so scrolling, zooming and dragging cost what they cost on the
 * small plan. (Left out of the docs page, which renders every story at once.)
 */
export const FiveThousandTasks: Story = {
  name: '5,000 tasks',
  tags: ['!autodocs'],
  args: { project: 'p-1', today: GENERATED_TODAY, 'critical-path': true },
  render: (args) => {
    const store = storyStore('gantt-5k', fiveThousandTasks, (data) => personWithRole(data, 'manager'));
    return renderGantt(store, args, { '--cwm-gantt-height': '40rem' });
  },
};

/** `theme="dark"` on the workspace: grid, bars, arrows, today line and popup all follow the dark tokens. */
export const Dark: Story = {
  args: { theme: 'dark', 'critical-path': true },
  render: (args) => renderGantt(launchStore(LAUNCH_MANAGER), args),
};

/**
 * A vendor's colours through the Gantt's CSS custom properties, set on a wrapper of the host page:
 * `--cwm-gantt-bar-color`, `--cwm-gantt-progress-color`, `--cwm-gantt-arrow-color`,
 * `--cwm-gantt-today-color` and `--cwm-gantt-height`, with the library's `--cwm-font-family`.
 */
export const VendorTheme: Story = {
  name: 'Vendor theme',
  render: (args) =>
    renderGantt(launchStore(LAUNCH_MANAGER), args, {
      '--cwm-gantt-bar-color': '#7dd3c0',
      '--cwm-gantt-progress-color': '#0f766e',
      '--cwm-gantt-arrow-color': '#c2410c',
      '--cwm-gantt-today-color': '#be185d',
      '--cwm-gantt-height': '26rem',
      '--cwm-font-family': 'Georgia, "Times New Roman", serif',
    }),
};

/** `lang="de"` on the workspace: toolbar, grid headers, dates, the time axis and the popup in German. */
export const German: Story = {
  args: { lang: 'de', zoom: 'month' },
  render: (args) => renderGantt(launchStore(LAUNCH_MANAGER), args),
};
