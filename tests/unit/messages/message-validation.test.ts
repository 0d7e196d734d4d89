import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { isMailOrigin, senderAllowed, TeamPortMessageSchema, validatePayload } from '../../../utils/messages';

const OWN_ID = 'egkhnbhmgaollkeonbdbajkifpikgnch';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;

describe('senderAllowed', () => {
  const content = { extensionId: OWN_ID, url: 'https://mail.google.com/mail/u/0/#inbox', fromTab: true };
  const page = { extensionId: OWN_ID, url: `${OWN_ORIGIN}options.html`, fromTab: false };

  it('lets our content scripts on mailbox hosts send content messages', () => {
    expect(senderAllowed('content', content, OWN_ID, OWN_ORIGIN)).toBe(true);
    for (const origin of ['https://outlook.live.com', 'https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.cloud.microsoft']) {
      expect(senderAllowed('content', { ...content, url: `${origin}/mail/` }, OWN_ID, OWN_ORIGIN)).toBe(true);
    }
  });
  it('refuses content messages from other sites, other extensions and extension pages', () => {
    expect(senderAllowed('content', { ...content, url: 'https://evil.example/mail.google.com' }, OWN_ID, OWN_ORIGIN)).toBe(false);
    expect(senderAllowed('content', { ...content, url: 'https://mail.google.com.evil.example/' }, OWN_ID, OWN_ORIGIN)).toBe(false);
    expect(senderAllowed('content', { ...content, extensionId: 'someoneelse' }, OWN_ID, OWN_ORIGIN)).toBe(false);
    expect(senderAllowed('content', page, OWN_ID, OWN_ORIGIN)).toBe(false);
  });
  it('lets only our own pages send page messages', () => {
    expect(senderAllowed('page', page, OWN_ID, OWN_ORIGIN)).toBe(true);
    expect(senderAllowed('page', content, OWN_ID, OWN_ORIGIN)).toBe(false);
    expect(senderAllowed('page', { ...page, url: 'chrome-extension://other/options.html' }, OWN_ID, OWN_ORIGIN)).toBe(false);
    expect(senderAllowed('any', page, OWN_ID, OWN_ORIGIN)).toBe(true);
    expect(senderAllowed('any', content, OWN_ID, OWN_ORIGIN)).toBe(true);
  });
  it('knows exactly the five mailbox origins', () => {
    expect(isMailOrigin('https://mail.google.com/x')).toBe(true);
    expect(isMailOrigin('http://mail.google.com/x')).toBe(false);
    expect(isMailOrigin('not a url')).toBe(false);
    expect(isMailOrigin(undefined)).toBe(false);
  });
});

describe('validatePayload', () => {
  const snapshot = {
    host: 'gmail',
    threadId: '18c2f0a1b2c3d4e5',
    subject: 'Where is my order?',
    messages: [{ from: { name: 'Ana', email: 'ana@example.com' }, sentAt: '2026-11-20T09:30:00.000Z', direction: 'inbound', text: 'Hello', collapsed: false }],
  };
  it('accepts a well-formed snapshot', () => {
    const r = validatePayload('snapshot', snapshot);
    expect(r.ok).toBe(true);
  });
  it('refuses malformed snapshots naming the field', () => {
    const bad = validatePayload('snapshot', { ...snapshot, host: 'yahoo' });
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.error).toContain('host');
    const badTime = validatePayload('snapshot', { ...snapshot, messages: [{ ...snapshot.messages[0], sentAt: 'yesterday' }] });
    expect(!badTime.ok && badTime.error).toContain('messages.0.sentAt');
    expect(validatePayload('snapshot', null).ok).toBe(false);
    expect(validatePayload('snapshot', { ...snapshot, threadId: '' }).ok).toBe(false);
  });
});

describe('shared inbox messages', () => {
  it('take ownership commands of known shapes only, naming teammates by user name', () => {
    expect(validatePayload('ownership', { caseId: 'gmail:1a2b', command: { type: 'claim' } }).ok).toBe(true);
    expect(validatePayload('ownership', { caseId: 'gmail:1a2b', command: { type: 'handOn', to: 'bob' } }).ok).toBe(true);
    expect(validatePayload('ownership', { caseId: 'gmail:1a2b', command: { type: 'assign', to: null } }).ok).toBe(true);
    expect(validatePayload('ownership', { caseId: 'gmail:1a2b', command: { type: 'assign', to: 'a:b' } }).ok).toBe(false);
    expect(validatePayload('ownership', { caseId: 'gmail:1a2b', command: { type: 'steal' } }).ok).toBe(false);
    expect(validatePayload('ownership', { caseId: 'gmail:1a2b', command: { type: 'claim', extra: 1 } }).ok).toBe(false);
  });

  it('limit notes and mention lists', () => {
    expect(validatePayload('addNote', { caseId: 'gmail:1a2b', text: 'Called back' }).ok).toBe(true);
    expect(validatePayload('addNote', { caseId: 'gmail:1a2b', text: 'x'.repeat(4001) }).ok).toBe(false);
    expect(validatePayload('mentionsSeen', { ids: Array.from({ length: 201 }, (_, i) => `n${i}`) }).ok).toBe(false);
  });

  it('the team port takes only the tab reports it knows', () => {
    const ok = (m: unknown) => v.safeParse(TeamPortMessageSchema, m).success;
    expect(ok({ type: 'thread', caseId: 'gmail:1a2b' })).toBe(true);
    expect(ok({ type: 'thread', caseId: null })).toBe(true);
    expect(ok({ type: 'typing' })).toBe(true);
    expect(ok({ type: 'typing', text: 'Dear customer' })).toBe(false);
    expect(ok({ type: 'presence', threads: {} })).toBe(false);
  });
});
