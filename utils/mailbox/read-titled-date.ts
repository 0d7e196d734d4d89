/**
 * Mail pages print a short date ("3:14 PM", "Aug 20") and keep the full one in a title (Gmail's
 * `title`/`alt`, Outlook's `title`). Which element holds it changes with layouts; that it is a title
 * that reads as a date does not. So: the titled elements of a place whose title parses as a date.
 */
import { isOwnElement, selfAndBelow } from './page-root';
import { parseMailDate, type DateReadingOptions } from './parse-mail-date';

export interface TitledDate {
  el: Element;
  /** ISO instant. */
  at: string;
}

/** True for a title that could hold a time of day: parseMailDate needs one, so others are skipped cheaply. */
const HAS_TIME = /\d{1,2}:\d{2}/;

function dateOf(el: Element, options: DateReadingOptions): string | undefined {
  for (const name of ['title', 'alt', 'datetime'] as const) {
    const value = el.getAttribute(name);
    if (!value) continue;
    if (name === 'datetime') {
      const at = Date.parse(value);
      if (!Number.isNaN(at) && /T\d{2}:\d{2}/.test(value)) return new Date(at).toISOString();
      continue;
    }
    if (!HAS_TIME.test(value)) continue;
    const at = parseMailDate(value, options);
    if (at) return at;
  }
  return undefined;
}

/**
 * The first (or last) element under the scopes whose title, alt or datetime reads as a date with a
 * time; `skip` leaves out places that are never the date (message bodies, recipients).
 */
export function findTitledDate(
  scopes: readonly Element[],
  selector: string,
  options: DateReadingOptions,
  skip: (el: Element) => boolean,
  pick: 'first' | 'last' = 'first',
): TitledDate | undefined {
  let found: TitledDate | undefined;
  for (const scope of scopes) {
    for (const el of selfAndBelow(scope, selector)) {
      if (isOwnElement(el) || skip(el)) continue;
      const at = dateOf(el, options);
      if (!at) continue;
      found = { el, at };
      if (pick === 'first') return found;
    }
  }
  return found;
}
