/** Picks the host adapter for a page address (mail.google.com or one of Outlook's four hosts). */
import { gmailAdapter, GMAIL_HOSTS } from './gmail';
import { outlookAdapter, OUTLOOK_HOSTS } from './outlook';
import type { MailboxAdapter } from './types';

export function adapterForUrl(url: string): MailboxAdapter | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  if ((GMAIL_HOSTS as readonly string[]).includes(host)) return gmailAdapter;
  if ((OUTLOOK_HOSTS as readonly string[]).includes(host)) return outlookAdapter;
  return undefined;
}
