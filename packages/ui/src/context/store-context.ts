import { createContext } from '@lit/context';
import type { CwmStore } from '@cwm/core';

/**
 * The context key through which `<cwm-workspace>` hands its store to every widget inside it.
 *
 * `Symbol.for` so that two bundles of this library on one page (a vendor's and the portal's) still
 * find each other's workspace. Consumers subscribe, so a store swap (new user, new tenant) reaches
 * every widget without re-rendering the page.
 */
export const storeContext = createContext<CwmStore | undefined>(Symbol.for('cwm-elements/store'));
