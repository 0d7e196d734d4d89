import { describe, expect, it } from 'vitest';
import type { Category } from '../../../utils/cases/events';
import { citeProcedure, describeCategoryRule, describeDeadlines, describeDuration, parseSource, procedureNumber } from '../../../utils/practice/describe-procedure';
import { PRESETS } from '../../../utils/sla';
import { PRACTICE_DEFAULT_PROCEDURE, type PracticeProcedure } from '../../../utils/practice/procedure';
import { findSampleThread, SAMPLE_THREADS } from '../../../utils/practice/sample-threads';
import { scoreAnswer, scoreRun, type PracticeAnswer, type PracticeScore } from '../../../utils/practice/score';
import type { PracticeThread } from '../../../utils/practice/types';

function byId(id: string): PracticeThread {
  const thread = findSampleThread(id);
  if (!thread) throw new Error(`missing sample thread ${id}`);
  return thread;
}

const rightAnswer = (thread: PracticeThread): PracticeAnswer => ({
  category: thread.expected.category,
  escalate: thread.expected.escalate,
  templateStage: thread.expected.bestTemplateStage,
});

const otherCategory = (category: Category): Category => (category === 'inquiry' ? 'complaint' : 'inquiry');

/** Procedure 004's figures, with its own sources, as an SLA preset would pass them. */
const PROCEDURE_004: PracticeProcedure = {
  id: '004',
  name: 'Customer service protocol',
  targets: {
    inquiry: {
      acknowledge: { amount: 15, unit: 'minutes', clock: 'calendar', source: '§3.1' },
      resolve: { amount: 24, unit: 'hours', clock: 'calendar', source: '§3.2' },
    },
    complaint: {},
    support: {},
  },
};

/** Procedure 001's figures: complaints in 48 hours, escalation updates within 24 hours. */
const PROCEDURE_001: PracticeProcedure & { calendar: string } = {
  id: '001',
  name: 'SOP: Customer Service',
  calendar: 'default',
  targets: {
    inquiry: {},
    complaint: {
      resolve: { amount: 48, unit: 'hours', clock: 'calendar', source: 'Scope' },
      followUp: { amount: 48, unit: 'hours', clock: 'calendar', source: 'Step 5' },
      escalationUpdate: { amount: 24, unit: 'hours', clock: 'calendar', source: 'Step 3' },
    },
    support: {},
  },
};

