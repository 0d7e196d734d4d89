/**
 * One practice run as a pure state machine: start → (answer → next)* → finished. The run holds
 * thread ids and the trainee's answers only; scores are computed with scoreAnswer against the
 * procedure the page measures with, so a restored run (sessionStorage) is re-scored the same way.
 * Transitions that do not apply in the current phase (a second submit, "next" before answering)
 * return the session unchanged, so a double click can never skip or double-count a thread.
 */
import { CATEGORIES, type Category } from '../cases/events';
import { PRACTICE_DEFAULT_PROCEDURE, type PracticeProcedure } from './procedure';
import { scoreAnswer, scoreRun, type PracticeAnswer, type PracticeRunScore, type PracticeScore } from './score';
import type { PracticeThread } from './types';

export const PRACTICE_PHASES = ['answering', 'feedback', 'finished'] as const;
export type PracticePhase = (typeof PRACTICE_PHASES)[number];

export interface PracticeResult {
  threadId: string;
  answer: PracticeAnswer;
  score: PracticeScore;
}

export interface PracticeSession {
  /** The threads of the run, in the order they are worked through. */
  readonly threadIds: readonly string[];
  /** Index in threadIds of the thread on screen (stays on the last one when finished). */
  readonly index: number;
  readonly phase: PracticePhase;
  /** One per answered thread, in order. */
  readonly results: readonly PracticeResult[];
}

export interface PracticeProgress {
  /** 1-based number of the thread on screen. */
  current: number;
  total: number;
  answered: number;
}

/** A new run over `threads` (their order kept); finished at once when there is nothing to practise. */
export function startSession(threads: readonly Pick<PracticeThread, 'id'>[]): PracticeSession {
  const threadIds = threads.map((t) => t.id);
  return { threadIds, index: 0, phase: threadIds.length === 0 ? 'finished' : 'answering', results: [] };
}

/** The thread on screen, looked up in `threads` by id; undefined when the run has none. */
export function currentThread<T extends Pick<PracticeThread, 'id'>>(session: PracticeSession, threads: readonly T[]): T | undefined {
  const id = session.threadIds[session.index];
  return id === undefined ? undefined : threads.find((t) => t.id === id);
}

/** The result of the thread on screen, once answered. */
export function currentResult(session: PracticeSession): PracticeResult | undefined {
  const id = session.threadIds[session.index];
  return session.results.find((r) => r.threadId === id);
}

/**
 * Records the answer for the thread on screen and scores it against `procedure`. Only while
 * answering, and only for the thread on screen (`thread.id` must match).
 */
export function answerCurrent(
  session: PracticeSession,
  thread: PracticeThread,
  answer: PracticeAnswer,
  procedure: PracticeProcedure = PRACTICE_DEFAULT_PROCEDURE,
): PracticeSession {
  if (session.phase !== 'answering' || session.threadIds[session.index] !== thread.id) return session;
  const score = scoreAnswer(thread, answer, procedure);
  return { ...session, phase: 'feedback', results: [...session.results, { threadId: thread.id, answer: { ...answer }, score }] };
}

/** From the feedback to the next thread; after the last thread the run is finished. */
export function nextThread(session: PracticeSession): PracticeSession {
  if (session.phase !== 'feedback') return session;
  if (session.index + 1 >= session.threadIds.length) return { ...session, phase: 'finished' };
  return { ...session, index: session.index + 1, phase: 'answering' };
}

/** Ends the run now (the threads not answered are left out of the score). */
export function finishSession(session: PracticeSession): PracticeSession {
  return session.phase === 'finished' ? session : { ...session, phase: 'finished' };
}

export function sessionProgress(session: PracticeSession): PracticeProgress {
  const total = session.threadIds.length;
  return { current: total === 0 ? 0 : Math.min(session.index + 1, total), total, answered: session.results.length };
}

/** The run's score from the answers so far (scoreRun). */
export function sessionScore(session: PracticeSession): PracticeRunScore {
  return scoreRun(session.results.map((r) => r.score));
}

/** What is kept between reloads of the page: ids, position and answers (no scores, no text). */
interface StoredSession {
  v: 1;
  threadIds: string[];
  index: number;
  phase: PracticePhase;
  answers: Array<{ threadId: string; answer: PracticeAnswer }>;
}

export function serializeSession(session: PracticeSession): string {
  const stored: StoredSession = {
    v: 1,
    threadIds: [...session.threadIds],
    index: session.index,
    phase: session.phase,
    answers: session.results.map((r) => ({ threadId: r.threadId, answer: r.answer })),
  };
  return JSON.stringify(stored);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readAnswer(value: unknown): PracticeAnswer | undefined {
  if (!isRecord(value)) return undefined;
  const { category, escalate, templateStage } = value;
  if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category)) return undefined;
  if (typeof escalate !== 'boolean' || typeof templateStage !== 'string') return undefined;
  return { category: category as Category, escalate, templateStage };
}

/**
 * Rebuilds a stored run against today's `threads` and `procedure`, re-scoring every answer.
 * Anything that does not fit (unknown thread, answers out of order, a bad phase) gives undefined,
 * and the page starts afresh.
 */
export function restoreSession(
  json: string | null | undefined,
  threads: readonly PracticeThread[],
  procedure: PracticeProcedure = PRACTICE_DEFAULT_PROCEDURE,
): PracticeSession | undefined {
  if (!json) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || raw.v !== 1) return undefined;
  const { index, phase, answers } = raw;
  const threadIds: unknown[] = Array.isArray(raw.threadIds) ? raw.threadIds : [];
  if (threadIds.length === 0 || !Array.isArray(answers)) return undefined;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= threadIds.length) return undefined;
  if (typeof phase !== 'string' || !(PRACTICE_PHASES as readonly string[]).includes(phase)) return undefined;
  const byId = new Map(threads.map((t) => [t.id, t]));
  if (!threadIds.every((id) => typeof id === 'string' && byId.has(id)) || new Set(threadIds).size !== threadIds.length) return undefined;
  const results: PracticeResult[] = [];
  for (const [i, entry] of answers.entries()) {
    if (!isRecord(entry) || entry.threadId !== threadIds[i]) return undefined;
    const thread = typeof entry.threadId === 'string' ? byId.get(entry.threadId) : undefined;
    const answer = readAnswer(entry.answer);
    if (!thread || !answer) return undefined;
    results.push({ threadId: thread.id, answer, score: scoreAnswer(thread, answer, procedure) });
  }
  // The answers must agree with the position: the thread on screen is answered exactly in feedback.
  const answeredHere = results.length === index + 1;
  const consistent =
    phase === 'answering' ? results.length === index : phase === 'feedback' ? answeredHere : answeredHere || results.length === index;
  if (!consistent) return undefined;
  return { threadIds: threadIds as string[], index, phase: phase as PracticePhase, results };
}
