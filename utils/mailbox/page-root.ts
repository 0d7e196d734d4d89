/** Small DOM access shared by the host adapters. */

export type PageRoot = Document | Element;

export function documentOf(root: PageRoot): Document {
  return root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
}

/** Counts every named selector under root. */
export function countSelectors<Name extends string>(
  root: PageRoot,
  selectors: Record<Name, string>,
  names: readonly Name[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = root.querySelectorAll(selectors[name]).length;
  return counts;
}

/** The page language, e.g. "de" from <html lang="de">. */
export function pageLocale(root: PageRoot): string | undefined {
  const lang = documentOf(root).documentElement?.getAttribute('lang');
  return lang || undefined;
}

/** Clicks an element the way a user would (pointer and mouse events, then click). */
export function clickLikeUser(el: Element): void {
  const view = el.ownerDocument.defaultView;
  const init = { bubbles: true, cancelable: true, composed: true };
  const MouseEventCtor = view?.MouseEvent ?? MouseEvent;
  for (const type of ['mousedown', 'mouseup']) el.dispatchEvent(new MouseEventCtor(type, init));
  (el as HTMLElement).click();
}

/** Caseline's own elements placed in the host page (list chips, the sidebar host): never read as mail. */
export function isOwnElement(el: Element): boolean {
  return el.tagName.startsWith('CASELINE-');
}

/** The elements of a document-ordered list that are not inside another element of the list. */
export function outermost<E extends Element>(elements: readonly E[]): E[] {
  const out: E[] = [];
  let last: E | undefined;
  for (const el of elements) {
    if (last && last.contains(el)) continue;
    out.push(el);
    last = el;
  }
  return out;
}

/** True when the element or an ancestor up to `stop` is hidden by an inline display:none (hosts keep old views that way). */
export function hiddenInline(el: Element, stop: Element | null): boolean {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    const style = node.getAttribute('style');
    if (style && /display\s*:\s*none/i.test(style)) return true;
  }
  return false;
}

/** Elements in document order, with duplicates (the same element found twice) dropped. */
export function uniqueInOrder<E extends Element>(elements: readonly E[]): E[] {
  const seen = new Set<E>();
  const out: E[] = [];
  for (const el of elements) {
    if (seen.has(el)) continue;
    seen.add(el);
    out.push(el);
  }
  return out.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** The element or its nearest ancestor matching `selector`, looking no higher than `stop`. */
export function closestWithin(el: Element, selector: string, stop: Element): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.matches(selector)) return node;
    if (node === stop) return null;
  }
  return null;
}

/** True when the element, or an ancestor below `stop`, is one of `marked`. */
export function withinAny(el: Element, marked: ReadonlySet<Element>, stop: Element): boolean {
  if (marked.size === 0) return false;
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) if (marked.has(node)) return true;
  return marked.has(stop);
}

/** The element itself (when it matches) and its matching descendants, in page order. */
export function selfAndBelow(scope: Element, selector: string): Element[] {
  const below = Array.from(scope.querySelectorAll(selector));
  return scope.matches(selector) ? [scope, ...below] : below;
}

/**
 * What comes before `inner` inside `unit`: the earlier siblings of `inner` and of each of its
 * ancestors up to `unit`, in page order. A message's header sits there, before its body; searching
 * only there keeps the (long, sender-written) body out of header lookups.
 */
export function partsBefore(unit: Element, inner: Element | null | undefined): Element[] {
  if (!inner || inner === unit || !unit.contains(inner)) return [unit];
  const levels: Element[][] = [];
  for (let el: Element = inner; el !== unit && el.parentElement; el = el.parentElement) {
    const level: Element[] = [];
    for (let sibling = el.previousElementSibling; sibling; sibling = sibling.previousElementSibling) level.unshift(sibling);
    levels.unshift(level);
  }
  return levels.flat();
}
