// The form controls of @cwm/ui: form-associated custom elements a host may use in its own forms.
export { CwmFormControl, VALID, type ControlValidity } from './shared/form-control.js';
export { formControlStyles } from './shared/form-control.styles.js';
export { CwmDateField } from './date-field/date-field.js';
export { datePattern, formatDateText, parseDateText, type DatePattern, type ParsedDateText } from './date-field/date-text.js';
export { addMonths, dayInMonth, dayKind, firstDayOfWeek, isGridKey, monthOf, monthWeeks, moveFocusedDay, type DayKind, type GridKey, type YearMonth } from './date-field/month-grid.js';
export { CwmTagsField } from './tags-field/tags-field.js';
export { addTag, matchingSuggestions, normalizeTag, parseTags, type AddTagResult } from './tags-field/tag-list.js';
export { CwmPeopleField } from './people-field/people-field.js';
export { filterPeople, parseIds, type PersonOption } from './people-field/people-filter.js';
export { moveActiveOption } from './shared/active-option.js';
export { chipKeyAction, focusChipTarget, leavesInputForChips, type ChipFocusTarget, type ChipKeyAction } from './shared/chip-keys.js';
