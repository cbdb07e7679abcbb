/** How long the object URL outlives the click: some browsers read it asynchronously after `click()`. */
const REVOKE_DELAY_MS = 1_000;

/**
 * Saves a blob as a file through a temporary `<a download>`; the object URL is revoked shortly
 * after, so repeated exports do not pile up memory. Must run inside a user gesture in most browsers.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  // Firefox only follows a click on an anchor that is in the document.
  document.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}
