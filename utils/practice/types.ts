/**
 * The practice mailbox: sample threads with the answer a trained agent would give, used by the
 * demo pages, the headless tour and the practice page inside the extension.
 */
import type { Category, Stage } from '../cases/events';
import type { MailHost } from '../cases/mail-thread';
import type { ResolutionCode } from '../cases/outcome';
import { TEMPLATE_STAGES, type TemplateStage } from '../templates/types';

/** Reply template stages an agent can pick in the exercise: the stages of utils/templates. */
export const PRACTICE_TEMPLATE_STAGES: readonly TemplateStage[] = TEMPLATE_STAGES;
export type PracticeTemplateStage = TemplateStage;

/**
 * Where a thread stands against its deadlines under the default procedure (000) when the demo
 * is built: nothing due yet, a deadline close, a deadline passed, paused while the customer owes
 * us details, or an agent reply already sent.
 */
export const SLA_SITUATIONS = ['fresh', 'due_soon', 'breached', 'waiting_on_customer', 'answered'] as const;
export type SlaSituation = (typeof SLA_SITUATIONS)[number];

export interface PracticeParty {
  name: string;
  email: string;
}

/**
 * What the agent recorded on the case when sending a reply, beyond what the mailbox shows by
 * itself (the first reply already acknowledges and responds): the lifecycle commands of
 * utils/cases/lifecycle.ts, with their arguments.
 */
export type PracticeAgentAction =
  | { type: 'awaitCustomer'; note?: string }
  | { type: 'escalate'; reason: string; to: string }
  | { type: 'resolve'; code: ResolutionCode; summary: string };

export interface PracticeMessage {
  /** Unique inside its thread, e.g. 'm1'. */
  id: string;
  direction: 'inbound' | 'outbound';
  from: PracticeParty;
  /** Minutes before "now" (the moment the demo is built) the message was sent. */
  minutesAgo: number;
  /**
   * The message as the mailbox shows it, signature and quoted history included. A line
   * `[[quote-header:m1]]` stands for the host's header above quoted mail ("On …, X wrote:" in
   * Gmail, a From/Sent/To/Subject block in Outlook) of the earlier message m1 of the same thread;
   * renderThread (render-thread.ts) fills it with that message's real time.
   */
  text: string;
  /** Outbound only: what the agent recorded on the case with this reply, in order. */
  agentActions?: PracticeAgentAction[];
}

/** What a trained agent would say about the thread as it stands. */
export interface PracticeExpectation {
  category: Category;
  /** Whether the case must go to a supervisor (legal, regulatory, safety, beyond the agent's authority). */
  escalate: boolean;
  /** Why it must be escalated (present when `escalate` is true). */
  escalationWhy?: string;
  /**
   * The lifecycle stage the case is in as the thread stands, before the agent acts: 'received'
   * until an agent reply goes out, then what the mailbox events and the agent's recorded actions
   * make it (seedCaseEvents gives exactly that log).
   */
  stage: Stage;
  /** The template that fits the next reply best. */
  bestTemplateStage: PracticeTemplateStage;
  slaSituation: SlaSituation;
}

export interface PracticeThread {
  /** Stable, e.g. 'p01-late-delivery'. */
  id: string;
  host: MailHost;
  subject: string;
  customer: PracticeParty;
  /** Oldest first. */
  messages: PracticeMessage[];
  /**
   * The complaint or ticket reference the agent's replies quote (utils/cases format, team
   * prefix NW), for threads where a reply already went out; seeding gives the case this one.
   */
  reference?: string;
  expected: PracticeExpectation;
  /** One or two sentences explaining the expected answer in terms of the procedure. */
  teachingNote: string;
}