describe('describing a procedure', () => {
  it('phrases durations with their clock', () => {
    expect(describeDuration({ amount: 24, unit: 'hours', clock: 'calendar' })).toBe('24 hours');
    expect(describeDuration({ amount: 5, unit: 'days', clock: 'business' })).toBe('5 business days');
    expect(describeDuration({ amount: 1, unit: 'days', clock: 'business' })).toBe('1 business day');
    expect(describeDuration({ amount: 4, unit: 'hours', clock: 'business' })).toBe('4 business hours');
    expect(describeDuration({ amount: 15, unit: 'minutes', clock: 'calendar' })).toBe('15 minutes');
    expect(describeDuration({ amount: 1.5, unit: 'hours', clock: 'calendar' })).toBe('1.5 hours');
  });

  it('states the default procedure rules per category, citing their sections', () => {
    expect(describeCategoryRule(PRACTICE_DEFAULT_PROCEDURE, 'complaint')).toBe(
      'Complaints are acknowledged within 24 hours and resolved within 5 business days (procedure 000 §5.2).',
    );
    expect(describeCategoryRule(PRACTICE_DEFAULT_PROCEDURE, 'inquiry')).toBe(
      'Inquiries are acknowledged within 24 hours and answered within 3 business days (procedure 000 §5.1).',
    );
    expect(describeCategoryRule(PRACTICE_DEFAULT_PROCEDURE, 'support')).toBe(
      'Support requests are resolved within 3 business days (procedure 000 §5.3).',
    );
    expect(describeDeadlines(PRACTICE_DEFAULT_PROCEDURE, 'complaint')).toBe('acknowledge within 24 hours, resolve within 5 business days');
  });

  it('lists three targets with commas and cites several sources', () => {
    expect(describeCategoryRule(PROCEDURE_001, 'complaint')).toBe(
      'Complaints are resolved within 48 hours, followed up within 48 hours of the resolution and given a status update within 24 hours while escalated (procedure 001 Scope, Step 5, Step 3).',
    );
  });

  it('says so when a category has no targets, or a target no source', () => {
    expect(describeCategoryRule(PROCEDURE_004, 'support')).toBe('Procedure 004 (Customer service protocol) sets no time targets for support requests.');
    expect(describeDeadlines(PROCEDURE_004, 'support')).toBe('no time targets');
    const noSource: PracticeProcedure = { id: '002', name: 'Standards', targets: { inquiry: { respond: { amount: 4, unit: 'hours', clock: 'business' } } } };
    expect(describeCategoryRule(noSource, 'inquiry')).toBe('Inquiries are answered within 4 business hours (procedure 002).');
    expect(describeCategoryRule(noSource, 'complaint')).toMatch(/sets no time targets for complaints/);
  });

  it('cites a source that already names its procedure once', () => {
    const named: PracticeProcedure = {
      id: '000',
      name: 'x',
      targets: { support: { resolve: { amount: 3, unit: 'days', clock: 'business', source: '000 §5.3' } } },
    };
    expect(describeCategoryRule(named, 'support')).toBe('Support requests are resolved within 3 business days (procedure 000 §5.3).');
    expect(citeProcedure({ id: '000' }, ['procedure 000 §5.1', '§5.2'])).toBe('procedure 000 §5.1, §5.2');
  });

  it('reads the SLA presets\' sources: document, section, and whether the figure is a default', () => {
    const sop = { id: 'sop-001' };
    expect(procedureNumber(sop)).toBe('001');
    expect(parseSource('sop/001_94a98c7813e3b492.txt Step 5, lines 115\u2013116: follow up within 48 hours', sop)).toEqual({
      document: '001',
      section: 'Step 5',
      isDefault: false,
    });
    expect(parseSource('sop/004_1d645df76342a6e9.txt §4.1, lines 33–36: no time (not in the procedure: Caseline default): 5 business days', sop)).toEqual({
      document: '004',
      section: '§4.1',
      isDefault: true,
    });
    expect(parseSource(undefined, sop)).toEqual({ document: '001', section: '', isDefault: false });
    expect(citeProcedure(sop, ['sop/001_94a98c7813e3b492.txt Scope, line 17: x', 'sop/001_94a98c7813e3b492.txt Step 3, line 94: y', 'sop/001_94a98c7813e3b492.txt Scope, line 13: z'])).toBe(
      'procedure 001 Scope, Step 3',
    );
  });

  it('puts Caseline defaults apart from the procedure\'s own targets', () => {
    const mixed: PracticeProcedure = {
      id: 'sop-000',
      name: 'Nonprofit SOP',
      targets: {
        complaint: {
          acknowledge: { amount: 24, unit: 'hours', clock: 'calendar', source: 'sop/000_d60c49ce8c0db1f5.txt §5.2, line 54: confirm within 24 hours' },
          respond: { amount: 2, unit: 'days', clock: 'business', source: 'sop/000_d60c49ce8c0db1f5.txt §5.2, line 55: none (not in the procedure: Caseline default): 2 business days' },
        },
        support: {
          acknowledge: { amount: 24, unit: 'hours', clock: 'calendar', source: 'Caseline default' },
        },
      },
    };
    expect(describeCategoryRule(mixed, 'complaint')).toBe(
      "Complaints are acknowledged within 24 hours (procedure 000 §5.2). Where procedure 000 is silent, Caseline's defaults apply: answer within 2 business days.",
    );
    expect(describeCategoryRule(mixed, 'support')).toBe(
      "Procedure 000 (Nonprofit SOP) sets no time targets for support requests; Caseline's defaults apply: acknowledge within 24 hours.",
    );
  });
});

