import type { Person } from '../model/person.js';
import { readMeta, withOptional } from './read-common.js';
import type { EntityReader } from './reader.js';

/** A person or resource. `kind` defaults to `person`; `role` is required (a guessed role would be a security decision). */
export function readPerson(reader: EntityReader, id: string): Person {
  const person: Person = {
    ...readMeta(reader, id),
    name: reader.string('name'),
    kind: reader.oneOf('kind', ['person', 'resource'], 'person'),
    role: reader.nonEmptyString('role'),
    capacity: reader.number('capacity', { min: 0 }),
  };
  return withOptional(person, {
    email: reader.optionalString('email'),
    avatarUrl: reader.optionalString('avatarUrl'),
    group: reader.optionalId('group'),
  });
}
