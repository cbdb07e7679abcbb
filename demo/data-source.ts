// The header's "Data: This browser | Server" switch and, on the server, the sign-in as one of the seeded
// people. On "This browser" (the default, so `npm start` needs nothing else) the workspace keeps its
// local adapter. On "Server" it gets adapter="rest" pointed at `npm run server`, signed in per tab;
// when that server is not running the page says how to start it and stays on the local data.
import type { Subscription } from 'rxjs';
import type { CwmWorkspace } from '@cwm/ui';
import { chosenSource, DEFAULT_API, DemoServer, rememberSource, ServerUnreachable, TabSession, type DemoPerson } from './demo-server.js';

/** The header elements this module drives (ids in index.html and executive.html). */
interface SourceControls {
  readonly source: HTMLSelectElement;
  readonly session: HTMLElement;
  readonly who: HTMLElement;
  readonly pickerLabel: HTMLElement;
  readonly picker: HTMLSelectElement;
  readonly signIn: HTMLButtonElement;
  readonly signOut: HTMLButtonElement;
  readonly signInAgain: HTMLButtonElement;
  readonly localOnly: readonly HTMLElement[];
  readonly notice: HTMLElement;
}

function controls(): SourceControls {
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  return {
    source: byId('data-source'),
    session: byId('session'),
    who: byId('session-who'),
    pickerLabel: byId('sign-in-as-label'),
    picker: byId('sign-in-as'),
    signIn: byId('sign-in'),
    signOut: byId('sign-out'),
    signInAgain: byId('sign-in-again'),
    localOnly: [...document.querySelectorAll<HTMLElement>('[data-local-only]')],
    notice: byId('source-notice'),
  };
}

/**
 * Wires the switch and, in server mode, signs in. Resolves when the workspace is set up to start: at
 * once on local data; on the server once someone is signed in (the saved session of this tab, or the
 * person chosen in the picker), or when the server turned out not to be running.
 */
export function setUpDataSource(workspace: CwmWorkspace, preferredPerson: string | null): Promise<void> {
  const ui = controls();
  const source = chosenSource();
  ui.source.value = source;
  ui.source.addEventListener('change', () => {
    rememberSource(ui.source.value === 'server' ? 'server' : 'local');
    // A clean start on the other source: every widget, the workspace and its adapter begin anew.
    location.reload();
  });
  if (source === 'local') return Promise.resolve();
  return startOnServer(workspace, ui, preferredPerson);
}

