import type { Id, IsoDate } from '@cwm/core';

/** Detail of `cwm-template-create`: what `<cwm-template-picker>` is about to create. */
export interface TemplateCreateDetail {
  readonly templateId: Id;
  readonly projectId: Id;
  /** The day the template's plan starts; `undefined`: the new tasks get no dates. */
  readonly start: IsoDate | undefined;
}

declare module '@cwm/ui' {
  interface CwmEventMap {
    /**
     * "Create" was pressed in `<cwm-template-picker>`, before anything is written. Cancelable: a host
     * that creates the tasks its own way (or asks first) calls `preventDefault()` and nothing is created.
     */
    'cwm-template-create': CustomEvent<TemplateCreateDetail>;
  }
}
