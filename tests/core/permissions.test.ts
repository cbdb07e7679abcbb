import { expect } from '@open-wc/testing';
import {
  type Action,
  ALL_ACTIONS,
  createPolicy,
  type Message,
  type PermissionResult,
} from '@cwm/core';
import { makeMessage, makePerson, makeProject, makeTask } from '../fixtures/entities.js';

const admin = makePerson('admin', { role: 'admin' });
const manager = makePerson('manager', { role: 'manager' });
const member = makePerson('member', { role: 'member' });
const guest = makePerson('guest', { role: 'guest' });
const viewer = makePerson('viewer', { role: 'viewer' });

const messageBy = (authorId: string): Message => makeMessage('m-1', { authorId, body: 'hello' });

function expectDenied(result: PermissionResult, code: string, reason: string): void {
  expect(result).to.deep.equal({ allowed: false, code, reason });
}

describe('createPolicy: default roles', () => {
  const policy = createPolicy();

  it('lets admins and managers do everything', () => {
    for (const action of ALL_ACTIONS) {
      expect(policy.can(admin, action).allowed, `admin ${action}`).to.equal(true);
      expect(policy.can(manager, action).allowed, `manager ${action}`).to.equal(true);
    }
  });

  it('lets members do everything except change projects and workflows or assign others', () => {
    const denied = ALL_ACTIONS.filter((action) => !policy.can(member, action).allowed);
    expect(denied).to.deep.equal(['task.assign', 'project.edit', 'workflow.edit']);
    expectDenied(policy.can(member, 'project.edit'), 'role', 'The role "member" does not allow you to change projects.');
    expectDenied(policy.can(member, 'task.assign', { person: manager }), 'managers-assign', 'Only managers can assign other people.');
    expect(policy.can(member, 'task.assign-self').allowed).to.equal(true);
    // Assigning yourself through the generic action is taking the task.
    expect(policy.can(member, 'task.assign', { person: member }).allowed).to.equal(true);
  });

  it('lets guests only take part in the conversation', () => {
    const allowed = ALL_ACTIONS.filter((action) => policy.can(guest, action).allowed);
    expect(allowed).to.deep.equal(['task.view', 'task.follow', 'message.post', 'message.edit', 'message.react', 'message.mention', 'message.read', 'notification.read']);
    expectDenied(policy.can(guest, 'task.edit'), 'comment-only', 'Guests can only take part in the conversation: they cannot edit tasks.');
    expectDenied(policy.can(guest, 'task.assign-self'), 'comment-only', 'Guests can only take part in the conversation: they cannot take tasks.');
  });

  it('lets viewers only read', () => {
    const allowed = ALL_ACTIONS.filter((action) => policy.can(viewer, action).allowed);
    expect(allowed).to.deep.equal(['task.view', 'message.read', 'notification.read']);
    expectDenied(policy.can(viewer, 'task.move'), 'read-only', 'Viewers can only read: they cannot move tasks.');
    expectDenied(policy.can(viewer, 'message.post'), 'read-only', 'Viewers can only read: they cannot post messages.');
  });

  it('denies everything without a user, and unknown roles', () => {
    expectDenied(policy.can(undefined, 'task.view'), 'no-user', 'Nobody is signed in, so nothing can be done here.');
    const stranger = makePerson('x', { role: 'contractor' });
    expectDenied(policy.can(stranger, 'task.view'), 'role', 'The role "contractor" does not allow you to view tasks.');
  });
});

