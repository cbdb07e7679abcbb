/**
 * Word lists the generator builds readable data from. Invented for this project; any resemblance to
 * real people is a coincidence of common names.
 */

export const FIRST_NAMES: readonly string[] = [
  'Amara', 'Bruno', 'Chen', 'Dalia', 'Emil', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas',
  'Kaito', 'Lena', 'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quinn', 'Rosa', 'Samir', 'Tove',
  'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Aled', 'Beatriz', 'Caleb', 'Dunja',
  'Elif', 'Finn', 'Greta', 'Hugo', 'Ilse', 'Jamal', 'Kirsi', 'Luca', 'Mirela', 'Noor',
];

export const LAST_NAMES: readonly string[] = [
  'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Haddad', 'Novak', 'Fernandes', 'Kowalski', 'Brennan', 'Iyer',
  'Schulz', 'Petrov', 'Alvarez', 'Nakamura', 'Osei', 'Varga', 'Castillo', 'Horvath', 'Lund', 'Mensah',
  'Rossi', 'Dubois', 'Kaya', 'Jensen', 'Silva', 'Zhang', 'Murphy', 'Eriksen', 'Rahman', 'Costa',
];

/** Communication groups; the guest always lands in `contractors`. */
export const GROUPS: readonly string[] = ['engineering', 'design', 'support'];
export const GUEST_GROUP = 'contractors';

export const PROJECT_NAMES: readonly (readonly [name: string, key: string])[] = [
  ['Website relaunch', 'WEB'],
  ['Mobile app', 'MOB'],
  ['Customer portal', 'CUS'],
  ['Data platform', 'DATA'],
  ['Support tooling', 'SUP'],
  ['Billing migration', 'BIL'],
  ['Onboarding revamp', 'ONB'],
  ['Security hardening', 'SEC'],
];

export const PROJECT_COLORS: readonly string[] = ['#2563eb', '#16a34a', '#db2777', '#ea580c', '#7c3aed', '#0891b2'];

export const EPIC_THEMES: readonly string[] = [
  'Checkout', 'Search', 'Onboarding', 'Notifications', 'Reporting', 'Accounts', 'Payments', 'Settings',
  'Dashboard', 'Import and export', 'Permissions', 'Mobile navigation', 'Help center', 'Analytics',
];

export const EPIC_GOALS: readonly string[] = ['redesign', 'overhaul', 'v2', 'launch', 'cleanup', 'improvements'];

export const TASK_VERBS: readonly string[] = [
  'Design', 'Implement', 'Polish', 'Document', 'Refactor', 'Review', 'Prototype', 'Migrate', 'Measure', 'Fix',
];

export const TASK_OBJECTS: readonly string[] = [
  'login form', 'API pagination', 'empty states', 'error messages', 'cache layer', 'email templates',
  'audit log', 'date picker', 'CSV export', 'rate limiting', 'dark mode', 'keyboard shortcuts',
  'search ranking', 'invoice PDF', 'webhook retries', 'profile page', 'feature flags', 'load tests',
  'onboarding tour', 'access tokens',
];

export const SUBTASK_STEPS: readonly string[] = [
  'Write acceptance criteria for', 'Sketch', 'Build', 'Add tests for', 'Update docs for', 'QA pass on',
];

export const TAGS: readonly string[] = [
  'frontend', 'backend', 'api', 'ux', 'bug', 'research', 'infra', 'docs', 'security', 'performance',
];

export const CHECKLIST_ITEMS: readonly string[] = [
  'Agree on scope', 'Write the spec', 'Get design sign-off', 'Code review', 'Update changelog',
  'Check accessibility', 'Deploy to staging', 'Tell support',
];

export const DOCUMENT_KINDS: readonly (readonly [label: string, type: string])[] = [
  ['Spec', 'doc'],
  ['Mockups', 'figma'],
  ['Test plan', 'sheet'],
  ['Research notes', 'pdf'],
];

export const MESSAGE_OPENERS: readonly string[] = [
  'I pushed a first draft, feedback welcome.',
  'Blocked on the API change, any news?',
  'Looks good to me.',
  'Can we move this to next week?',
  'I added the numbers from last sprint.',
  'Found an edge case with **empty** input.',
  'Pairing on this tomorrow morning.',
  'The staging build is green now.',
  'Please check the updated mockups.',
  'Do we still need this for the release?',
];

export const MESSAGE_REPLIES: readonly string[] = [
  'Thanks, on it.',
  'Agreed.',
  'I will take a look after lunch.',
  'Yes, let us keep it in scope.',
  'Good catch!',
];

export const REACTIONS: readonly string[] = ['👍', '🎉', '👀', '❤️'];

export const DESCRIPTIONS: readonly string[] = [
  'Goal: make this *simple* for first-time users.\n\n- keep the current data\n- no breaking changes',
  'See the linked spec for details. Ship behind a feature flag.',
  'Customers asked for this in the last survey.',
  'Follow-up from the incident review.',
];
