// Data for the workload stories: a hand-made team of twelve whose weeks can be checked by eye (three
// people over their capacity in some weeks, a part-timer, two tasks that cannot be placed), and a
// generated 200-person workspace for the scale story. Pinned to fixed days like the dashboard stories.
import type { WorkspaceData } from '@cwm/adapters';
import { addDays, taskDefaults, type Id, type IsoDate, type Person, type Project, type Task } from '@cwm/core';
import { generateWorkspace, type GeneratedWorkspace } from '@cwm/core/testing';
import { PORTFOLIO_TODAY } from './dashboard-data.js';

/** The first week shown: the week of the dashboard stories' today (a Monday). */
export const TEAM_TODAY: IsoDate = PORTFOLIO_TODAY;

/** The team's main project. */
export const TEAM_PROJECT: Id = 'p-platform';

/** The second project: the Mobile group's work lives there, so the project filter has a choice. */
export const MOBILE_PROJECT: Id = 'p-mobile';

/** A viewer of the workspace (no project member, so no row): the read-only story acts as her. */
export const TEAM_VIEWER: Id = 'u-viewer';

/** The person the stories act as. */
export const TEAM_LEAD: Id = 'u-1';

const CREATED_AT = `${addDays(TEAM_TODAY, -14)}T09:00:00.000Z`;
const meta = { version: 1, createdAt: CREATED_AT, updatedAt: CREATED_AT } as const;

/** One piece of planned work: working days as offsets from `TEAM_TODAY` (Monday = 0), hours in all. */
type Work = readonly [title: string, start: number, due: number, hours: number];

/**
 * The team and its plan. Weeks start on Mondays, so `[0, 4]` is this week, `[7, 11]` next week. Ben is
 * double-booked in weeks 1 and 2, Chloé (20 hours a week) is given a full-time task in week 3, and Gita
 * takes an on-call week on top of her project work in week 5. Everyone else is at or under capacity.
 */
const TEAM: readonly (readonly [name: string, capacity: number, group: string, work: readonly Work[]])[] = [
  ['Ana Ruiz', 40, 'Platform', [['Quarterly planning', 0, 11, 40], ['Hiring loop', 14, 25, 24]]],
  ['Ben Okafor', 40, 'Platform', [['Payments API v2', 0, 11, 64], ['Fraud rules hotfix', 3, 9, 30], ['Payments docs', 21, 32, 30]]],
  ['Chloé Martin', 20, 'Design', [['Design tokens', 0, 11, 30], ['Checkout redesign', 14, 18, 40]]],
  ['Dev Patel', 40, 'Mobile', [['Mobile release 4.2', 0, 18, 90], ['Crash triage', 21, 25, 16]]],
  ['Eva Schmidt', 40, 'Platform', [['Analytics events', 7, 25, 72]]],
  ['Farid Haddad', 40, 'Platform', [['Kubernetes upgrade', 0, 4, 32], ['Backup drills', 14, 18, 20], ['Cost review', 28, 39, 40]]],
  ['Gita Rao', 40, 'Platform', [['Search relevance', 0, 39, 180], ['On-call week', 28, 32, 40]]],
  ['Hugo Lefèvre', 32, 'Design', [['Accessibility fixes', 0, 25, 96]]],
  ['Ines Costa', 40, 'Mobile', [['Onboarding emails', 7, 11, 24], ['Pricing page', 14, 25, 48]]],
  ['Jonas Berg', 40, 'Platform', [['Data warehouse', 0, 53, 240]]],
  ['Kemi Adeyemi', 40, 'Mobile', [['Support tooling', 0, 25, 100]]],
  ['Liam O\u2019Brien', 24, 'Mobile', [['QA automation', 0, 39, 96]]],
];

/** Team members of the Mobile group work in the Mobile project, everyone else in Platform. */
const projectOf = (index: number): Id => (TEAM[index]![2] === 'Mobile' ? MOBILE_PROJECT : TEAM_PROJECT);
const membersOf = (projectId: Id): Id[] => TEAM.flatMap((_, index) => (projectOf(index) === projectId ? [`u-${index + 1}`] : []));

function person(index: number): Person {
  const [name, capacity, group] = TEAM[index]!;
  return { id: `u-${index + 1}`, ...meta, name, kind: 'person', role: index === 0 ? 'manager' : 'member', group, capacity };
}

const viewer: Person = { id: TEAM_VIEWER, ...meta, name: 'Vera Viewer', kind: 'person', role: 'viewer', capacity: 0 };

const workflow: Project['workflow'] = {
    statuses: [
      { id: 'todo', name: 'To do', category: 'todo' },
      { id: 'in-progress', name: 'In progress', category: 'active' },
      { id: 'done', name: 'Done', category: 'done' },
    ],
    wipPolicy: 'warn',
};

const projects: Project[] = [
  { id: TEAM_PROJECT, ...meta, name: 'Platform', key: 'PLT', ownerId: TEAM_LEAD, memberIds: [TEAM_LEAD, ...membersOf(TEAM_PROJECT).filter((id) => id !== TEAM_LEAD)], workflow },
  // The lead manages both projects, so she can move work between them.
  { id: MOBILE_PROJECT, ...meta, name: 'Mobile app', key: 'MOB', ownerId: TEAM_LEAD, memberIds: [TEAM_LEAD, ...membersOf(MOBILE_PROJECT)], workflow },
];

function task(id: Id, title: string, assigneeId: Id, extra: Partial<Task>): Task {
  return { id, ...meta, ...taskDefaults(), projectId: TEAM_PROJECT, title, status: 'todo', rank: `a${id}`, assigneeIds: [assigneeId], createdBy: TEAM_LEAD, ...extra };
}

/**
 * The team of twelve in three groups over two projects, its plan, a viewer, and two tasks the grid
 * counts as unplanned (no dates, no estimate).
 */
export function teamWorkspace(): WorkspaceData {
  const tasks: Task[] = [];
  TEAM.forEach(([, , , work], index) => {
    work.forEach(([title, start, due, hours], position) => {
      tasks.push(task(`t-${index + 1}-${position + 1}`, title, `u-${index + 1}`, { projectId: projectOf(index), start: addDays(TEAM_TODAY, start), due: addDays(TEAM_TODAY, due), estimate: hours }));
    });
  });
  tasks.push(task('t-undated', 'Rotate the signing keys', 'u-6', { estimate: 8 }));
  tasks.push(task('t-unestimated', 'Investigate flaky build', 'u-2', { start: addDays(TEAM_TODAY, 2), due: addDays(TEAM_TODAY, 4) }));
  return {
    workspace: { id: 'storybook-team', name: 'Platform team', calendar: { workingDays: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [] } },
    people: [...TEAM.map((_, index) => person(index)), viewer],
    projects,
    tasks,
  };
}

/** First day of the generated plan. */
const GENERATED_START: IsoDate = '2026-01-05';

/** The generated workspace's "today", five months in: the grid starts there and runs for a year. */
export const LARGE_TODAY: IsoDate = addDays(GENERATED_START, 140);

/** 200 people on 8,000 tasks over six projects (no chat, no notifications read). */
export function twoHundredPeople(): GeneratedWorkspace {
  return generateWorkspace({
    workspaceId: 'storybook-workload-200',
    projects: 6,
    people: 200,
    tasks: 8_000,
    messagesPerTask: 0,
    start: GENERATED_START,
    today: LARGE_TODAY,
  });
}
