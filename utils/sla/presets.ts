/**
 * One SLA policy per procedure in /work/shared/sop. Every target's `source` names the document
 * and the line its figure comes from, in our own words; where a procedure gives no figure the
 * source says "(not in the procedure: Caseline default)". A time the procedure gives in plain
 * hours ("within 24 hours") runs on the calendar clock; "business" hours or days run on the
 * policy's business calendar.
 */
import type { BusinessCalendar } from '../calendar';
import type { CaseEventType } from '../cases/events';
import type { SlaPolicy, SlaTarget, TargetName } from './types';

const OFFICE_HOURS: Array<[string, string]> = [['09:00', '17:00']];

/**
 * Monday to Friday, 09:00–17:00, Europe/London, no holidays. Frozen: the engine caches what it
 * derives from a calendar object, so a team's own hours are a new object, never an edit of this.
 */
export const DEFAULT_CALENDAR: BusinessCalendar = deepFreeze({
  timeZone: 'Europe/London',
  week: { mon: OFFICE_HOURS, tue: OFFICE_HOURS, wed: OFFICE_HOURS, thu: OFFICE_HOURS, fri: OFFICE_HOURS },
  holidays: [],
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const DEFAULT_NOTE = '(not in the procedure: Caseline default)';

/** Which events start and meet each kind of target, and whether it waits with the customer. */
const KIND: Record<TargetName, { startOn: CaseEventType[]; metBy: CaseEventType[]; pausesWhileWaiting: boolean }> = {
  acknowledge: { startOn: ['received'], metBy: ['acknowledged', 'responded', 'resolved'], pausesWhileWaiting: false },
  respond: { startOn: ['received'], metBy: ['responded', 'resolved'], pausesWhileWaiting: true },
  resolve: { startOn: ['received'], metBy: ['resolved'], pausesWhileWaiting: true },
  followUp: { startOn: ['resolved'], metBy: ['followed_up'], pausesWhileWaiting: false },
  escalationUpdate: { startOn: ['escalated'], metBy: ['escalation_updated'], pausesWhileWaiting: false },
};

function target(kind: TargetName, amount: number, unit: SlaTarget['unit'], clock: SlaTarget['clock'], source: string): SlaTarget {
  const k = KIND[kind];
  return { amount, unit, clock, startOn: [...k.startOn], metBy: [...k.metBy], pausesWhileWaiting: k.pausesWhileWaiting, source };
}

/** Caseline's figures where a procedure is silent. */
const fallback = {
  acknowledge: (doc: string, why: string) => target('acknowledge', 24, 'hours', 'calendar', `${doc}: ${why} ${DEFAULT_NOTE}: 24 hours`),
  respond: (doc: string, why: string) => target('respond', 2, 'days', 'business', `${doc}: ${why} ${DEFAULT_NOTE}: 2 business days`),
  resolve: (doc: string, why: string) => target('resolve', 5, 'days', 'business', `${doc}: ${why} ${DEFAULT_NOTE}: 5 business days`),
  followUp: (doc: string, why: string) => target('followUp', 2, 'days', 'business', `${doc}: ${why} ${DEFAULT_NOTE}: 2 business days after resolution`),
  escalationUpdate: (doc: string, why: string) =>
    target('escalationUpdate', 1, 'days', 'business', `${doc}: ${why} ${DEFAULT_NOTE}: a status update every business day while escalated`),
};

const S000 = 'sop/000_d60c49ce8c0db1f5.txt';
const S001 = 'sop/001_94a98c7813e3b492.txt';
const S002 = 'sop/002_0959e16a47b608d7.txt';
const S003 = 'sop/003_256d004e3467ff2f.txt';
const S004 = 'sop/004_1d645df76342a6e9.txt';

const sop000: SlaPolicy = {
  id: 'sop-000',
  name: 'Nonprofit customer service SOP (000)',
  source: `${S000}: §5.1 inquiries, §5.2 complaints, §5.3 support requests`,
  calendar: DEFAULT_CALENDAR,
  dueSoonShare: 0.25,
  usesNps: false,
  followUpsBeforeClose: 1,
  targets: {
    inquiry: {
      acknowledge: target('acknowledge', 24, 'hours', 'calendar', `${S000} §5.1, line 48: confirm an inquiry has arrived within 24 hours`),
      respond: target('respond', 3, 'days', 'business', `${S000} §5.1, line 50: give the complete answer within 3 business days`),
      resolve: target('resolve', 3, 'days', 'business', `${S000} §5.1, line 50: the complete answer, follow-up actions included, closes the inquiry within 3 business days`),
      followUp: fallback.followUp(`${S000} §4.4, line 42`, 'follow up so the need is met, no time given'),
      escalationUpdate: fallback.escalationUpdate(`${S000} §10.2, line 107`, 'supervisors handle escalated issues, no update interval given'),
    },
    complaint: {
      acknowledge: target('acknowledge', 24, 'hours', 'calendar', `${S000} §5.2, line 54: confirm a complaint has arrived within 24 hours`),
      respond: fallback.respond(`${S000} §5.2, line 55`, 'the complaint is investigated first, no time given for a first answer'),
      resolve: target('resolve', 5, 'days', 'business', `${S000} §5.2, line 56: resolve with an account of the actions within 5 business days`),
      followUp: fallback.followUp(`${S000} §5.2, line 57`, 'check satisfaction after the resolution, no time given'),
      escalationUpdate: fallback.escalationUpdate(`${S000} §10.2, line 107`, 'supervisors handle escalated issues, no update interval given'),
    },
    support: {
      acknowledge: fallback.acknowledge(`${S000} §5.3, line 61`, 'a ticket with its own reference is created, no time given; as §5.1 and §5.2'),
      respond: fallback.respond(`${S000} §5.3, line 62`, 'the ticket is assigned, no time given for a first answer'),
      resolve: target('resolve', 3, 'days', 'business', `${S000} §5.3, line 63: support requests are to be settled within 3 business days`),
      followUp: fallback.followUp(`${S000} §5.3, line 64`, 'close only once the customer confirms the fix, no time given'),
      escalationUpdate: fallback.escalationUpdate(`${S000} §10.2, line 107`, 'supervisors handle escalated issues, no update interval given'),
    },
  },
};

const followUp001 = () => target('followUp', 48, 'hours', 'calendar', `${S001} Step 5, lines 115–116: follow up by e-mail or phone within 48 hours of completing the service`);
const escalation001 = () => target('escalationUpdate', 24, 'hours', 'calendar', `${S001} Step 3, line 94: update the customer on an escalated issue within 24 hours`);
const acknowledge001 = () => fallback.acknowledge(`${S001} Step 1, line 43`, 'e-mails get a standard greeting, no time given');
const respond001 = () => fallback.respond(`${S001} Step 2, line 60`, 'get back to the customer within a stated timeframe, not given');

const sop001: SlaPolicy = {
  id: 'sop-001',
  name: 'Customer service SOP with escalation (001)',
  source: `${S001}: Scope (complaints in 48 hours), Step 3 escalation, Step 5 follow-up`,
  calendar: DEFAULT_CALENDAR,
  dueSoonShare: 0.25,
  usesNps: false,
  followUpsBeforeClose: 1,
  targets: {
    inquiry: {
      acknowledge: acknowledge001(),
      respond: respond001(),
      resolve: fallback.resolve(`${S001} Scope, line 13`, 'inquiries are resolved to the customer’s satisfaction, no time given'),
      followUp: followUp001(),
      escalationUpdate: escalation001(),
    },
    complaint: {
      acknowledge: acknowledge001(),
      respond: respond001(),
      resolve: target('resolve', 48, 'hours', 'calendar', `${S001} Scope, line 17: a complaint is to be settled within 48 hours`),
      followUp: followUp001(),
      escalationUpdate: escalation001(),
    },
    support: {
      acknowledge: acknowledge001(),
      respond: respond001(),
      resolve: fallback.resolve(`${S001} Scope, line 13`, 'service requests are resolved to the customer’s satisfaction, no time given'),
      followUp: followUp001(),
      escalationUpdate: escalation001(),
    },
  },
};

function email002() {
  return {
    acknowledge: target('acknowledge', 4, 'hours', 'business', `${S002} §5, line 33: e-mail gets its first response within 4 business hours`),
    respond: target('respond', 1, 'days', 'business', `${S002} §5, line 33: only a first response and a resolution time are set ${DEFAULT_NOTE}: a substantive answer within 1 business day`),
    resolve: target('resolve', 2, 'days', 'business', `${S002} §5, line 33: e-mail is resolved within 2 business days`),
    followUp: fallback.followUp(`${S002} §6, line 43`, 'follow up until resolved and confirm satisfaction, no time given'),
    escalationUpdate: fallback.escalationUpdate(`${S002} §6, line 42`, 'escalate to a supervisor or specialist, no update interval given'),
  };
}

const sop002: SlaPolicy = {
  id: 'sop-002',
  name: 'Customer service standards, e-mail channel (002)',
  source: `${S002}: §5 response time guidelines (e-mail row), §8 NPS surveys`,
  calendar: DEFAULT_CALENDAR,
  dueSoonShare: 0.25,
  usesNps: true,
  followUpsBeforeClose: 1,
  targets: { inquiry: email002(), complaint: email002(), support: email002() },
};

function returnCalls003() {
  return {
    acknowledge: target('acknowledge', 24, 'hours', 'calendar', `${S003} item 4, line 6: return calls and e-mails within 24–48 hours; the first reply is due at the 24-hour end`),
    respond: target('respond', 48, 'hours', 'calendar', `${S003} item 4, line 6: return calls and e-mails within 24–48 hours; the answer is due at the 48-hour end`),
    resolve: fallback.resolve(`${S003} item 2, line 4`, 'asks for procedures on concerns and complaints, no time given'),
    followUp: fallback.followUp(`${S003} item 2, line 4`, 'asks to check customer satisfaction, no time given'),
    escalationUpdate: fallback.escalationUpdate(`${S003} item 5, line 7`, 'refer angry customers to a supervisor, no update interval given'),
  };
}

const sop003: SlaPolicy = {
  id: 'sop-003',
  name: 'Nonprofit call and e-mail return policy (003)',
  source: `${S003}: item 4, calls and e-mails returned within 24–48 hours`,
  calendar: DEFAULT_CALENDAR,
  dueSoonShare: 0.25,
  usesNps: false,
  followUpsBeforeClose: 1,
  targets: { inquiry: returnCalls003(), complaint: returnCalls003(), support: returnCalls003() },
};

const acknowledge004 = target(
  'acknowledge',
  15,
  'minutes',
  'business',
  `${S004} §3.1, line 17: acknowledge an inquiry within 15 minutes of receipt (counted in business hours: a staffed-desk promise)`,
);
const escalation004 = () => fallback.escalationUpdate(`${S004} §5.2, lines 53–55`, 'tag and notify a supervisor at once, no customer update interval given');
const followUp004 = (line: string) => fallback.followUp(`${S004} ${line}`, 'every resolved case gets a follow-up, no time given');

const sop004: SlaPolicy = {
  id: 'sop-004',
  name: 'Customer service protocol, SOP 3 (004)',
  source: `${S004}: §3.1 acknowledgement in 15 minutes, §3.2 inquiries resolved in 24 hours`,
  calendar: DEFAULT_CALENDAR,
  dueSoonShare: 0.25,
  usesNps: false,
  followUpsBeforeClose: 1,
  targets: {
    inquiry: {
      acknowledge: acknowledge004,
      respond: target('respond', 24, 'hours', 'calendar', `${S004} §3.2, line 27: the answer that resolves an inquiry is due within its 24 hours`),
      resolve: target('resolve', 24, 'hours', 'calendar', `${S004} §3.2, line 27: an inquiry should be settled within 24 hours`),
      followUp: followUp004('§12.2, line 125'),
      escalationUpdate: escalation004(),
    },
    complaint: {
      acknowledge: { ...acknowledge004, source: `${S004} §4.1, lines 33–36: no time for complaints ${DEFAULT_NOTE}: the 15 minutes of §3.1, line 17, in business hours` },
      respond: fallback.respond(`${S004} §4.1, line 35`, 'offer solutions, no time given'),
      resolve: fallback.resolve(`${S004} §4.1, lines 33–36`, 'the complaint steps give no time'),
      followUp: followUp004('§4.1, line 36'),
      escalationUpdate: escalation004(),
    },
    support: {
      acknowledge: { ...acknowledge004, source: `${S004} §1, line 7: covers inquiries and complaints only ${DEFAULT_NOTE}: the 15 minutes of §3.1, line 17, in business hours` },
      respond: fallback.respond(`${S004} §1, line 7`, 'support requests are not covered'),
      resolve: fallback.resolve(`${S004} §1, line 7`, 'support requests are not covered'),
      followUp: followUp004('§12.2, line 125'),
      escalationUpdate: escalation004(),
    },
  },
};

/** One policy per procedure document, in document order. */
export const PRESETS: SlaPolicy[] = [sop000, sop001, sop002, sop003, sop004];

/** The preset with this id ('sop-000' … 'sop-004'), if any. */
export function presetById(id: string): SlaPolicy | undefined {
  return PRESETS.find((p) => p.id === id);
}
