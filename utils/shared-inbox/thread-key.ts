/**
 * The key a conversation goes by among the agents of one shared inbox. Every agent working the
 * same mailbox sees the same thread id, so HMAC-SHA-256 of the local case id under the TEAM's
 * salt (written once by the setup script into the team database's profile) gives all of them
 * the same key, while the server, or anyone without the salt, can neither recover nor confirm
 * the thread id. Owners, notes and presence travel under this key only: never a thread id,
 * subject or address.
 *
 * Without a team (sync off) the install's own salt stands in: the records stay local, and are
 * keyed again when the team's salt arrives (rekeyOwnThreads in utils/db/shared-inbox.ts).
 */
import { hmacSha256, toHex, utf8 } from '../cases/sha256';

/** Domain separation: a team key never equals a case key (utils/cases/case-id.ts) under the same salt. */
const CONTEXT = 'caseline-thread\u0000';

export function threadKeyFor(caseId: string, salt: string): string {
  if (salt === '') throw new Error('A thread key needs a salt.');
  return toHex(hmacSha256(utf8(salt), utf8(CONTEXT + caseId)));
}

/** 64 lower-case hex digits: the only shape a thread key has. */
export function isThreadKey(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
