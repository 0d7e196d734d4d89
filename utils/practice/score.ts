/**
 * The practice exercise: an agent classifies a sample thread, decides on escalation and picks the
 * template for the next reply; each answer earns a point per right decision and feedback that
 * cites the chosen procedure. Training is a duty of the procedures (000 §6, 003 item 5).
 */
import { CATEGORIES, type Category } from '../cases/events';
import { citeProcedure, describeCategoryRule, describeDuration, parseSource, procedureNumber } from './describe-procedure';
import { PRACTICE_DEFAULT_PROCEDURE, type PracticeProcedure } from './procedure';
import { PRACTICE_TEMPLATE_STAGES, type PracticeTemplateStage, type PracticeThread, type SlaSituation } from './types';

export interface PracticeAnswer {
  category: Category;
  escalate: boolean;
  /** One of the template stages; anything else scores no point for the template. */
  templateStage: string;
}

export interface PracticeScore {
  threadId: string;
  /** The thread's expected category (what perCategory groups by). */
  category: Category;
  /** Whether the thread must be escalated. */
  mustEscalate: boolean;
  points: number;
  max: number;
  checks: { category: boolean; escalate: boolean; template: boolean };
  /** Sentences for the agent, citing the procedure. */
  feedback: string[];
}

export const PRACTICE_GRADES = ['needs practice', 'ready with support', 'ready'] as const;
export type PracticeGrade = (typeof PRACTICE_GRADES)[number];

/** Share of points for 'ready' (and no missed escalation) and for 'ready with support'. */
export const READY_SHARE = 0.85;
export const READY_WITH_SUPPORT_SHARE = 0.6;

export interface PracticeTally {
  points: number;
  max: number;
  /** Whole percent, rounded; 0 when nothing was scored. */
  percent: number;
  threads: number;
}

export interface PracticeRunScore extends PracticeTally {
  grade: PracticeGrade;
  perCategory: Record<Category, PracticeTally>;
  /** Threads that had to be escalated and were not: any one keeps the grade below 'ready'. */
  missedEscalations: number;
}

const CATEGORY_NAME: Record<Category, string> = { inquiry: 'an inquiry', complaint: 'a complaint', support: 'a support request' };

const CATEGORY_MEANING: Record<Category, string> = {
  inquiry: 'the customer asks for information and reports nothing wrong',
  complaint: 'the customer says something went wrong and is unhappy about it',
  support: 'the customer asks us to do or fix something for them',
};

const TEMPLATE_LABEL: Record<PracticeTemplateStage, string> = {
  greeting: 'Greeting',
  acknowledgement: 'Acknowledgement',
  inquiry_answer: 'Inquiry answer',
  complaint_apology: 'Complaint apology',
  support_ticket: 'Support ticket confirmation',
  escalation_notice: 'Escalation notice',
  status_update: 'Status update',
  resolution: 'Resolution',
  satisfaction_check: 'Satisfaction check',
  follow_up: 'Follow-up',
  closing: 'Closing',
  signoff: 'Sign-off',
};

const TEMPLATE_PURPOSE: Record<PracticeTemplateStage, string> = {
  greeting: 'opens a reply with the customer\'s name',
  acknowledgement: 'confirms we have the message and says when the full answer will come',
  inquiry_answer: 'answers the customer\'s questions in full',
  complaint_apology: 'apologises, gives the reference number and says what happens next',
  support_ticket: 'confirms the ticket, its number and who is handling it',
  escalation_notice: 'tells the customer the case has gone to a supervisor and when they will hear back',
  status_update: 'tells the customer where an open case stands',
  resolution: 'explains what was done to put things right',
  satisfaction_check: 'asks whether the resolution worked for the customer',
  follow_up: 'reminds the customer of what we are waiting for, or checks in after a while',
  closing: 'thanks the customer and closes the case',
  signoff: 'ends a message with the agent\'s name',
};

const SITUATION_NOTE: Record<SlaSituation, string> = {
  fresh: 'nothing is overdue yet, and the first reply can still go out well within its deadline.',
  due_soon: 'a deadline is close, so the next reply should go out now.',
  breached: 'a deadline has already passed, so the reply should own the delay and apologise for it.',
  waiting_on_customer: 'we are waiting on the customer, and clocks that pause stay paused until they reply.',
  answered: 'an agent reply has already gone out, so read it before writing again and do not tell the customer the same thing twice.',
};

/** Situations that depend on the clock: the sample threads are timed against the default procedure. */
const TIMED_SITUATIONS: ReadonlySet<SlaSituation> = new Set(['fresh', 'due_soon', 'breached']);

function situationFeedback(situation: SlaSituation, procedure: PracticeProcedure): string {
  const note = SITUATION_NOTE[situation];
  const timedAgainst =
    TIMED_SITUATIONS.has(situation) && procedureNumber(procedure) !== PRACTICE_DEFAULT_PROCEDURE.id
      ? ` (timed against procedure ${PRACTICE_DEFAULT_PROCEDURE.id}, the practice set's default)`
      : '';
  return `Where it stands${timedAgainst}: ${note}`;
}

