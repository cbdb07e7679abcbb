// The one gate every link passes. An allowlist of schemes checked on the URL the browser itself would
// see (WHATWG parsing through `URL`), never a blocklist of strings: `JaVaScRiPt:`, `java\tscript:`,
// `&#106;avascript:` and friends either parse to a scheme that is not allowed or do not parse at all.

const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** C0 controls, DEL and C1 controls: browsers silently drop some of them from URLs, so we refuse them all. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** Written form of the allowed schemes: the source must say it, not leave it to base-URL resolution. */
const EXPLICIT_SCHEME = /^(?:https?:\/\/|mailto:)/i;

/**
 * The URL to put in an `href`, or `undefined` when it is not a plain http, https or mailto URL.
 * Leading and trailing spaces are ignored; control characters anywhere (tabs and newlines included),
 * relative URLs and every other scheme are refused. The result is the browser's normalised form.
 */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || CONTROL_CHARACTER.test(trimmed) || !EXPLICIT_SCHEME.test(trimmed)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return undefined;
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return undefined;
  if (parsed.protocol === 'mailto:' && parsed.pathname === '') return undefined;
  return parsed.href;
}
