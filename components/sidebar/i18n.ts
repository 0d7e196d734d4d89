/**
 * Strings of the sidebar through browser.i18n (English and Spanish in public/_locales), with the
 * English text as the fallback when a key is missing or the API is absent (unit tests).
 */
import { browser } from 'wxt/browser';

export function t(key: string, fallback: string, substitutions?: string | string[]): string {
  let text = '';
  try {
    text = browser.i18n.getMessage(key as never, substitutions as never);
  } catch {
    text = '';
  }
  if (text) return text;
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return fallback.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}