/** Where the practice set takes its escalation criteria from. */
const ESCALATION_CRITERIA =
  'Legal or regulatory concerns, safety risks and disputes that need a manager go to a supervisor (procedure 004 §5.1).';

const NO_ESCALATION_REASON =
  'nothing here is a legal or regulatory concern, a safety risk or beyond what an agent can settle, so it stays in the normal queue.';

function isTemplateStage(stage: string): stage is PracticeTemplateStage {
  return (PRACTICE_TEMPLATE_STAGES as readonly string[]).includes(stage);
}

function categoryFeedback(expected: Category, given: Category, procedure: PracticeProcedure): string[] {
  const rule = describeCategoryRule(procedure, expected);
  if (given === expected) return [`Right: this is ${CATEGORY_NAME[expected]}. ${rule}`];
  return [
    `This is ${CATEGORY_NAME[expected]}, not ${CATEGORY_NAME[given] ?? given}: ${CATEGORY_MEANING[expected]}.`,
    rule,
  ];
}

function escalationFeedback(thread: PracticeThread, given: boolean, procedure: PracticeProcedure): string[] {
  const { expected } = thread;
  if (!expected.escalate) {
    return [given ? `No escalation needed: ${NO_ESCALATION_REASON}` : `Right not to escalate: ${NO_ESCALATION_REASON}`];
  }
  const why = expected.escalationWhy ?? 'it meets the escalation criteria.';
  const sentences = [given ? `Right to escalate. ${why}` : `This one must be escalated. ${why}`, ESCALATION_CRITERIA];
  const update = procedure.targets[expected.category]?.escalationUpdate;
  if (update) {
    const cited = parseSource(update.source, procedure).isDefault
      ? `Caseline's default where procedure ${procedureNumber(procedure)} is silent`
      : citeProcedure(procedure, [update.source]);
    sentences.push(`Once escalated, the customer gets a status update within ${describeDuration(update)} (${cited}).`);
  }
  return sentences;
}

function templateFeedback(best: PracticeTemplateStage, given: string): string[] {
  const bestText = `${TEMPLATE_LABEL[best]}, which ${TEMPLATE_PURPOSE[best]}`;
  if (given === best) return [`Right template: ${bestText}.`];
  if (!isTemplateStage(given)) return [`"${given}" is not a template stage; the best one here is the ${bestText}.`];
  return [`The best template here is the ${bestText}; the ${TEMPLATE_LABEL[given]} ${TEMPLATE_PURPOSE[given]}.`];
}

/**
 * Scores one answer: a point each for the category, the escalation decision and the template.
 * `procedure` is the team's chosen procedure (an SLA policy fits); the feedback phrases its
 * deadlines for the thread's category.
 */
export function scoreAnswer(
  thread: PracticeThread,
  answer: PracticeAnswer,
  procedure: PracticeProcedure = PRACTICE_DEFAULT_PROCEDURE,
): PracticeScore {
  const { expected } = thread;
  const checks = {
    category: answer.category === expected.category,
    escalate: answer.escalate === expected.escalate,
    template: answer.templateStage === expected.bestTemplateStage,
  };
  const feedback = [
    ...categoryFeedback(expected.category, answer.category, procedure),
    ...escalationFeedback(thread, answer.escalate, procedure),
    ...templateFeedback(expected.bestTemplateStage, answer.templateStage),
    situationFeedback(expected.slaSituation, procedure),
    thread.teachingNote,
  ];
  const points = Number(checks.category) + Number(checks.escalate) + Number(checks.template);
  return { threadId: thread.id, category: expected.category, mustEscalate: expected.escalate, points, max: 3, checks, feedback };
}

function tally(points: number, max: number, threads: number): PracticeTally {
  return { points, max, percent: max > 0 ? Math.round((points / max) * 100) : 0, threads };
}

/**
 * Totals a practice run: overall and per category, and a grade. 'ready' needs 85 % of the points
 * and no missed escalation; 'ready with support' needs 60 %.
 */
export function scoreRun(
  results: ReadonlyArray<Pick<PracticeScore, 'category' | 'points' | 'max'> & Partial<Pick<PracticeScore, 'mustEscalate' | 'checks'>>>,
): PracticeRunScore {
  const sums = Object.fromEntries(CATEGORIES.map((c) => [c, { points: 0, max: 0, threads: 0 }])) as Record<
    Category,
    { points: number; max: number; threads: number }
  >;
  let points = 0;
  let max = 0;
  let missedEscalations = 0;
  for (const result of results) {
    points += result.points;
    max += result.max;
    const sum = sums[result.category];
    if (sum) {
      sum.points += result.points;
      sum.max += result.max;
      sum.threads += 1;
    }
    if (result.mustEscalate && result.checks && !result.checks.escalate) missedEscalations += 1;
  }
  const share = max > 0 ? points / max : 0;
  const grade: PracticeGrade =
    share >= READY_SHARE && missedEscalations === 0 ? 'ready' : share >= READY_WITH_SUPPORT_SHARE ? 'ready with support' : 'needs practice';
  const perCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, tally(sums[c].points, sums[c].max, sums[c].threads)]),
  ) as Record<Category, PracticeTally>;
  return { ...tally(points, max, results.length), grade, perCategory, missedEscalations };
}
