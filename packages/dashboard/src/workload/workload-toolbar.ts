// The filter bar of <cwm-workload>: project (when there are several), group (when there are any) and
// weeks or days. Plain labelled selects, so they are in the tab order and work with the keyboard.
import { html, nothing, type TemplateResult } from 'lit';
import type { Id, Project } from '@cwm/core';
import type { LocalizeController } from '@cwm/ui';
import type { WorkloadUnit } from './workload-view.js';

/** What the filter bar shows and what it calls back. */
export interface ToolbarProps {
  readonly localize: LocalizeController;
  /** Projects to choose from; the select appears only when there are two or more. */
  readonly projects: readonly Project[];
  /** The chosen project, `''` for all of `projects`. */
  readonly project: Id;
  /** Groups present among the people in scope; the select appears only when there is one or more. */
  readonly groups: readonly string[];
  /** The chosen group, `''` for everyone. */
  readonly group: string;
  readonly unit: WorkloadUnit;
  readonly onProject: (projectId: Id) => void;
  readonly onGroup: (group: string) => void;
  readonly onUnit: (unit: WorkloadUnit) => void;
}

/** The filter bar. */
export function renderWorkloadToolbar(props: ToolbarProps): TemplateResult {
  const t = props.localize;
  const value = (event: Event): string => (event.target as HTMLSelectElement).value;
  // A group chosen by attribute but absent from the data still shows as chosen, not as "All groups".
  const groups = props.group !== '' && !props.groups.includes(props.group) ? [...props.groups, props.group] : props.groups;
  return html`<div class="toolbar" part="toolbar" role="group" aria-label=${t.t('workload.filters')}>
    ${props.projects.length > 1
      ? html`<label
          >${t.t('workload.filter.project')}
          <select class="filter-project" @change=${(event: Event) => props.onProject(value(event))}>
            <option value="" ?selected=${props.project === ''}>${t.t('workload.filter.all-projects')}</option>
            ${props.projects.map((project) => html`<option value=${project.id} ?selected=${props.project === project.id}>${project.name}</option>`)}
          </select></label
        >`
      : nothing}
    ${groups.length > 0
      ? html`<label
          >${t.t('workload.filter.group')}
          <select class="filter-group" @change=${(event: Event) => props.onGroup(value(event))}>
            <option value="" ?selected=${props.group === ''}>${t.t('workload.filter.all-groups')}</option>
            ${groups.map((group) => html`<option value=${group} ?selected=${props.group === group}>${group}</option>`)}
          </select></label
        >`
      : nothing}
    <label
      >${t.t('workload.filter.unit')}
      <select class="filter-unit" @change=${(event: Event) => props.onUnit(value(event) === 'day' ? 'day' : 'week')}>
        <option value="week" ?selected=${props.unit === 'week'}>${t.t('workload.unit.week')}</option>
        <option value="day" ?selected=${props.unit === 'day'}>${t.t('workload.unit.day')}</option>
      </select></label
    >
  </div>`;
}
