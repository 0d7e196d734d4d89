/**
 * Case identity. Locally a case is named after its mailbox thread ("gmail:<threadId>"); anything
 * that leaves the machine uses a salted hash of that name instead, so a thread id never syncs.
 */
import type { MailHost } from './mail-thread';
import { hmacSha256, toHex, utf8 } from './sha256';

const HOSTS: readonly MailHost[] = ['gmail', 'outlook'];

/** The local case id of a mailbox thread, e.g. "gmail:18c2f0a9b3". */
export function caseIdFor(host: MailHost, threadId: string): string {
  const trimmed = threadId.trim();
  if (trimmed === '') throw new Error('A case needs a thread id.');
  return `${host}:${trimmed}`;
}

/** The host and thread id inside a case id, or null when it is not one of ours. */
export function parseCaseId(caseId: string): { host: MailHost; threadId: string } | null {
  const colon = caseId.indexOf(':');
  if (colon < 0) return null;
  const host = caseId.slice(0, colon) as MailHost;
  const threadId = caseId.slice(colon + 1);
  if (!HOSTS.includes(host) || threadId === '') return null;
  return { host, threadId };
}

/**
 * The key a case goes by in sync: HMAC-SHA-256 of the case id under the install's salt, hex,
 * 64 characters. Deterministic for one salt, so the same case always maps to the same documents;
 * without the salt the thread id cannot be recovered or confirmed by guessing.
 */
export function syncCaseKey(caseId: string, salt: string): string {
  if (salt === '') throw new Error('A sync key needs a salt.');
  return toHex(hmacSha256(utf8(salt), utf8(caseId)));
}

/** A fresh random salt (32 bytes, hex) for an install; kept in the database's meta store. */
export function newSyncSalt(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return toHex(bytes);
}
