/**
 * Strings of the extension pages (onboarding, options) through browser.i18n, with the English
 * text as the fallback when a key is missing or the API is absent. `$1`… are substitutions.
 */
import { browser } from 'wxt/browser';

export function t(key: string, fallback: string, substitutions?: string | number | Array<string | number>): string {
  const subs = substitutions === undefined ? [] : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  let text = '';
  try {
    text = browser.i18n.getMessage(key as never, subs as never);
  } catch {
    text = '';
  }
  if (text) return text;
  return fallback.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** The UI language browser.i18n picked ('en' when unknown). */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