describe('createPolicy: rules', () => {
  it('lets members assign others when onlyManagersAssign is off', () => {
    expect(createPolicy({ onlyManagersAssign: false }).can(member, 'task.assign', { person: manager }).allowed).to.equal(true);
  });

  it('keeps messages to their authors; admins may delete any', () => {
    const policy = createPolicy();
    const others = { message: messageBy('someone-else') };
    expectDenied(policy.can(member, 'message.edit', others), 'not-author', 'Only the author can edit this message.');
    expectDenied(policy.can(manager, 'message.delete', others), 'not-author', 'Only the author or an admin can delete this message.');
    expectDenied(policy.can(admin, 'message.edit', others), 'not-author', 'Only the author can edit this message.');
    expect(policy.can(admin, 'message.delete', others).allowed).to.equal(true);
    expect(policy.can(member, 'message.edit', { message: messageBy('member') }).allowed).to.equal(true);
    expect(policy.can(guest, 'message.edit', { message: messageBy('guest') }).allowed).to.equal(true);

    const open = createPolicy({ authorsOwnMessages: false });
    expect(open.can(member, 'message.edit', others).allowed).to.equal(true);
    // Guests edit only their own messages whatever the setting.
    expectDenied(open.can(guest, 'message.edit', others), 'not-author', 'Only the author can edit this message.');
  });

  it('keeps non-members out of projects when membersOnly is on', () => {
    const project = makeProject('p-1', { name: 'Website', memberIds: ['member'], ownerId: 'manager' });
    const policy = createPolicy({ membersOnly: true });
    const outsider = makePerson('outsider', { role: 'member' });
    expectDenied(policy.can(outsider, 'task.edit', { project }), 'not-member', 'Only members of the project "Website" can do this.');
    expect(policy.can(member, 'task.edit', { project }).allowed).to.equal(true);
    expect(policy.can(manager, 'task.edit', { project }).allowed).to.equal(true);
    expect(policy.can(admin, 'task.edit', { project }).allowed).to.equal(true);
    expect(createPolicy().can(outsider, 'task.edit', { project }).allowed).to.equal(true);
  });

  it('draws communication boundaries between groups', () => {
    const policy = createPolicy({ boundaries: [{ from: 'vendors', to: 'legal', messages: true }, { from: 'sales', to: 'legal' }] });
    const vendor = makePerson('v', { group: 'vendors' });
    const seller = makePerson('s', { group: 'sales' });
    const lawyer = makePerson('l', { group: 'legal' });
    const engineer = makePerson('e', { group: 'engineering' });
    const legalTask = makeTask('t-1', { assigneeIds: ['l'] });

    expectDenied(policy.can(vendor, 'message.mention', { person: lawyer }), 'boundary', 'People in vendors cannot mention people in legal.');
    expectDenied(policy.can(seller, 'message.mention', { person: lawyer }), 'boundary', 'People in sales cannot mention people in legal.');
    expect(policy.can(vendor, 'message.mention', { person: engineer }).allowed).to.equal(true);
    // Boundaries go one way.
    expect(policy.can(lawyer, 'message.mention', { person: vendor }).allowed).to.equal(true);

    expectDenied(
      policy.can(vendor, 'message.post', { task: legalTask, assignees: [lawyer] }),
      'boundary',
      'People in vendors cannot write on tasks of legal.',
    );
    // Without `messages: true`, or when not all assignees are across the boundary, posting is fine.
    expect(policy.can(seller, 'message.post', { task: legalTask, assignees: [lawyer] }).allowed).to.equal(true);
    expect(policy.can(vendor, 'message.post', { task: legalTask, assignees: [lawyer, engineer] }).allowed).to.equal(true);
    expect(policy.can(vendor, 'message.post', { task: makeTask('t-2'), assignees: [] }).allowed).to.equal(true);
  });

  it('asks host rules first, and their answer is final', () => {
    const asked: Action[] = [];
    const policy = createPolicy({
      rules: [
        (user, action) => {
          asked.push(action);
          return action === 'task.delete' && user.role !== 'admin'
            ? { allowed: false, code: 'rule', reason: 'Only admins delete tasks here.' }
            : undefined;
        },
        (user, action) => (user.role === 'viewer' && action === 'task.follow' ? { allowed: true } : undefined),
      ],
    });
    expectDenied(policy.can(manager, 'task.delete'), 'rule', 'Only admins delete tasks here.');
    expect(policy.can(admin, 'task.delete').allowed).to.equal(true);
    expect(policy.can(viewer, 'task.follow').allowed).to.equal(true);
    expect(policy.can(viewer, 'task.edit').allowed).to.equal(false);
    expect(asked).to.deep.equal(['task.delete', 'task.delete', 'task.follow', 'task.edit']);
  });

  it('merges host roles over the defaults', () => {
    const policy = createPolicy({ roles: { contractor: ['task.view', 'task.edit'], guest: [] } });
    expect(policy.can(makePerson('c', { role: 'contractor' }), 'task.edit').allowed).to.equal(true);
    expect(policy.can(guest, 'message.post').allowed).to.equal(false);
    expect(policy.can(member, 'task.edit').allowed).to.equal(true);
  });
});
