/** Byte-order mark: without it Excel reads a UTF-8 CSV as the local code page and mangles umlauts. */
export const UTF8_BOM = '\uFEFF';

/**
 * How long the Blob URL of a download lives. The browser hands it to its download manager during the
 * click, but some (older Firefox) read it a moment later, so it is revoked after a short delay rather
 * than right after `click()`.
 */
export const REVOKE_AFTER_MS = 1000;

/**
 * Saves `text` as a file named `fileName` in the browser: a Blob URL clicked through a temporary
 * `<a download>` appended to `container` (a shadow root keeps it out of the host page's DOM), then
 * removed, the URL revoked after `revokeAfterMs`.
 */
export function downloadTextFile(container: Node, fileName: string, text: string, type: string, revokeAfterMs = REVOKE_AFTER_MS): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  container.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), revokeAfterMs);
  }
}