describe('scoreAnswer', () => {
  it('gives full marks for the expected answer on every thread, with feedback citing the procedure', () => {
    for (const thread of SAMPLE_THREADS) {
      const score = scoreAnswer(thread, rightAnswer(thread));
      expect(score, thread.id).toMatchObject({ threadId: thread.id, points: 3, max: 3, category: thread.expected.category });
      expect(score.checks).toEqual({ category: true, escalate: true, template: true });
      expect(score.feedback[0]).toMatch(/^Right: this is (an inquiry|a complaint|a support request)\./);
      expect(score.feedback.join(' ')).toContain('(procedure 000 §5.');
      expect(score.feedback).toContain(thread.teachingNote);
      for (const sentence of score.feedback) expect(sentence.trim().length).toBeGreaterThan(0);
    }
  });

  it('quotes the complaint rule of the default procedure', () => {
    const score = scoreAnswer(byId('p01-late-delivery'), rightAnswer(byId('p01-late-delivery')));
    expect(score.feedback).toContain(
      'Right: this is a complaint. Complaints are acknowledged within 24 hours and resolved within 5 business days (procedure 000 §5.2).',
    );
    expect(score.feedback).toContain('Where it stands: a deadline has already passed, so the reply should own the delay and apologise for it.');
  });

  it('takes a point off for the wrong category and explains the right one', () => {
    const thread = byId('p09-refund-kettle-rude');
    const score = scoreAnswer(thread, { ...rightAnswer(thread), category: 'support' });
    expect(score.points).toBe(2);
    expect(score.checks.category).toBe(false);
    expect(score.feedback[0]).toBe('This is a complaint, not a support request: the customer says something went wrong and is unhappy about it.');
    expect(score.feedback[1]).toBe('Complaints are acknowledged within 24 hours and resolved within 5 business days (procedure 000 §5.2).');
  });

  it('takes a point off for a missed legal threat and says why it must be escalated', () => {
    const thread = byId('p02-ombudsman-billing');
    const score = scoreAnswer(thread, { ...rightAnswer(thread), escalate: false });
    expect(score.points).toBe(2);
    expect(score.mustEscalate).toBe(true);
    const text = score.feedback.join(' ');
    expect(text).toContain('This one must be escalated.');
    expect(text).toContain(thread.expected.escalationWhy!);
    expect(text).toContain('procedure 004 §5.1');
  });

  it('takes a point off for escalating an innocent mention of a lawyer', () => {
    const thread = byId('p03-lawyer-invoice-copy');
    const score = scoreAnswer(thread, { ...rightAnswer(thread), escalate: true });
    expect(score.points).toBe(2);
    expect(score.checks.escalate).toBe(false);
    expect(score.feedback.join(' ')).toMatch(/No escalation needed: nothing here is a legal or regulatory concern/);
    const right = scoreAnswer(thread, rightAnswer(thread));
    expect(right.feedback.join(' ')).toMatch(/Right not to escalate/);
  });

  it('names the better template and what each does', () => {
    const thread = byId('p05-app-login-loop');
    const score = scoreAnswer(thread, { ...rightAnswer(thread), templateStage: 'support_ticket' });
    expect(score.points).toBe(2);
    expect(score.feedback).toContain(
      'The best template here is the Follow-up, which reminds the customer of what we are waiting for, or checks in after a while; the Support ticket confirmation confirms the ticket, its number and who is handling it.',
    );
    expect(score.feedback.join(' ')).toMatch(/waiting on the customer/);
  });

  it('scores an unknown template stage as wrong without failing', () => {
    const thread = byId('p16-saturday-delivery');
    const score = scoreAnswer(thread, { ...rightAnswer(thread), templateStage: 'haiku' });
    expect(score.points).toBe(2);
    expect(score.feedback).toContain('"haiku" is not a template stage; the best one here is the Inquiry answer, which answers the customer\'s questions in full.');
  });

  it('gives zero for an answer wrong on all three counts', () => {
    const thread = byId('p14-data-regulator');
    const score = scoreAnswer(thread, { category: otherCategory(thread.expected.category), escalate: false, templateStage: 'closing' });
    expect(score).toMatchObject({ points: 0, max: 3, checks: { category: false, escalate: false, template: false } });
  });

  it('phrases the deadlines of the chosen procedure', () => {
    const thread = byId('p16-saturday-delivery');
    const score = scoreAnswer(thread, rightAnswer(thread), PROCEDURE_004);
    expect(score.feedback[0]).toBe(
      'Right: this is an inquiry. Inquiries are acknowledged within 15 minutes and resolved within 24 hours (procedure 004 §3.1, §3.2).',
    );
    expect(score.feedback.join(' ')).not.toContain('procedure 000 §');
    expect(score.feedback).toContain(
      "Where it stands (timed against procedure 000, the practice set's default): nothing is overdue yet, and the first reply can still go out well within its deadline.",
    );
  });

  it('does not qualify situations that do not depend on the clock', () => {
    const thread = byId('p05-app-login-loop');
    const score = scoreAnswer(thread, rightAnswer(thread), PROCEDURE_004);
    expect(score.feedback).toContain('Where it stands: we are waiting on the customer, and clocks that pause stay paused until they reply.');
  });

  it('adds the escalation update target when the chosen procedure has one', () => {
    const thread = byId('p15-meter-install-damage');
    const score = scoreAnswer(thread, rightAnswer(thread), PROCEDURE_001);
    expect(score.feedback).toContain('Once escalated, the customer gets a status update within 24 hours (procedure 001 Step 3).');
    const withDefault = scoreAnswer(thread, rightAnswer(thread));
    expect(withDefault.feedback.join(' ')).not.toContain('Once escalated');
  });

  it('says when the chosen procedure sets no targets for the category', () => {
    const thread = byId('p08-solar-inverter-fault');
    const score = scoreAnswer(thread, rightAnswer(thread), PROCEDURE_004);
    expect(score.feedback[0]).toBe(
      'Right: this is a support request. Procedure 004 (Customer service protocol) sets no time targets for support requests.',
    );
  });
});

