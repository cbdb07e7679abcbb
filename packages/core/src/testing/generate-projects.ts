import type { Id } from '../model/common.js';
import type { Person } from '../model/person.js';
import type { Project, Workflow } from '../model/project.js';
import { type GeneratorContext, instant, minuteOf, type ProjectPlan } from './context.js';
import { PROJECT_COLORS, PROJECT_NAMES } from './vocabulary.js';

/** The workflow every generated project uses: a typical software team's board. */
export function standardWorkflow(): Workflow {
  return {
    statuses: [
      { id: 'backlog', name: 'Backlog', category: 'todo' },
      { id: 'todo', name: 'To do', category: 'todo' },
      { id: 'in-progress', name: 'In progress', category: 'active', wipLimit: 5 },
      { id: 'review', name: 'Review', category: 'active', wipLimit: 3 },
      { id: 'done', name: 'Done', category: 'done' },
    ],
    transitions: {
      backlog: ['todo', 'in-progress'],
      todo: ['backlog', 'in-progress'],
      'in-progress': ['todo', 'review', 'done'],
      review: ['in-progress', 'done'],
      // Reopening goes back through review, so "done" is not final.
      done: ['review'],
    },
    wipPolicy: 'warn',
  };
}

/** The order statuses are normally walked through; the generator's history follows it. */
export const STATUS_PATH: readonly string[] = ['backlog', 'todo', 'in-progress', 'review', 'done'];

function belongsTo(personIndex: number, person: Person, projectIndex: number, projectCount: number): boolean {
  switch (person.role) {
    case 'admin':
    case 'viewer':
      return true;
    case 'guest':
      return projectIndex === 0;
    case 'manager':
      return personIndex % projectCount === projectIndex || projectCount === 1 || personIndex === 1;
    default:
      // Members work on one project, and every third of them helps out on the next one too.
      return personIndex % projectCount === projectIndex || (personIndex % 3 === 0 && (personIndex + 1) % projectCount === projectIndex);
  }
}

/** `count` projects `p-1 ...` with members drawn from `people`, and who may do what in each. */
export function generateProjects(context: GeneratorContext, count: number, people: readonly Person[]): ProjectPlan[] {
  const created = instant(context, minuteOf(context.setupDay, 9));
  const allManagers = people.filter((person) => person.role === 'manager' || person.role === 'admin');
  const plans: ProjectPlan[] = [];
  for (let index = 0; index < count; index++) {
    const [baseName, baseKey] = PROJECT_NAMES[index % PROJECT_NAMES.length] as readonly [string, string];
    const round = Math.floor(index / PROJECT_NAMES.length);
    const members = people.filter((person, personIndex) => belongsTo(personIndex, person, index, count));
    const managers = members.filter((person) => person.role === 'manager').map((person) => person.id);
    // Prefer the manager whose "home" is this project; one without any manager is run by the admin.
    const home = people.find((person, personIndex) => person.role === 'manager' && personIndex % count === index);
    const ownerId: Id | undefined = home?.id ?? managers[0] ?? allManagers[0]?.id ?? people[0]?.id;
    const memberIds = members.map((person) => person.id);
    if (ownerId !== undefined && !memberIds.includes(ownerId)) memberIds.push(ownerId);
    const project: Project = {
      id: `p-${index + 1}`,
      version: 1,
      createdAt: created,
      updatedAt: created,
      name: round === 0 ? baseName : `${baseName} ${round + 1}`,
      key: round === 0 ? baseKey : `${baseKey}${round + 1}`,
      description: `Everything about the ${baseName.toLowerCase()}.`,
      color: PROJECT_COLORS[index % PROJECT_COLORS.length] as string,
      ...(ownerId === undefined ? {} : { ownerId }),
      memberIds,
      workflow: standardWorkflow(),
    };
    const assignable = members
      .filter((person) => person.role === 'admin' || person.role === 'manager' || person.role === 'member')
      .map((person) => person.id);
    const guests = members.filter((person) => person.role === 'guest').map((person) => person.id);
    plans.push({
      project,
      assignable: assignable.length > 0 ? assignable : memberIds,
      managers: managers.length > 0 ? managers : ownerId === undefined ? [] : [ownerId],
      commenters: [...assignable, ...guests],
    });
  }
  return plans;
}
