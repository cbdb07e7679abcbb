/** What `GET /` answers: a plain-text note for whoever opens the server in a browser. */
export function homePage(origin: string, workspaceId: string | undefined, seed: string | undefined): string {
  return [
    'cwm-elements reference server (@cwm/server)',
    '',
    'The REST + Server-Sent Events backend of the cwm-elements demo and tests: the core domain model',
    'and validation on SQLite, with idempotent writes (Idempotency-Key), ETags and If-Match, and a live',
    'event stream per workspace. Not a product: every seeded person signs in with the password "demo".',
    '',
    `Workspace: ${workspaceId ?? '(none)'}  Seed: ${seed ?? '(none)'}`,
    `API:       ${origin}/api/v1`,
    `People:    ${origin}/api/v1/demo/people`,
    '',
    'How the demo uses it: start the demo (npm start), switch "Data" from "This browser" to "Server",',
    'and sign in as one of the people. Open a second browser (or a private window) as someone else:',
    'you are two real users, and each sees the other\'s changes live.',
    '',
    'Routes and options: packages/server/README.md',
    '',
  ].join('\n');
}
