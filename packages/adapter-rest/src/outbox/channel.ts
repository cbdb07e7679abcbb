import { Subject, type Observable } from 'rxjs';
import type { OutboxState } from './outbox-state.js';
import type { SerializedResult } from './entry.js';
import { outboxChannelName } from './namespace.js';

/** What the tabs of one namespace tell each other (the envelope `v` and `ns` is added on posting). */
export type OutboxMessage =
  /** A tab recorded these mutations: counts change, the leader should look. */
  | { readonly type: 'queued'; readonly ids: readonly string[] }
  /** Send now (a follower pushed, came online, or renewed its sign-in: `resumeAuth`). */
  | { readonly type: 'kick'; readonly resumeAuth?: boolean; readonly hurry?: boolean }
  /** The leader settled a mutation. */
  | { readonly type: 'settled'; readonly mutationId: string; readonly result: SerializedResult }
  /** This namespace was wiped (sign-out): stop, drop everything. */
  | { readonly type: 'signed-out' }
  /** The leader's sending state, so followers can tell their callers to wait (no fixed-time polling). */
  | { readonly type: 'status'; readonly sending: OutboxState['sending']; readonly retryAt?: number; readonly waiting?: readonly string[] }
  /** Fallback elector: the leader is alive. */
  | { readonly type: 'heartbeat'; readonly tabId: string; readonly at: number }
  /** Fallback elector: a tab asks who leads (the leader answers with a heartbeat at once). */
  | { readonly type: 'hello'; readonly tabId: string }
  /** Fallback elector: the leader steps down (closed, wiped), so another may lead without waiting. */
  | { readonly type: 'resign'; readonly tabId: string };

/** Messages above this size are not ours (nothing we post comes close) and are dropped unread. */
const MAX_MESSAGE_CHARS = 64 * 1024;

const SENDING = new Set(['idle', 'sending', 'waiting', 'paused-auth', 'other-tab']);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isOptionalNumber = (value: unknown): boolean => value === undefined || (typeof value === 'number' && Number.isFinite(value));

function isResult(value: unknown, mutationId: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as { mutationId?: unknown; status?: unknown; error?: { code?: unknown; message?: unknown } };
  if (result.mutationId !== mutationId) return false;
  if (result.status === 'rejected') return typeof result.error === 'object' && result.error !== null && isString(result.error.code) && isString(result.error.message);
  return result.status === 'applied' || result.status === 'duplicate' || result.status === 'conflict';
}

/**
 * Reads a message any same-origin script may have posted: only a well-formed message of this version
 * and namespace is believed; anything else is ignored (returns undefined).
 */
export function parseOutboxMessage(data: unknown, namespace: string): OutboxMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message['v'] !== 1 || message['ns'] !== namespace) return undefined;
  try {
    if (JSON.stringify(data).length > MAX_MESSAGE_CHARS) return undefined;
  } catch {
    return undefined;
  }
  const ok = (() => {
    switch (message['type']) {
      case 'queued':
        return isStringList(message['ids']);
      case 'kick':
        return (message['resumeAuth'] === undefined || typeof message['resumeAuth'] === 'boolean') && (message['hurry'] === undefined || typeof message['hurry'] === 'boolean');
      case 'settled':
        return isString(message['mutationId']) && isResult(message['result'], message['mutationId']);
      case 'signed-out':
        return true;
      case 'status':
        return SENDING.has(message['sending'] as string) && isOptionalNumber(message['retryAt']) && (message['waiting'] === undefined || isStringList(message['waiting']));
      case 'heartbeat':
        return isString(message['tabId']) && typeof message['at'] === 'number';
      case 'hello':
      case 'resign':
        return isString(message['tabId']);
      default:
        return false;
    }
  })();
  if (!ok) return undefined;
  const { v: _v, ns: _ns, ...body } = message;
  return body as unknown as OutboxMessage;
}

/**
 * The namespace's BroadcastChannel with typed, validated messages. A channel never hears its own
 * posts, but does hear other channels of the same name in the same page (two outboxes in one tab
 * behave like two tabs). Without BroadcastChannel it is silent: the outbox then works for this tab.
 */
export class OutboxChannel {
  private readonly incoming = new Subject<OutboxMessage>();
  private readonly channel: BroadcastChannel | undefined;
  /** Every valid message from other tabs of the namespace. */
  readonly messages$: Observable<OutboxMessage> = this.incoming.asObservable();

  constructor(readonly namespace: string) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(outboxChannelName(namespace));
    if (this.channel !== undefined) {
      this.channel.onmessage = (event: MessageEvent) => {
        const message = parseOutboxMessage(event.data, namespace);
        if (message !== undefined) this.incoming.next(message);
      };
    }
  }

  post(message: OutboxMessage): void {
    try {
      this.channel?.postMessage({ v: 1, ns: this.namespace, ...message });
    } catch {
      // Closed already (the tab is going away): nobody left to tell from here.
    }
  }

  close(): void {
    this.channel?.close();
    this.incoming.complete();
  }
}
