/** The practice mailbox: sample threads, their times and case logs, and the scored exercise. */
export type {
  PracticeAgentAction,
  PracticeExpectation,
  PracticeMessage,
  PracticeParty,
  PracticeTemplateStage,
  PracticeThread,
  SlaSituation,
} from './types';
export { PRACTICE_TEMPLATE_STAGES, SLA_SITUATIONS } from './types';
export { PRACTICE_AGENT, PRACTICE_COMPANY, PRACTICE_TEAM_MAILBOX } from './company';
export { SAMPLE_THREADS, findSampleThread } from './sample-threads';
export { threadTimes, type PracticeMessageTime } from './timeline';
export { renderThread, formatQuoteHeader, type RenderedMessage, type RenderedThread, type RenderOptions } from './render-thread';
export { toThreadSnapshot, newestContent } from './thread-snapshot';
export { seedCaseEvents, type SeedOptions } from './seed-case-events';
export { PRACTICE_DEFAULT_PROCEDURE, PRACTICE_TARGET_KINDS, type PracticeProcedure, type PracticeTarget, type PracticeTargetKind } from './procedure';
export { describeCategoryRule, describeDeadlines, describeDuration, citeProcedure } from './describe-procedure';
export {
  scoreAnswer,
  scoreRun,
  PRACTICE_GRADES,
  READY_SHARE,
  READY_WITH_SUPPORT_SHARE,
  type PracticeAnswer,
  type PracticeGrade,
  type PracticeRunScore,
  type PracticeScore,
  type PracticeTally,
} from './score';
