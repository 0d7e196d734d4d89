import { describe, expect, it } from 'vitest';
import type { Category } from '../../../utils/cases/events';
import {
  answerCurrent,
  currentResult,
  currentThread,
  finishSession,
  nextThread,
  restoreSession,
  serializeSession,
  sessionProgress,
  sessionScore,
  startSession,
  type PracticeSession,
} from '../../../utils/practice/practice-session';
import { PRACTICE_DEFAULT_PROCEDURE } from '../../../utils/practice/procedure';
import { SAMPLE_THREADS } from '../../../utils/practice/sample-threads';
import type { PracticeAnswer } from '../../../utils/practice/score';
import type { PracticeThread } from '../../../utils/practice/types';
import { presetById } from '../../../utils/sla/presets';

const right = (t: PracticeThread): PracticeAnswer => ({ category: t.expected.category, escalate: t.expected.escalate, templateStage: t.expected.bestTemplateStage });
const otherCategory = (c: Category): Category => (c === 'inquiry' ? 'complaint' : 'inquiry');
const allWrong = (t: PracticeThread): PracticeAnswer => ({
  category: otherCategory(t.expected.category),
  escalate: !t.expected.escalate,
  templateStage: t.expected.bestTemplateStage === 'greeting' ? 'closing' : 'greeting',
});

function thread(session: PracticeSession): PracticeThread {
  const t = currentThread(session, SAMPLE_THREADS);
  if (!t) throw new Error('no current thread');
  return t;
}

/** Answers every thread with `answerFor` and goes on until the run is finished. */
function runThrough(answerFor: (t: PracticeThread) => PracticeAnswer): PracticeSession {
  let s = startSession(SAMPLE_THREADS);
  while (s.phase !== 'finished') {
    s = answerCurrent(s, thread(s), answerFor(thread(s)));
    s = nextThread(s);
  }
  return s;
}

