/**
 * The practice mailbox served to Chromium at the hosts' real URLs: the sample threads of
 * utils/practice rendered into Gmail and Outlook markup by the same builders as the test
 * fixtures (built around real saved fragments), and the router that answers each address.
 *
 * Addresses: Gmail `https://mail.google.com/mail/u/0/?th=<id>#inbox/<id>` opens a thread (the
 * query reaches the "server"; real Gmail links also accept ?th=) and `/mail/u/0/#inbox` the list;
 * Outlook `https://outlook.office.com/mail/inbox/id/<id>` opens a conversation, `/mail/inbox` the list.
 */
import { buildGmailPage } from '../../tests/fixtures/build/gmail-page';
import { buildOutlookPage } from '../../tests/fixtures/build/outlook-page';
import type { FixtureThread } from '../../tests/fixtures/build/thread-data';
import { GMAIL_HEADERS, type MailRouter } from '../../tests/e2e/support/launch-browser';
import { PRACTICE_AGENT, SAMPLE_THREADS, renderThread, type PracticeThread } from '../../utils/practice';

export interface DemoStop {
  host: 'gmail' | 'outlook';
  name: string;
  url: string;
  /** The sample thread shown, when the stop is a thread. */
  thread?: PracticeThread;
  /** The id the page gives the thread. */
  threadId?: string;
}

export interface DemoMailbox {
  router: MailRouter;
  /** Pages opened first in a window: both inboxes. */
  entryPages: DemoStop[];
  /** Every thread, then both lists. */
  stops: DemoStop[];
  timeZone: string;
  now: Date;
}

/** A 16-digit hex id, as Gmail's legacy thread and message ids look. */
export function hexId(seed: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < seed.length; i++) {
    a = Math.imul(a ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ seed.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  return `1${(a >>> 4).toString(16).padStart(7, '0')}${b.toString(16).padStart(8, '0')}`.slice(0, 16);
}

/** An Outlook-like conversation id. */
export function convId(seed: string): string {
  return `AQQkADAwATNiZmYAZC1k${hexId(seed)}AAQAA${hexId(`${seed}/c`)}`;
}

function toFixture(thread: PracticeThread, now: Date, timeZone: string, id: string): FixtureThread {
  const rendered = renderThread(thread, now, { timeZone });
  return {
    id,
    subject: thread.subject,
    unread: thread.messages[thread.messages.length - 1]?.direction === 'inbound',
    messages: rendered.messages.map((m) => ({
      id: thread.host === 'gmail' ? hexId(`${thread.id}/${m.id}`) : `${id}-${m.id}`,
      from: { name: m.from.name, email: m.from.email },
      sentAt: m.sentAt,
      text: m.text,
      // The practice threads are shown whole, as with the hosts' "expand all messages".
      collapsed: false,
    })),
  };
}

export function demoMailbox(now: Date, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): DemoMailbox {
  const gmailThreads = SAMPLE_THREADS.filter((t) => t.host === 'gmail').map((t) => ({ practice: t, fixture: toFixture(t, now, timeZone, hexId(t.id)) }));
  const outlookThreads = SAMPLE_THREADS.filter((t) => t.host === 'outlook').map((t) => ({ practice: t, fixture: toFixture(t, now, timeZone, convId(t.id)) }));
  const account = { name: PRACTICE_AGENT.name, email: PRACTICE_AGENT.email };
  const nowIso = now.toISOString();

  const router: MailRouter = (url) => {
    if (url.hostname === 'mail.google.com') {
      const th = url.searchParams.get('th') ?? undefined;
      const open = th && gmailThreads.some((t) => t.fixture.id === th) ? th : undefined;
      const body = buildGmailPage({ account, threads: gmailThreads.map((t) => t.fixture), ...(open ? { openThreadId: open, replyOpen: true } : {}), timeZone, now: nowIso });
      return { body, headers: GMAIL_HEADERS };
    }
    const match = /\/id\/([^/?#]+)/.exec(url.pathname);
    const open = match && outlookThreads.some((t) => t.fixture.id === decodeURIComponent(match[1]!)) ? decodeURIComponent(match[1]!) : undefined;
    const host = url.hostname as 'outlook.office.com';
    const body = buildOutlookPage({ host, account, threads: outlookThreads.map((t) => t.fixture), ...(open ? { openThreadId: open, replyOpen: true } : {}), timeZone, lang: 'en', now: nowIso });
    return { body };
  };

  const stops: DemoStop[] = [
    ...gmailThreads.map(({ practice, fixture }) => ({
      host: 'gmail' as const,
      name: `gmail-${practice.id}`,
      url: `https://mail.google.com/mail/u/0/?th=${fixture.id}#inbox/${fixture.id}`,
      thread: practice,
      threadId: fixture.id,
    })),
    ...outlookThreads.map(({ practice, fixture }) => ({
      host: 'outlook' as const,
      name: `outlook-${practice.id}`,
      url: `https://outlook.office.com/mail/inbox/id/${encodeURIComponent(fixture.id)}`,
      thread: practice,
      threadId: fixture.id,
    })),
  ];
  const entryPages: DemoStop[] = [
    { host: 'gmail', name: 'gmail-inbox', url: 'https://mail.google.com/mail/u/0/#inbox' },
    { host: 'outlook', name: 'outlook-inbox', url: 'https://outlook.office.com/mail/inbox' },
  ];
  return { router, entryPages, stops: [...stops, ...entryPages], timeZone, now };
}
