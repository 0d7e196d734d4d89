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
