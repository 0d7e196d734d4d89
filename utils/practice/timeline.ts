/**
 * Real times for a sample thread: every message's `minutesAgo` counted back from one `now`, so
 * the demo pages, the tour and the practice page built from the same `now` show the same times.
 */
import type { PracticeThread } from './types';

export interface PracticeMessageTime {
  messageId: string;
  /** ISO instant. */
  sentAt: string;
}

const MINUTE_MS = 60_000;

/** Each message's ISO send time, in the thread's order. Throws RangeError for an invalid `now`. */
export function threadTimes(thread: PracticeThread, now: Date): PracticeMessageTime[] {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('threadTimes: `now` is not a valid date');
  return thread.messages.map((message) => ({
    messageId: message.id,
    sentAt: new Date(nowMs - message.minutesAgo * MINUTE_MS).toISOString(),
  }));
}