async function startOnServer(workspace: CwmWorkspace, ui: SourceControls, preferredPerson: string | null): Promise<void> {
  const api = new URLSearchParams(location.search).get('api') ?? DEFAULT_API;
  const server = new DemoServer(api);
  const tab = new TabSession(server);
  let directory: Directory;
  let offline = false;
  try {
    directory = await server.people();
    sessionStorage.setItem(DIRECTORY_KEY, JSON.stringify(directory));
  } catch (error) {
    // Signed in before and the server is gone now (offline, or stopped): carry on from what this
    // browser kept for that person (the adapter's read cache and outbox), as a real client would.
    const kept = keptDirectory();
    if (!(error instanceof ServerUnreachable) || kept === undefined || tab.session?.workspaceId !== kept.workspaceId) {
      showServerDown(ui, api, error);
      return;
    }
    directory = kept;
    offline = true;
  }

  for (const element of ui.localOnly) element.hidden = true;
  for (const element of document.querySelectorAll<HTMLElement>('[data-source-text]')) element.hidden = element.dataset['sourceText'] !== 'server';
  ui.session.hidden = false;
  fillPicker(ui.picker, directory.people, preferredPerson);
  const nameOf = (id: string) => directory.people.find((person) => person.id === id)?.name ?? id;

  workspace.adapter = 'rest';
  workspace.api = api;
  workspace.workspaceId = directory.workspaceId;
  // Its own tenant, so the server's outbox never shares a namespace with the local demo data.
  workspace.tenant = `server-${directory.workspaceId}`;

  let started: () => void = () => {};
  const ready = new Promise<void>((resolve) => (started = resolve));

  const showSignedIn = (personId: string): void => {
    ui.who.textContent = `Signed in as ${nameOf(personId)}`;
    ui.who.hidden = false;
    ui.signOut.hidden = false;
    ui.pickerLabel.hidden = true;
    ui.picker.hidden = true;
    ui.signIn.hidden = true;
    ui.signInAgain.hidden = true;
  };
  const showSignedOut = (): void => {
    ui.who.hidden = true;
    ui.signOut.hidden = true;
    ui.signInAgain.hidden = true;
    ui.pickerLabel.hidden = false;
    ui.picker.hidden = false;
    ui.signIn.hidden = false;
  };
  const begin = (personId: string): void => {
    // A new auth object is a new session: the workspace builds a new store for it.
    workspace.user = personId;
    workspace.auth = tab.auth();
    showSignedIn(personId);
    if (offline) {
      showNotice(ui, [
        text(`No server answers at ${api} right now: this page shows what this browser kept for you, and the changes you make are sent when it is back.`),
      ]);
    } else {
      hideNotice(ui);
    }
    started();
  };

  const saved = tab.session;
  if (saved && saved.workspaceId === directory.workspaceId && directory.people.some((person) => person.id === saved.personId)) {
    begin(saved.personId);
  } else {
    tab.signOut();
    showSignedOut();
    showNotice(ui, [text('Choose who you are and sign in. Another browser (or a private window) can sign in as someone else.')]);
  }

  ui.signIn.addEventListener('click', async () => {
    ui.signIn.disabled = true;
    try {
      const session = await tab.signIn(ui.picker.value);
      begin(session.personId);
    } catch (error) {
      showNotice(ui, [text(`Signing in failed: ${messageOf(error)}`)]);
    } finally {
      ui.signIn.disabled = false;
    }
  });

  ui.signOut.addEventListener('click', async () => {
    ui.signOut.disabled = true;
    try {
      // Forgets this person's unsent writes and cached data on this device before anyone else signs in.
      await workspace.wipe();
    } finally {
      tab.signOut();
      ui.signOut.disabled = false;
      showSignedOut();
      showNotice(ui, [text('Signed out. Nothing of that person is kept in this browser.')]);
      ui.picker.focus();
    }
  });

  // The server refused the sign-in (the token expired and could not be refreshed): offer to sign in
  // as the same person again, which keeps the writes waiting in the outbox and sends them.
  let syncWatch: Subscription | undefined;
  workspace.addEventListener('cwm-workspace-ready', (event) => {
    syncWatch?.unsubscribe();
    syncWatch = event.detail.store.sync$().subscribe((sync) => {
      const paused = (sync as { sending?: string }).sending === 'paused-auth';
      ui.signInAgain.hidden = !paused || tab.session === undefined;
    });
  });
  ui.signInAgain.addEventListener('click', async () => {
    const personId = tab.session?.personId ?? workspace.user;
    if (!personId) return;
    try {
      await tab.signIn(personId);
      workspace.resumeAuth();
      ui.signInAgain.hidden = true;
    } catch (error) {
      showNotice(ui, [text(`Signing in failed: ${messageOf(error)}`)]);
    }
  });

  return ready;
}

type Directory = { readonly workspaceId: string; readonly people: readonly DemoPerson[] };

/** Who can sign in, as last read from the server in this tab (names for the header while offline). */
const DIRECTORY_KEY = 'cwm-demo:server-directory';

function keptDirectory(): Directory | undefined {
  try {
    const kept = JSON.parse(sessionStorage.getItem(DIRECTORY_KEY) ?? 'null') as Directory | null;
    return kept && typeof kept.workspaceId === 'string' && Array.isArray(kept.people) ? kept : undefined;
  } catch {
    return undefined;
  }
}

function fillPicker(picker: HTMLSelectElement, people: readonly DemoPerson[], preferred: string | null): void {
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name));
  picker.replaceChildren(
    ...sorted.map((person) => {
      const option = document.createElement('option');
      option.value = person.id;
      // Names are data: textContent, never markup.
      option.textContent = person.name;
      return option;
    }),
  );
  if (preferred !== null && people.some((person) => person.id === preferred)) picker.value = preferred;
}

function showServerDown(ui: SourceControls, api: string, error: unknown): void {
  // The page stays on the local data (the workspace keeps adapter="local"); the switch shows that.
  ui.source.value = 'local';
  const command = document.createElement('code');
  command.textContent = 'npm run server';
  const reason = error instanceof ServerUnreachable ? `No server answers at ${api}.` : `The server at ${api} answered: ${messageOf(error)}.`;
  showNotice(ui, [
    text(`${reason} Start it with `),
    command,
    text(' in the project folder, then reload this page. Meanwhile this page shows the data stored in this browser.'),
  ]);
}

function showNotice(ui: SourceControls, content: readonly Node[]): void {
  ui.notice.replaceChildren(...content);
  ui.notice.hidden = false;
}

function hideNotice(ui: SourceControls): void {
  ui.notice.hidden = true;
  ui.notice.replaceChildren();
}

function text(value: string): Text {
  return document.createTextNode(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
