/**
 * Checks a whole CaselineSettings object before it is saved: every problem is reported with the
 * dot path of its field ('policy.targets.complaint.resolve.amount') and a sentence a person can
 * act on. Nothing is saved unless everything passes (the pages and the background both call this).
 */
import * as v from 'valibot';
import { CATEGORIES } from '../cases/events';
import { EVENT_TYPES } from '../cases/event-schema';
import { validateCalendar } from '../calendar/validate-calendar';
import { TARGET_NAMES } from '../sla/types';
import type { CaselineSettings } from './settings';
import { hasHolidayCountry as isKnownHolidayCountry, hasHolidayRegion as isKnownHolidayRegion } from '../calendar/holiday-codes';

export interface SettingsError {
  /** Dot path of the field, e.g. 'agent.prefix' or 'policy.calendar.week.mon.1'. */
  field: string;
  message: string;
}

export type SettingsValidation = { ok: true; value: CaselineSettings } | { ok: false; errors: SettingsError[] };

/** The largest amount a target may have, per unit: one year. */
export const MAX_TARGET_AMOUNT: Record<'minutes' | 'hours' | 'days', number> = { minutes: 525_600, hours: 8_760, days: 365 };
export const PREFIX_PATTERN = /^[A-Z0-9]{2,4}$/;
export const LEAD_MINUTES_RANGE = { min: 0, max: 1440 } as const;
export const RETENTION_DAYS_RANGE = { min: 30, max: 3650 } as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** CouchDB database names: lowercase letter first, then lowercase letters, digits and _$()+-/ */
export const COUCH_DB_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

const WEEKDAY_NAMES: Record<string, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
const CATEGORY_NAMES: Record<string, string> = { inquiry: 'Inquiries', complaint: 'Complaints', support: 'Support requests' };
const TARGET_WORDS: Record<string, string> = {
  acknowledge: 'acknowledge',
  respond: 'respond',
  resolve: 'resolve',
  followUp: 'follow up',
  escalationUpdate: 'escalation update',
};