describe('practice session', () => {
  it('starts on the first thread, answering, with nothing scored', () => {
    const s = startSession(SAMPLE_THREADS);
    expect(s.phase).toBe('answering');
    expect(s.index).toBe(0);
    expect(s.threadIds).toEqual(SAMPLE_THREADS.map((t) => t.id));
    expect(currentThread(s, SAMPLE_THREADS)?.id).toBe(SAMPLE_THREADS[0]?.id);
    expect(sessionProgress(s)).toEqual({ current: 1, total: SAMPLE_THREADS.length, answered: 0 });
    expect(currentResult(s)).toBeUndefined();
  });

  it('an empty run is finished at once', () => {
    const s = startSession([]);
    expect(s.phase).toBe('finished');
    expect(sessionProgress(s)).toEqual({ current: 0, total: 0, answered: 0 });
    expect(sessionScore(s).percent).toBe(0);
  });

  it('answer scores the thread on screen and shows feedback; next moves on', () => {
    const s0 = startSession(SAMPLE_THREADS);
    const first = thread(s0);
    const s1 = answerCurrent(s0, first, right(first));
    expect(s1.phase).toBe('feedback');
    expect(s1.index).toBe(0);
    expect(currentResult(s1)?.score.points).toBe(3);
    expect(currentResult(s1)?.answer).toEqual(right(first));
    expect(sessionProgress(s1)).toEqual({ current: 1, total: SAMPLE_THREADS.length, answered: 1 });
    const s2 = nextThread(s1);
    expect(s2.phase).toBe('answering');
    expect(s2.index).toBe(1);
    expect(sessionProgress(s2).current).toBe(2);
    // The original states are not changed.
    expect(s0.results).toHaveLength(0);
    expect(s1.index).toBe(0);
  });

  it('ignores a second answer, an answer for another thread and next before answering', () => {
    const s0 = startSession(SAMPLE_THREADS);
    expect(nextThread(s0)).toBe(s0);
    const other = SAMPLE_THREADS[1];
    if (!other) throw new Error('need two threads');
    expect(answerCurrent(s0, other, right(other))).toBe(s0);
    const s1 = answerCurrent(s0, thread(s0), right(thread(s0)));
    expect(answerCurrent(s1, thread(s1), allWrong(thread(s1)))).toBe(s1);
    expect(s1.results).toHaveLength(1);
  });

  it('a run answered right everywhere scores 100 % and grade ready', () => {
    const s = runThrough(right);
    expect(s.phase).toBe('finished');
    expect(s.index).toBe(SAMPLE_THREADS.length - 1);
    expect(s.results).toHaveLength(SAMPLE_THREADS.length);
    const score = sessionScore(s);
    expect(score).toMatchObject({ percent: 100, grade: 'ready', missedEscalations: 0, points: 3 * SAMPLE_THREADS.length, threads: SAMPLE_THREADS.length });
    expect(nextThread(s)).toBe(s);
    expect(finishSession(s)).toBe(s);
  });

  it('a run answered wrong everywhere needs practice and counts every missed escalation', () => {
    const s = runThrough(allWrong);
    const score = sessionScore(s);
    expect(score.points).toBe(0);
    expect(score.grade).toBe('needs practice');
    expect(score.missedEscalations).toBe(SAMPLE_THREADS.filter((t) => t.expected.escalate).length);
    expect(score.missedEscalations).toBeGreaterThan(0);
  });

  it('one missed escalation keeps an otherwise strong run below ready', () => {
    const s = runThrough((t) => (t.expected.escalate && t.id === SAMPLE_THREADS.find((x) => x.expected.escalate)?.id ? { ...right(t), escalate: false } : right(t)));
    const score = sessionScore(s);
    expect(score.percent).toBeGreaterThanOrEqual(85);
    expect(score.missedEscalations).toBe(1);
    expect(score.grade).toBe('ready with support');
  });

  it('finish ends the run early with only the answered threads scored', () => {
    let s = startSession(SAMPLE_THREADS);
    s = nextThread(answerCurrent(s, thread(s), right(thread(s))));
    s = finishSession(s);
    expect(s.phase).toBe('finished');
    expect(sessionScore(s)).toMatchObject({ threads: 1, percent: 100 });
  });

  it('scores against the procedure given: feedback cites it', () => {
    const policy = presetById('sop-001');
    if (!policy) throw new Error('missing preset sop-001');
    const s0 = startSession(SAMPLE_THREADS);
    const s1 = answerCurrent(s0, thread(s0), allWrong(thread(s0)), policy);
    expect(currentResult(s1)?.score.feedback.join(' ')).toMatch(/procedure 001/);
  });

  it('survives serialisation in every phase and is re-scored against the procedure given on restore', () => {
    let s = startSession(SAMPLE_THREADS);
    const states: PracticeSession[] = [s];
    for (let i = 0; i < 3; i++) {
      s = answerCurrent(s, thread(s), i === 1 ? allWrong(thread(s)) : right(thread(s)));
      states.push(s);
      s = nextThread(s);
      states.push(s);
    }
    states.push(finishSession(s));
    for (const state of states) {
      const restored = restoreSession(serializeSession(state), SAMPLE_THREADS, PRACTICE_DEFAULT_PROCEDURE);
      expect(restored).toEqual(state);
    }
    const policy = presetById('sop-002');
    if (!policy) throw new Error('missing preset sop-002');
    const reScored = restoreSession(serializeSession(states[2] as PracticeSession), SAMPLE_THREADS, policy);
    expect(reScored?.results[0]?.score.feedback.join(' ')).toMatch(/procedure 002/);
  });

  it('refuses stored runs that do not fit', () => {
    const good = JSON.parse(serializeSession(answerCurrent(startSession(SAMPLE_THREADS), SAMPLE_THREADS[0] as PracticeThread, right(SAMPLE_THREADS[0] as PracticeThread))));
    const bad: unknown[] = [
      null,
      'not json',
      { ...good, v: 2 },
      { ...good, threadIds: ['no-such-thread'] },
      { ...good, threadIds: [good.threadIds[0], good.threadIds[0]] },
      { ...good, index: 99 },
      { ...good, index: -1 },
      { ...good, phase: 'dancing' },
      { ...good, phase: 'answering' },
      { ...good, answers: [{ threadId: good.threadIds[1], answer: good.answers[0].answer }] },
      { ...good, answers: [{ threadId: good.threadIds[0], answer: { ...good.answers[0].answer, category: 'praise' } }] },
      { ...good, answers: [{ threadId: good.threadIds[0], answer: { ...good.answers[0].answer, escalate: 'yes' } }] },
    ];
    expect(restoreSession(JSON.stringify(good), SAMPLE_THREADS)).toBeDefined();
    for (const value of bad) {
      const json = typeof value === 'string' ? value : value === null ? null : JSON.stringify(value);
      expect(restoreSession(json, SAMPLE_THREADS), JSON.stringify(value)).toBeUndefined();
    }
  });
});
