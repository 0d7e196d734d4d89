/**
 * The practice page: a new agent works through the sample threads one at a time, answers
 * (category, escalation, template), gets feedback measured against the team's procedure, and at
 * the end the run's score. The run lives in memory and in this tab's sessionStorage; nothing is
 * written to the database.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { conversationOf } from '../../utils/practice/message-sections';
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
} from '../../utils/practice/practice-session';
import { SAMPLE_THREADS } from '../../utils/practice/sample-threads';
import type { PracticeAnswer } from '../../utils/practice/score';
import { DEFAULT_TEMPLATES } from '../../utils/templates/library';
import { AnswerForm, type AnswerDraft } from './answer-form';
import { FeedbackPanel } from './feedback-panel';
import { loadActiveProcedure, type ActiveProcedure } from './load-procedure';
import { RunSummary } from './run-summary';
import { ThreadView } from './thread-view';

const STORAGE_KEY = 'caseline.practice.run';

/** The trainee's language is English: the approved English default library. */
const TEMPLATES = DEFAULT_TEMPLATES.filter((t) => t.language === 'en' && t.status === 'approved');

function readStored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStored(session: PracticeSession | undefined): void {
  try {
    if (session) sessionStorage.setItem(STORAGE_KEY, serializeSession(session));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode, quota): the run stays in memory only.
  }
}