/** Whether the engine knows the IANA zone (Intl throws a RangeError for an unknown one). */
export function isValidTimeZone(zone: unknown): boolean {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A real calendar date written 'YYYY-MM-DD' (no 2026-02-30). */
export function isIsoDate(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** HTTPS anywhere, or plain HTTP on this machine only (127.0.0.1, ::1, localhost). */
export function isAllowedSyncUrl(text: unknown): boolean {
  if (typeof text !== 'string' || text.trim() === '') return false;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

function targetLabel(category: string, target: string): string {
  return `${CATEGORY_NAMES[category] ?? category}, ${TARGET_WORDS[target] ?? target}`;
}

function targetSchema(category: string, target: string) {
  const label = targetLabel(category, target);
  return v.pipe(
    v.object({
      amount: v.pipe(
        v.number(`${label}: the amount must be a number.`),
        v.finite(`${label}: the amount must be a number.`),
        v.gtValue(0, `${label}: the amount must be greater than 0.`),
      ),
      unit: v.picklist(['minutes', 'hours', 'days'], `${label}: choose minutes, hours or days.`),
      clock: v.picklist(['business', 'calendar'], `${label}: choose business time or calendar time.`),
      startOn: v.pipe(
        v.array(v.picklist(EVENT_TYPES, `${label}: an event that starts the clock is not known.`)),
        v.minLength(1, `${label}: name at least one event that starts the clock.`),
      ),
      metBy: v.pipe(
        v.array(v.picklist(EVENT_TYPES, `${label}: an event that meets the target is not known.`)),
        v.minLength(1, `${label}: name at least one event that meets the target.`),
      ),
      pausesWhileWaiting: v.boolean(`${label}: say whether the clock pauses while waiting on the customer.`),
      source: v.pipe(v.string(), v.maxLength(500, `${label}: the source note is too long (500 characters at most).`)),
    }),
    v.forward(
      v.partialCheck(
        [['amount'], ['unit']],
        (t) => t.amount <= MAX_TARGET_AMOUNT[t.unit],
        (issue) => {
          const input = issue.input as { unit?: 'minutes' | 'hours' | 'days' };
          const unit = input.unit ?? 'days';
          return `${label}: the amount must be at most ${MAX_TARGET_AMOUNT[unit]} ${unit} (one year).`;
        },
      ),
      ['amount'],
    ),
  );
}

function categoryTargetsSchema(category: string) {
  const entries = Object.fromEntries(TARGET_NAMES.map((name) => [name, v.optional(targetSchema(category, name))]));
  return v.object(entries as Record<(typeof TARGET_NAMES)[number], v.OptionalSchema<ReturnType<typeof targetSchema>, undefined>>);
}

const Interval = v.tuple([v.string(), v.string()]);
const DayHours = v.optional(v.pipe(v.array(Interval), v.maxLength(6, 'A day can have at most 6 periods of business hours.')));

const CalendarSchema = v.object({
  timeZone: v.pipe(
    v.string('Choose a time zone.'),
    v.check<string, (issue: v.CheckIssue<string>) => string>(isValidTimeZone, (issue) => `The time zone "${String(issue.input)}" is not known: choose one from the list.`),
  ),
  week: v.object({ mon: DayHours, tue: DayHours, wed: DayHours, thu: DayHours, fri: DayHours, sat: DayHours, sun: DayHours }),
  holidays: v.pipe(
    v.array(v.pipe(v.string(), v.check<string, (issue: v.CheckIssue<string>) => string>(isIsoDate, (issue) => `"${String(issue.input)}" is not a date written YYYY-MM-DD.`))),
    v.maxLength(5000, 'There are too many holidays (5000 at most).'),
  ),
});

const PolicySchema = v.object({
  id: v.pipe(v.string(), v.trim(), v.nonEmpty('The policy needs an id.'), v.maxLength(100, 'The policy id is too long.')),
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('Give the policy a name.'), v.maxLength(120, 'The policy name is too long (120 characters at most).')),
  source: v.pipe(v.string(), v.maxLength(2000, 'The policy source note is too long.')),
  calendar: CalendarSchema,
  dueSoonShare: v.pipe(
    v.number('The "due soon" share must be a number.'),
    v.gtValue(0, 'The "due soon" share must be more than 0 %.'),
    v.ltValue(1, 'The "due soon" share must be less than 100 %.'),
  ),
  usesNps: v.boolean(),
  followUpsBeforeClose: v.pipe(
    v.number('Follow-ups before closing must be a whole number.'),
    v.integer('Follow-ups before closing must be a whole number.'),
    v.minValue(0, 'Follow-ups before closing cannot be negative.'),
    v.maxValue(10, 'Follow-ups before closing: 10 at most.'),
  ),
  targets: v.object(
    Object.fromEntries(CATEGORIES.map((c) => [c, categoryTargetsSchema(c)])) as Record<(typeof CATEGORIES)[number], ReturnType<typeof categoryTargetsSchema>>,
  ),
});

const SettingsSchema = v.object({
  version: v.literal(1, 'These settings come from an unknown version of Caseline.'),
  onboarded: v.boolean(),
  role: v.picklist(['agent', 'lead'], 'Choose a role: agent or team lead.'),
  language: v.picklist(['en', 'es'], 'Choose English or Spanish.'),
  agent: v.object({
    id: v.pipe(v.string(), v.trim(), v.nonEmpty('The agent id is missing.'), v.maxLength(100, 'The agent id is too long.')),
    name: v.pipe(
      v.string('Enter your name.'),
      v.trim(),
      v.nonEmpty('Enter your name as customers should see it.'),
      v.maxLength(80, 'Your name is too long (80 characters at most).'),
    ),
    email: v.optional(
      v.pipe(
        v.string(),
        v.trim(),
        v.check((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Enter an e-mail address such as ana@example.org, or leave it empty.'),
      ),
    ),
    prefix: v.pipe(
      v.string('Enter a team prefix.'),
      v.trim(),
      v.regex(PREFIX_PATTERN, 'The team prefix must be 2 to 4 capital letters or digits, such as AB or EU1.'),
    ),
  }),
  company: v.object({
    name: v.pipe(
      v.string('Enter the company name.'),
      v.trim(),
      v.nonEmpty('Enter the company or organisation name customers know you by.'),
      v.maxLength(120, 'The company name is too long (120 characters at most).'),
    ),
  }),
  presetId: v.pipe(v.string(), v.maxLength(100)),
  policy: PolicySchema,
  holidays: v.pipe(
    v.object({
      country: v.pipe(
        v.string(),
        v.check((c) => c === '' || isKnownHolidayCountry(c), (issue) => `"${String(issue.input)}" is not a country with known public holidays: choose one from the list.`),
      ),
      region: v.string(),
      extra: v.pipe(
        v.array(v.pipe(v.string(), v.check<string, (issue: v.CheckIssue<string>) => string>(isIsoDate, (issue) => `"${String(issue.input)}" is not a date written YYYY-MM-DD.`))),
        v.maxLength(1000, 'There are too many closure days (1000 at most).'),
      ),
    }),
    v.forward(
      v.partialCheck(
        [['country'], ['region']],
        (h) => h.region === '' || (h.country !== '' && isKnownHolidayRegion(h.country, h.region)),
        (issue) => `"${String((issue.input as { region?: unknown }).region)}" is not a region of the chosen country: choose one from the list.`,
      ),
      ['region'],
    ),
  ),
  notifications: v.object({
    enabled: v.boolean(),
    leadMinutes: v.pipe(
      v.number('The warning time must be a number of minutes.'),
      v.integer('The warning time must be a whole number of minutes.'),
      v.minValue(LEAD_MINUTES_RANGE.min, 'The warning time cannot be negative.'),
      v.maxValue(LEAD_MINUTES_RANGE.max, 'The warning time must be at most 1440 minutes (one day).'),
    ),
    // Settings saved before the shared inbox have no such field: notifications on mentions start on.
    mentions: v.optional(v.boolean(), true),
  }),
  privacy: v.object({
    retentionDays: v.pipe(
      v.number('Keep records for a number of days.'),
      v.integer('Keep records for a whole number of days.'),
      v.minValue(RETENTION_DAYS_RANGE.min, 'Keep records for at least 30 days.'),
      v.maxValue(RETENTION_DAYS_RANGE.max, 'Keep records for at most 3650 days (ten years).'),
    ),
    syncSubjects: v.boolean(),
  }),
  sync: v.pipe(
    v.object({
      enabled: v.boolean(),
      url: v.pipe(v.string(), v.trim(), v.maxLength(2000, 'The server address is too long.')),
      db: v.pipe(v.string(), v.trim(), v.maxLength(238, 'The database name is too long.')),
      user: v.pipe(v.string(), v.trim(), v.maxLength(200, 'The user name is too long.')),
    }),
    v.forward(
      v.partialCheck(
        [['enabled'], ['url']],
        (s) => !s.enabled || isAllowedSyncUrl(s.url),
        'The server address must start with https:// (plain http:// only for 127.0.0.1 or localhost).',
      ),
      ['url'],
    ),
    v.forward(
      v.partialCheck(
        [['enabled'], ['db']],
        (s) => !s.enabled || COUCH_DB_NAME.test(s.db),
        'The database name must start with a lowercase letter and use only lowercase letters, digits and _$()+-/.',
      ),
      ['db'],
    ),
    v.forward(
      v.partialCheck([['enabled'], ['user']], (s) => !s.enabled || s.user !== '', 'Enter the user name for the team server.'),
      ['user'],
    ),
  ),
});

/** 'week.mon[1]' → 'policy.calendar.week.mon.1'. */
function calendarField(field: string): string {
  return `policy.calendar.${field.replace(/\[(\d+)\]/g, '.$1')}`;
}

/** validateCalendar's wording, with weekdays and periods named for people. */
function calendarMessage(message: string): string {
  const named = message
    .replace(/week\.(mon|tue|wed|thu|fri|sat|sun)\[(\d+)\]/g, (_, day: string, index: string) => `${WEEKDAY_NAMES[day] ?? day} (period ${Number(index) + 1})`)
    .replace(/holidays\[(\d+)\]/g, (_, index: string) => `Holiday ${Number(index) + 1}`)
    .replace(/^week has no business hours at all: give at least one day an interval/, 'The week has no business hours: give at least one day opening hours')
    .replace(/expected "HH:MM" from/g, 'write it as HH:MM, from');
  const sentence = named.charAt(0).toUpperCase() + named.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

function issuesToErrors(issues: readonly v.BaseIssue<unknown>[]): SettingsError[] {
  return issues.map((issue) => ({ field: v.getDotPath(issue) ?? '(settings)', message: issue.message }));
}

/** Validates everything; on success `value` is the cleaned settings (trimmed texts, unknown keys dropped). */
export function validateSettings(input: unknown): SettingsValidation {
  const parsed = v.safeParse(SettingsSchema, input);
  const errors: SettingsError[] = parsed.success ? [] : issuesToErrors(parsed.issues);

  // The calendar rules (intervals, overlaps, a week with no hours) live in utils/calendar.
  const calendar = (input as { policy?: { calendar?: unknown } } | null)?.policy?.calendar;
  if (calendar !== null && typeof calendar === 'object') {
    const checked = validateCalendar(calendar as never);
    if (!checked.ok) {
      const reported = new Set(errors.map((e) => e.field));
      for (const e of checked.errors) {
        const field = calendarField(e.field);
        if (reported.has(field)) continue;
        reported.add(field);
        errors.push({ field, message: calendarMessage(e.message) });
      }
    }
  }

  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const value = parsed.output as CaselineSettings;
  if (value.agent.email === '') delete value.agent.email;
  return { ok: true, value };
}

/** The errors as a field → first message map, for forms. */
export function errorsByField(errors: readonly SettingsError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) if (!(e.field in map)) map[e.field] = e.message;
  return map;
}
