const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for `innerHTML`: `& < > " '` become entities, so the parser yields exactly the
 * original characters as text. frappe-gantt writes task names with `innerHTML`; everything we hand
 * it passes through here.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}
