// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedbackPanel } from '../../../components/practice/feedback-panel';
import { RunSummary } from '../../../components/practice/run-summary';
import { TemplatePreview } from '../../../components/practice/template-preview';
import { ThreadView } from '../../../components/practice/thread-view';
import { conversationOf } from '../../../utils/practice/message-sections';
import { answerCurrent, currentResult, startSession, sessionScore, nextThread } from '../../../utils/practice/practice-session';
import { findSampleThread, SAMPLE_THREADS } from '../../../utils/practice/sample-threads';
import type { PracticeThread } from '../../../utils/practice/types';
import { presetById } from '../../../utils/sla/presets';
import { DEFAULT_TEMPLATES } from '../../../utils/templates/library';

const NOW = new Date('2026-11-25T14:00:00Z');
let host: HTMLElement;

function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
}

afterEach(() => {
  render(null, host);
  host.remove();
});

function sample(id: string): PracticeThread {
  const thread = findSampleThread(id);
  if (!thread) throw new Error(`missing ${id}`);
  return thread;
}

describe('ThreadView', () => {
  it('shows every message with sender and time, and quoted history as a blockquote under its header', () => {
    const thread = sample('p13-thermostat-wifi-thanks');
    const el = mount(<ThreadView thread={thread} messages={conversationOf(thread, NOW)} formatTime={(iso) => `at ${iso}`} headingId="t" />);
    expect(el.querySelector('h2')?.textContent).toBe(thread.subject);
    const messages = el.querySelectorAll('li.message');
    expect(messages).toHaveLength(thread.messages.length);
    expect(messages[1]?.classList.contains('outbound')).toBe(true);
    expect(el.querySelectorAll('time')[0]?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const quotes = el.querySelectorAll('blockquote.quote');
    expect(quotes).toHaveLength(2);
    expect(messages[2]?.querySelector('.quote-header')?.textContent).toMatch(/Sam Rivera <sam@northwind\.example> wrote:$/);
    expect(quotes[1]?.textContent).toContain('Hi Ravi,');
    expect(quotes[1]?.textContent).not.toContain('> ');
  });

  it('renders markup in a message as text, never as elements', () => {
    const base = sample('p03-lawyer-invoice-copy');
    const thread: PracticeThread = {
      ...base,
      messages: [{ ...(base.messages[0] as PracticeThread['messages'][number]), text: 'Hi <img src=x onerror=alert(1)> <b>bold</b>' }],
    };
    const el = mount(<ThreadView thread={thread} messages={conversationOf(thread, NOW)} formatTime={() => ''} headingId="t" />);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.message-text b')).toBeNull();
    expect(el.querySelector('.message-text')?.textContent).toBe('Hi <img src=x onerror=alert(1)> <b>bold</b>');
  });
});

describe('TemplatePreview', () => {
  it('fills the chosen template with the thread’s names and bracketed stand-ins', () => {
    const thread = sample('p01-late-delivery');
    const template = DEFAULT_TEMPLATES.find((t) => t.id === 'default-acknowledgement-en');
    if (!template) throw new Error('template missing');
    const el = mount(<TemplatePreview template={template} thread={thread} category={undefined} timeZone="UTC" now={NOW.toISOString()} />);
    const text = el.querySelector('.preview-body')?.textContent ?? '';
    expect(text).toContain('Hello Dana,');
    expect(text).toContain('[Respond by]');
    expect(text).not.toContain('{{');
  });
});

describe('FeedbackPanel and RunSummary', () => {
  it('marks each decision, cites the procedure and keeps the teaching note apart', () => {
    const policy = presetById('sop-000');
    const thread = SAMPLE_THREADS[0] as PracticeThread;
    if (!policy) throw new Error('preset missing');
    const session = answerCurrent(startSession(SAMPLE_THREADS), thread, { category: 'inquiry', escalate: false, templateStage: thread.expected.bestTemplateStage }, policy);
    const result = currentResult(session);
    if (!result) throw new Error('no result');
    const el = mount(<FeedbackPanel thread={thread} result={result} chosenTemplate={undefined} procedureName={policy.name} isLast={false} onNext={() => {}} headingRef={{ current: null }} />);
    expect(el.querySelector('[data-testid="check-category"]')?.getAttribute('data-ok')).toBe('false');
    expect(el.querySelector('[data-testid="check-escalate"]')?.getAttribute('data-ok')).toBe('true');
    expect(el.querySelector('[data-testid="feedback-sentences"]')?.textContent).toContain('procedure 000');
    expect(el.querySelector('[data-testid="feedback-sentences"]')?.textContent).not.toContain(thread.teachingNote);
    expect(el.querySelector('[data-testid="teaching-note"]')?.textContent).toBe(thread.teachingNote);
    expect(el.querySelector('[data-testid="next-thread"]')?.textContent).toBe('Next thread');
  });

  it('sums the run per category and names a missed escalation', () => {
    const mustEscalate = SAMPLE_THREADS.findIndex((t) => t.expected.escalate);
    let s = startSession(SAMPLE_THREADS.slice(0, mustEscalate + 1));
    for (const t of SAMPLE_THREADS.slice(0, mustEscalate + 1)) {
      s = nextThread(answerCurrent(s, t, { category: t.expected.category, escalate: false, templateStage: t.expected.bestTemplateStage }));
    }
    const score = sessionScore(s);
    const el = mount(<RunSummary score={score} results={s.results} threads={SAMPLE_THREADS} total={s.threadIds.length} procedureName="P" onAgain={() => {}} headingRef={{ current: null }} />);
    expect(el.querySelector('[data-testid="run-grade"]')?.textContent).toBe(score.grade);
    expect(score.grade).not.toBe('ready');
    expect(el.querySelector('[data-testid="run-missed-escalations"]')?.textContent).toMatch(/^1 thread that had to be escalated was not/);
    expect(el.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(el.querySelector('.per-thread')?.textContent).toContain('(missed escalation)');
  });
});
