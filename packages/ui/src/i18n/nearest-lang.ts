/**
 * The language an element is in: the nearest non-empty `lang` attribute on it or an ancestor,
 * crossing shadow roots to their hosts (as HTML's own language inheritance does), then the browser's
 * language. An embedded widget thus follows its portal page, or a `lang` set on one `<cwm-workspace>`.
 */
export function nearestLang(element: Element): string {
  let node: Element | null = element;
  while (node !== null) {
    const lang = node.getAttribute('lang');
    if (lang !== null && lang.trim() !== '') return lang.trim();
    node = parentAcrossShadow(node);
  }
  const pageLang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  if (pageLang.trim() !== '') return pageLang.trim();
  return typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';
}

function parentAcrossShadow(node: Element): Element | null {
  if (node.parentElement !== null) return node.parentElement;
  const parent = node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : null;
}
