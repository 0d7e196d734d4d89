/**
 * The practice mailbox served to Chromium at the hosts' real URLs: pages per host and thread,
 * and the router that answers them.
 */
import { readFileSync } from 'node:fs';
import { GMAIL_HEADERS, type MailRouter } from '../../tests/e2e/support/launch-browser';

export interface DemoStop {
  host: 'gmail' | 'outlook';
  name: string;
  url: string;
}

export interface DemoMailbox {
  router: MailRouter;
  entryPages: DemoStop[];
  stops: DemoStop[];
}

export function demoMailbox(_now: Date): DemoMailbox {
  const gmail = readFileSync('tests/fixtures/gmail/2025-message-view.html', 'utf8');
  const outlook = readFileSync('tests/fixtures/outlook/2025-reading-pane-with-actions.html', 'utf8');
  const router: MailRouter = (url) => {
    if (url.hostname === 'mail.google.com') return { body: gmail, headers: GMAIL_HEADERS };
    return { body: outlook };
  };
  const stops: DemoStop[] = [
    { host: 'gmail', name: 'gmail-message', url: 'https://mail.google.com/mail/u/0/#inbox/demo' },
    { host: 'outlook', name: 'outlook-reading-pane', url: 'https://outlook.office.com/mail/inbox/id/demo' },
  ];
  return { router, entryPages: stops, stops };
}
