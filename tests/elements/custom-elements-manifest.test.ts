import { expect } from '@open-wc/testing';
import { create, litPlugin, ts } from '@custom-elements-manifest/analyzer/browser/index.js';
import type { ClassDeclaration, ClassField, CustomElement, JavaScriptModule, Package } from 'custom-elements-manifest/schema';
import { cwmManifestPlugins } from '../../packages/elements/scripts/manifest-plugins.mjs';

// Our analyzer plugins, run on source text exactly as `npm run analyze` runs them on the packages: the
// analyzer's phases, then its lit plugin (`--litelement`), then ours from the config's own factory.

/** A class as the analyzer writes it: the schema's element fields are optional on any class. */
type ElementDeclaration = ClassDeclaration & CustomElement;

interface Analysis {
  readonly manifest: Package;
  readonly problems: readonly string[];
  /** The class declaration named `name`, failing the test when it is not in the manifest. */
  readonly classNamed: (name: string) => ElementDeclaration;
}

function analyze(files: Readonly<Record<string, string>>): Analysis {
  const problems: string[] = [];
  const modules = Object.entries(files).map(([path, source]) => ts.createSourceFile(path, source, ts.ScriptTarget.ES2015, true));
  const plugins = [...litPlugin(), ...cwmManifestPlugins({ manifestDir: 'packages/elements', report: (found) => problems.push(...found) })];
  const manifest = create({ modules, plugins, context: { dev: false } });
  const classNamed = (name: string): ElementDeclaration => {
    const found = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration): declaration is ElementDeclaration => declaration.kind === 'class' && declaration.name === name);
    if (!found) throw new Error(`${name} is not in the manifest`);
    return found;
  };
  return { manifest, problems, classNamed };
}

const names = (items: readonly { readonly name: string }[] | undefined): string[] => (items ?? []).map((item) => item.name);

const DEMO_WIDGET = `
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Store } from '@cwm/core';

const DEFAULT_SIZE = 'm';
const DEFAULT_LABEL = 'Demo';

/** Sizes of the demo. */
export type DemoSize = 's' | 'm' | 'l';

/**
 * A demo widget.
 *
 * @tagname cwm-demo
 * @summary The demo.
 * @slot - The content.
 * @slot footer - Below the content.
 * @event {CustomEvent<{ id: string }>} cwm-demo-pick - A card was picked.
 * @csspart base - The box.
 * @cssproperty --cwm-demo-gap - Space between cards.
 */
export class CwmDemo extends LitElement {
  static elements = {};
  /** How big. */
  @property({ reflect: true }) size: DemoSize = DEFAULT_SIZE;
  /** Shown above. */
  @property() label = DEFAULT_LABEL;
  /** Most rows. */
  @property({ attribute: 'max-rows', type: Number }) maxRows = 6;
  /** The sizes offered. */
  @property({ attribute: false }) sizes: readonly DemoSize[] = [];
  /** Mode, or none. */
  @property() mode: DemoSize | undefined;
  /** The store. */
  @property({ attribute: false }) store: Store | undefined;
  @state() private open = false;
  protected helper = 1;
  /** @internal */
  debugInfo = 'for our tests';
  #secret = 2;
  private compute(): void {}
  /** Moves focus to the first card. */
  focusFirst(): void {}
  /** How many cards. */
  get count(): number { return this.#secret; }
  protected override render() { return null; }
}
`;