function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function ago(minutes: number): string {
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / (24 * 60))} days ago`;
}

export function PracticeApp() {
  const [now] = useState(() => new Date());
  const timeZone = useMemo(localTimeZone, []);
  const [active, setActive] = useState<ActiveProcedure | undefined>();
  const [session, setSession] = useState<PracticeSession>(() => startSession(SAMPLE_THREADS));
  const [drafts, setDrafts] = useState<Record<string, AnswerDraft>>({});
  const [announcement, setAnnouncement] = useState('');
  const focusTarget = useRef<HTMLHeadingElement>(null);
  const firstView = useRef(true);

  useEffect(() => {
    let live = true;
    void loadActiveProcedure().then((loaded) => {
      if (!live) return;
      setActive(loaded);
      const restored = restoreSession(readStored(), SAMPLE_THREADS, loaded.policy);
      if (restored) setSession(restored);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (active) writeStored(session);
  }, [session, active]);

  // Focus follows the exercise: the feedback after a submit, the next thread, the summary.
  useEffect(() => {
    if (!active) return;
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    const heading = focusTarget.current;
    if (!heading) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }, [session.phase, session.index, active]);

  const formatTime = useMemo(() => {
    const format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    return (iso: string) => {
      const at = new Date(iso);
      if (Number.isNaN(at.getTime())) return '';
      return `${format.format(at)} (${ago((now.getTime() - at.getTime()) / 60_000)})`;
    };
  }, [timeZone, now]);

  const thread = currentThread(session, SAMPLE_THREADS);
  const conversation = useMemo(() => (thread ? conversationOf(thread, now, { timeZone }) : []), [thread, now, timeZone]);
  const progress = sessionProgress(session);
  const result = currentResult(session);
  const procedureName = active?.policy.name ?? '';

  const draftFor = (id: string): AnswerDraft => {
    const kept = drafts[id];
    if (kept) return kept;
    const answered = session.results.find((r) => r.threadId === id);
    if (!answered) return {};
    const template = TEMPLATES.find((t) => t.stage === answered.answer.templateStage);
    return { category: answered.answer.category, escalate: answered.answer.escalate, templateId: template?.id };
  };

  const submit = (answer: PracticeAnswer) => {
    if (!thread || !active) return;
    const next = answerCurrent(session, thread, answer, active.policy);
    const scored = currentResult(next);
    setSession(next);
    if (scored) setAnnouncement(`${scored.score.points} of ${scored.score.max} right. Feedback follows the answer form.`);
  };

  const goNext = () => {
    const next = nextThread(session);
    setSession(next);
    if (next.phase === 'finished') {
      const score = sessionScore(next);
      setAnnouncement(`Run finished: ${score.percent}%, grade ${score.grade}.`);
    } else {
      const upcoming = currentThread(next, SAMPLE_THREADS);
      setAnnouncement(`Thread ${next.index + 1} of ${next.threadIds.length}${upcoming ? `: ${upcoming.subject}` : ''}.`);
    }
  };

  const finishNow = () => {
    const next = finishSession(session);
    setSession(next);
    const score = sessionScore(next);
    setAnnouncement(`Run finished early: ${score.percent}%, grade ${score.grade}.`);
  };

  const again = () => {
    setDrafts({});
    setSession(startSession(SAMPLE_THREADS));
    setAnnouncement(`New run. Thread 1 of ${SAMPLE_THREADS.length}.`);
  };

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to the exercise
      </a>
      <header class="page-header practice-header">
        <span class="brand">Caseline</span>
        <span class="muted">Practice mailbox</span>
        <p class="practice-procedure">
          Feedback measured against: <strong data-testid="practice-procedure">{active ? procedureName : 'loading…'}</strong>
        </p>
        <p class="practice-progress" data-testid="practice-progress">
          <span class="visually-hidden">Thread </span>
          {session.phase === 'finished' ? `${progress.answered} / ${progress.total} answered` : `${progress.current} / ${progress.total}`}
        </p>
        <progress max={progress.total} value={progress.answered} aria-label="Threads answered" />
      </header>
      <main id="main" class="page-main practice-main" tabIndex={-1}>
        <h1>Practise on sample threads</h1>
        <p class="intro">
          Read each thread as it stands, then decide what it is, whether it must go to a supervisor, and which template fits the next
          reply. Your answers stay in this tab and are not saved to Caseline's records.
        </p>
        {active?.notice ? (
          <p class="status error" data-testid="procedure-notice">
            {active.notice}
          </p>
        ) : null}
        <div role="status" aria-live="polite" class="visually-hidden" data-testid="practice-announcement">
          {announcement}
        </div>
        {!active ? (
          <p class="muted" data-testid="practice-loading">
            Reading your team's procedure…
          </p>
        ) : session.phase === 'finished' ? (
          <RunSummary
            score={sessionScore(session)}
            results={session.results}
            threads={SAMPLE_THREADS}
            total={progress.total}
            procedureName={procedureName}
            onAgain={again}
            headingRef={focusTarget}
          />
        ) : thread ? (
          <div class="practice-grid">
            <ThreadView
              key={thread.id}
              thread={thread}
              messages={conversation}
              formatTime={formatTime}
              headingId="thread-title"
              headingRef={session.phase === 'answering' ? focusTarget : undefined}
            />
            <div class="practice-side">
              <AnswerForm
                key={thread.id}
                thread={thread}
                templates={TEMPLATES}
                draft={draftFor(thread.id)}
                onDraft={(d) => setDrafts((all) => ({ ...all, [thread.id]: d }))}
                locked={session.phase === 'feedback'}
                onSubmit={submit}
                timeZone={timeZone}
                now={now.toISOString()}
              />
              {session.phase === 'feedback' && result ? (
                <FeedbackPanel
                  thread={thread}
                  result={result}
                  chosenTemplate={TEMPLATES.find((t) => t.id === draftFor(thread.id).templateId)}
                  procedureName={procedureName}
                  isLast={session.index + 1 >= session.threadIds.length}
                  onNext={goNext}
                  headingRef={focusTarget}
                />
              ) : null}
              {session.phase === 'answering' && session.results.length > 0 ? (
                <div class="actions">
                  <button type="button" onClick={finishNow} data-testid="finish-now">
                    Stop here and see my score
                  </button>
                </div>
              ) : null}
            </div>
          </div>
        ) : null}
      </main>
      <footer class="page-footer">
        The threads, people and company (Northwind Home & Energy) are made up for practice. Training is part of the procedures your team
        follows.
      </footer>
    </>
  );
}
