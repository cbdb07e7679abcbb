import { ensureContextRoot } from '../context/context-root.js';

/** Options of `defineElement`. */
export interface DefineOptions {
  /**
   * A vendor's tag prefix replacing `cwm`: `{ prefix: 'acme' }` registers `cwm-workspace` as
   * `acme-workspace`. Must be a valid start of a custom element name (lower case, starting with a letter).
   */
  readonly prefix?: string;
  /** The registry to define in; defaults to the global `customElements`. */
  readonly registry?: CustomElementRegistry;
}

/** Our own tag prefix; every `name` given to `defineElement` starts with it. */
export const DEFAULT_PREFIX = 'cwm';

const PREFIX_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

// Which library class each registered tag stands for. A re-prefixed tag holds a subclass (one
// constructor cannot be defined under two names), so the registry alone cannot answer "is this ours?".
const originals = new WeakMap<CustomElementConstructor, CustomElementConstructor>();

// The prefix each registered constructor was defined under, and per prefix the tag of each library
// class: a board registered as `acme-board` renders `acme-board-card`, never `cwm-board-card`.
const prefixes = new WeakMap<CustomElementConstructor, string>();
const tagsByPrefix = new Map<string, Map<CustomElementConstructor, string>>();

/**
 * A widget made of smaller elements names them in a static `elements` map (default tag -> class).
 * `defineElement` registers them first, under the same prefix, and `tagOf` finds their tags.
 */
export interface ComposedElement {
  readonly elements?: Readonly<Record<string, CustomElementConstructor>>;
}

/**
 * The tag `name` becomes under `prefix`: `tagName('cwm-board', 'acme')` is `acme-board`.
 * Throws for a prefix that cannot start a custom element name.
 */
export function tagName(name: string, prefix: string = DEFAULT_PREFIX): string {
  if (!name.startsWith(`${DEFAULT_PREFIX}-`)) {
    throw new Error(`[cwm] "${name}" is not a cwm tag name; expected "${DEFAULT_PREFIX}-...".`);
  }
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new Error(`[cwm] "${prefix}" is not a valid tag prefix: use lower-case letters, digits and inner hyphens.`);
  }
  return `${prefix}${name.slice(DEFAULT_PREFIX.length)}`;
}

/**
 * Registers a widget class as a custom element, safely:
 * - defining the same class again under the same tag does nothing (two bundles, hot reload, a
 *   page that includes our script twice);
 * - a tag already owned by a different class is a clear error, not a silent mix-up;
 * - a vendor prefix registers `acme-*`; when the class already has another tag, a subclass is
 *   registered instead, because the platform allows one tag per constructor.
 *
 * Returns the constructor that now owns the tag. Internals never look elements up by tag name, so
 * re-prefixed widgets work exactly like ours.
 */
export function defineElement(
  name: string,
  ctor: CustomElementConstructor,
  options: DefineOptions = {},
): CustomElementConstructor {
  const registry = options.registry ?? customElements;
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const tag = tagName(name, prefix);
  // Parts first: a widget that upgrades renders them at once.
  for (const [partName, part] of Object.entries((ctor as ComposedElement).elements ?? {})) {
    defineElement(partName, part, options);
  }
  const existing = registry.get(tag);
  if (existing !== undefined) {
    if (existing === ctor || originals.get(existing) === ctor) {
      remember(existing, ctor, prefix, tag);
      return existing;
    }
    throw new Error(
      `[cwm] <${tag}> is already defined by another class (${existing.name || 'anonymous'}). ` +
        `Use defineElement's "prefix" option to register ${ctor.name || 'this class'} under another name.`,
    );
  }
  const owner = registry.getName?.(ctor) == null ? ctor : subclassOf(ctor);
  originals.set(owner, ctor);
  remember(owner, ctor, prefix, tag);
  ensureContextRoot();
  registry.define(tag, owner);
  return owner;
}

function remember(owner: CustomElementConstructor, original: CustomElementConstructor, prefix: string, tag: string): void {
  prefixes.set(owner, prefix);
  let tags = tagsByPrefix.get(prefix);
  if (!tags) tagsByPrefix.set(prefix, (tags = new Map()));
  tags.set(original, tag);
}

/**
 * The tag under which `part` is registered next to `host`: the same prefix as the host's own tag.
 * Widgets render their parts with it (lit's `unsafeStatic`, from our own registry, never from data),
 * so a vendor's re-prefixed board renders its re-prefixed cards. A part not registered yet under that
 * prefix is registered on the spot from the host's `elements` map.
 */
export function tagOf(host: Element, part: CustomElementConstructor): string {
  const prefix = prefixes.get(host.constructor as CustomElementConstructor) ?? DEFAULT_PREFIX;
  const known = tagsByPrefix.get(prefix)?.get(part);
  if (known !== undefined) return known;
  const parts = (host.constructor as ComposedElement).elements ?? {};
  const entry = Object.entries(parts).find(([, ctor]) => ctor === part);
  if (!entry) {
    throw new Error(`[cwm] ${part.name || 'this element'} is not one of the parts of <${host.localName}>; list it in its static "elements".`);
  }
  defineElement(entry[0], part, prefix === DEFAULT_PREFIX ? {} : { prefix });
  return tagsByPrefix.get(prefix)!.get(part)!;
}

function subclassOf(ctor: CustomElementConstructor): CustomElementConstructor {
  // The subclass keeps everything (styles, properties, JSDoc'd API); only its identity differs.
  const sub = class extends ctor {};
  Object.defineProperty(sub, 'name', { value: ctor.name });
  return sub;
}