describe('custom-elements.json plugins', () => {
  describe('an element documented by its JSDoc', () => {
    const { classNamed, problems } = analyze({ 'packages/ui/src/demo/demo-widget.ts': DEMO_WIDGET });
    const demo = classNamed('CwmDemo');

    it('has the tag from @tagname, and its slots, parts, CSS properties and typed events', () => {
      expect(demo.tagName).to.equal('cwm-demo');
      expect(demo.summary).to.equal('The demo.');
      expect(names(demo.slots)).to.deep.equal(['', 'footer']);
      expect(names(demo.cssParts)).to.deep.equal(['base']);
      expect(names(demo.cssProperties)).to.deep.equal(['--cwm-demo-gap']);
      expect(demo.events).to.deep.equal([{ name: 'cwm-demo-pick', type: { text: 'CustomEvent<{ id: string }>' }, description: 'A card was picked.' }]);
      expect(problems).to.deep.equal([]);
    });

    it('lists public members only: no private, protected, #private, static, @internal or lit lifecycle ones', () => {
      expect(names(demo.members)).to.deep.equal(['size', 'label', 'maxRows', 'sizes', 'mode', 'store', 'focusFirst', 'count']);
    });

    it('gives attributes the resolved default and the type of their field, not the constant name', () => {
      const attributes = Object.fromEntries((demo.attributes ?? []).map((attribute) => [attribute.name, attribute]));
      expect(Object.keys(attributes)).to.deep.equal(['size', 'label', 'max-rows', 'mode']);
      expect(attributes['size']).to.include({ default: "'m'", fieldName: 'size' });
      expect(attributes['label']?.default).to.equal("'Demo'");
      expect(attributes['label']?.type?.text, 'inferred from the initializer').to.equal('string');
      expect(attributes['max-rows']).to.deep.include({ fieldName: 'maxRows', default: '6', type: { text: 'number' } });
    });

    it('writes out aliases of string literals in plain unions, and leaves other types alone', () => {
      const type = (name: string) =>
        demo.members?.find((member): member is ClassField => member.kind === 'field' && member.name === name)?.type?.text;
      expect(type('size')).to.equal("'s' | 'm' | 'l'");
      expect(type('mode')).to.equal("'s' | 'm' | 'l' | undefined");
      expect(demo.attributes?.find((attribute) => attribute.name === 'mode')?.type?.text).to.equal("'s' | 'm' | 'l' | undefined");
      expect(type('sizes'), 'an array of the alias is not a plain union').to.equal('readonly DemoSize[]');
      expect(type('store'), 'not an alias of literals').to.equal('Store | undefined');
    });
  });

  it('leaves an alias declared differently in two files as it is', () => {
    const { classNamed } = analyze({
      'packages/ui/src/a.ts': `export type Mode = 'a' | 'b';
        /** @tagname cwm-a */
        export class CwmA extends LitElement { @property() mode: Mode = 'a'; }`,
      'packages/board/src/b.ts': `export type Mode = 'x';`,
    });
    const [mode] = classNamed('CwmA').members ?? [];
    expect(mode?.kind === 'field' ? mode.type?.text : undefined).to.equal('Mode');
  });

  describe('modules and paths', () => {
    const { manifest, classNamed } = analyze({
      'packages/ui/src/demo/demo-widget.ts': DEMO_WIDGET,
      'packages/ui/src/base/panel-base.ts': `export class PanelBase extends CwmDemo {}`,
      'packages/board/src/board.ts': `import { PanelBase } from '@cwm/ui';
        /**
         * The board.
         * @tagname cwm-board
         */
        export class CwmBoard extends PanelBase {}`,
      'packages/elements/src/extra.ts': `/** @tagname cwm-extra */
        export class CwmExtra extends LitElement {}`,
      'packages/core/src/util.ts': `export function helper(): number { return 1; }
        export class NotAnElement {}`,
    });
    const modules = new Map<string, JavaScriptModule>(manifest.modules.map((module) => [module.path, module]));

    it('keeps the modules that declare elements or their base classes, in source path order, and drops the rest', () => {
      expect([...modules.keys()]).to.deep.equal([
        '../board/dist/board.js',
        'dist/extra.js', // packages/elements/src/extra.ts
        '../ui/dist/base/panel-base.js',
        '../ui/dist/demo/demo-widget.js',
      ]);
    });

    it('names every module and reference by the published JavaScript, relative to the umbrella package', () => {
      expect(modules.get('../board/dist/board.js')?.exports?.[0]).to.deep.equal({
        kind: 'js',
        name: 'CwmBoard',
        declaration: { name: 'CwmBoard', module: '../board/dist/board.js' },
      });
      const inherited = classNamed('CwmBoard').attributes?.find((attribute) => attribute.name === 'size');
      expect(inherited?.inheritedFrom).to.deep.equal({ name: 'CwmDemo', module: '../ui/dist/demo/demo-widget.js' });
      expect(JSON.stringify(manifest), 'no source path left anywhere').not.to.match(/packages\/|src\/|\.ts"/);
    });

    it('lets a widget inherit the documented API of its base classes', () => {
      const board = classNamed('CwmBoard');
      expect(board.tagName).to.equal('cwm-board');
      expect(names(board.attributes)).to.deep.equal(['size', 'label', 'max-rows', 'mode']);
      expect(names(board.events)).to.deep.equal(['cwm-demo-pick']);
      expect(names(board.members)).not.to.include('helper');
    });
  });

  describe('tag names against registrations', () => {
    const element = (name: string, tag?: string) =>
      `/**${tag ? ` @tagname ${tag}` : ' No tag.'} */ export class ${name} extends LitElement {}`;

    it('accepts registrations whose classes carry the same @tagname, and reports nothing', () => {
      const { problems } = analyze({
        'packages/ui/src/a.ts': element('CwmA', 'cwm-a'),
        'packages/ui/src/b.ts': element('CwmB', 'cwm-b'),
        'packages/ui/src/define.ts': `defineElement('cwm-a', CwmA);
          export const ELEMENTS = [['cwm-b', CwmB]];
          // A map of listeners is no registration, nor is a call with a constructor variable.
          const listeners = { 'cwm-error': onError, 'cwm-a-open': OnOpen };
          const again = (ctor) => defineElement('cwm-a', ctor);`,
      });
      expect(problems).to.deep.equal([]);
    });

    it('reports each registered class without its @tagname, with a wrong one, or missing', () => {
      const { problems } = analyze({
        'packages/board/src/card.ts': element('CwmCard'),
        'packages/board/src/cell.ts': element('CwmCell', 'cwm-column'),
        'packages/board/src/board.ts': `${element('CwmBoard', 'cwm-board')}
          CwmBoard.elements = { 'cwm-card': CwmCard };`,
        'packages/elements/src/define-all.ts': `export const ELEMENTS = [['cwm-cell', CwmCell]];
          defineElement('cwm-ghost', CwmGhost);`,
      });
      expect(problems).to.deep.equal([
        'packages/board/src/board.ts registers <cwm-card> as CwmCard, whose JSDoc has no @tagname: add "@tagname cwm-card" to it.',
        'packages/elements/src/define-all.ts registers <cwm-cell> as CwmCell, whose JSDoc says @tagname cwm-column: add "@tagname cwm-cell" to it.',
        'packages/elements/src/define-all.ts registers <cwm-ghost> as CwmGhost, but no class of that name was analyzed.',
      ]);
    });

    it('reports a tag claimed by two classes', () => {
      const { problems } = analyze({
        'packages/ui/src/a.ts': element('CwmA', 'cwm-same'),
        'packages/board/src/b.ts': element('CwmB', 'cwm-same'),
      });
      expect(problems).to.deep.equal(['<cwm-same> is claimed by CwmA (packages/ui/src/a.ts) and by CwmB (packages/board/src/b.ts).']);
    });
  });
});
