import type { Preview } from '@storybook/web-components-vite';

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];
type ArgTypes = ReturnType<ArgTypesEnhancer>;
type ArgType = ArgTypes[string];

/** Rows of the args table that document the element but are not values a story can set. */
const DOCUMENTATION_ONLY = new Set(['events', 'slots', 'css shadow parts', 'css custom properties']);

const PRIMITIVES = new Set(['string', 'number', 'boolean']);

/** `'a' | 'b'` (quotes of either kind): the string literals of a union, else undefined. */
function stringLiterals(types: readonly string[]): string[] | undefined {
  const literals = types.map((type) => /^'([^']*)'$|^"([^"]*)"$/.exec(type));
  if (literals.length === 0 || literals.some((match) => match === null)) return undefined;
  return literals.map((match) => match![1] ?? match![2]!);
}

/**
 * Controls for the rows that Storybook builds from custom-elements.json. It takes each row's type as the
 * TypeScript text from the manifest (`'light' | 'dark' | 'auto' | undefined`, `CwmStore | undefined`)
 * and, knowing no such names, offers a JSON editor for all of them, including events and parts. Here:
 * a union of string literals gets a radio or select, an optional primitive gets its primitive control,
 * and everything else (objects, functions, events, slots, parts, CSS properties) is documented without
 * a control. Rows a story configured itself (`control` set) are left alone. The table keeps showing the
 * manifest's full type text either way.
 */
export const manifestControls: ArgTypesEnhancer = (context) => {
  const result: ArgTypes = {};
  for (const [name, argType] of Object.entries(context.argTypes)) {
    result[name] = argType.control === undefined ? withControl(argType) : argType;
  }
  return result;
};

function withControl(argType: ArgType): ArgType {
  const category = argType.table?.category;
  if (category === undefined) return argType; // not from the manifest
  if (DOCUMENTATION_ONLY.has(category)) return { ...argType, control: false };
  const typeText = argType.type?.name ?? '';
  const members = typeText
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== 'null');
  const literals = stringLiterals(members);
  if (literals) return { ...argType, type: { name: 'enum', value: literals } };
  const only = members.length === 1 ? members[0]! : '';
  if (PRIMITIVES.has(only)) return { ...argType, type: { name: only as 'string' | 'number' | 'boolean' } };
  return { ...argType, control: false };
}