// The practice page passes the team's chosen SLA policy straight in: the presets must fit.
describe('scoring against the SLA presets', () => {
  it('accepts every preset and cites its own document', () => {
    const thread = byId('p01-late-delivery');
    for (const preset of PRESETS) {
      const score = scoreAnswer(thread, rightAnswer(thread), preset);
      expect(score.points, preset.id).toBe(3);
      expect(score.feedback[0], preset.id).toMatch(new RegExp(`procedure ${procedureNumber(preset)}\\b`, 'i'));
      expect(score.feedback.join(' '), preset.id).not.toMatch(/\.txt|line \d/);
    }
  });

  it('phrases the escalation update of procedure 001 and the default of procedure 000', () => {
    const thread = byId('p15-meter-install-damage');
    const sop001 = PRESETS.find((p) => procedureNumber(p) === '001');
    const sop000 = PRESETS.find((p) => procedureNumber(p) === '000');
    expect(sop001 && sop000).toBeTruthy();
    expect(scoreAnswer(thread, rightAnswer(thread), sop001).feedback).toContain(
      'Once escalated, the customer gets a status update within 24 hours (procedure 001 Step 3).',
    );
    expect(scoreAnswer(thread, rightAnswer(thread), sop000).feedback).toContain(
      "Once escalated, the customer gets a status update within 1 business day (Caseline's default where procedure 000 is silent).",
    );
  });

  it('states the complaint rule of the 000 preset as the default procedure does', () => {
    const sop000 = PRESETS.find((p) => procedureNumber(p) === '000')!;
    expect(describeCategoryRule(sop000, 'complaint').startsWith(describeCategoryRule(PRACTICE_DEFAULT_PROCEDURE, 'complaint'))).toBe(true);
  });
});

describe('scoreRun', () => {
  const perfect = SAMPLE_THREADS.map((t) => scoreAnswer(t, rightAnswer(t)));

  it('totals a perfect run as ready, per category too', () => {
    const run = scoreRun(perfect);
    expect(run).toMatchObject({ points: 3 * SAMPLE_THREADS.length, max: 3 * SAMPLE_THREADS.length, percent: 100, grade: 'ready', missedEscalations: 0 });
    expect(run.threads).toBe(SAMPLE_THREADS.length);
    for (const category of ['inquiry', 'complaint', 'support'] as const) {
      const count = SAMPLE_THREADS.filter((t) => t.expected.category === category).length;
      expect(run.perCategory[category]).toEqual({ points: 3 * count, max: 3 * count, percent: 100, threads: count });
    }
  });

  it('grades by share of points: 85 % ready, 60 % ready with support, below needs practice', () => {
    const make = (points: number, max = 100): PracticeScore[] => [
      { threadId: 'x', category: 'inquiry', mustEscalate: false, points, max, checks: { category: true, escalate: true, template: true }, feedback: [] },
    ];
    expect(scoreRun(make(85)).grade).toBe('ready');
    expect(scoreRun(make(84)).grade).toBe('ready with support');
    expect(scoreRun(make(60)).grade).toBe('ready with support');
    expect(scoreRun(make(59)).grade).toBe('needs practice');
    expect(scoreRun(make(2, 3)).percent).toBe(67);
  });

  it('keeps a run with a missed escalation below ready', () => {
    const results = SAMPLE_THREADS.map((t) =>
      t.id === 'p02-ombudsman-billing' ? scoreAnswer(t, { ...rightAnswer(t), escalate: false }) : scoreAnswer(t, rightAnswer(t)),
    );
    const run = scoreRun(results);
    expect(run.percent).toBeGreaterThanOrEqual(95);
    expect(run.missedEscalations).toBe(1);
    expect(run.grade).toBe('ready with support');
    expect(run.perCategory.complaint.points).toBe(run.perCategory.complaint.max - 1);
    expect(run.perCategory.inquiry.percent).toBe(100);
  });

  it('does not count an unnecessary escalation as a missed one', () => {
    const results = SAMPLE_THREADS.map((t) => scoreAnswer(t, { ...rightAnswer(t), escalate: true }));
    expect(scoreRun(results).missedEscalations).toBe(0);
  });

  it('grades a careless run as needs practice', () => {
    const results = SAMPLE_THREADS.map((t) => scoreAnswer(t, { category: 'inquiry', escalate: false, templateStage: 'greeting' }));
    const run = scoreRun(results);
    expect(run.grade).toBe('needs practice');
    expect(run.perCategory.inquiry.points).toBeGreaterThan(0);
    expect(run.perCategory.support.points).toBe(SAMPLE_THREADS.filter((t) => t.expected.category === 'support' && !t.expected.escalate).length);
  });

  it('scores an empty run as zero', () => {
    const run = scoreRun([]);
    expect(run).toMatchObject({ points: 0, max: 0, percent: 0, threads: 0, grade: 'needs practice', missedEscalations: 0 });
    expect(run.perCategory.complaint).toEqual({ points: 0, max: 0, percent: 0, threads: 0 });
  });
});
