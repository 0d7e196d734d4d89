/**
 * What each place Caseline keeps data in holds, in words for people (docs/security.md, the
 * erase-registry test). The registries erasure works from (utils/db/erasure.ts STORE_ERASURE,
 * storage-keys.ts STORAGE_KEYS, data-places.ts dataPlaces) keep only what erasing needs, so these
 * words stay out of the background and the content scripts.
 *
 * Typed over the same names (every object store, every storage key, every place id): a new store,
 * key or place does not compile until it is described here.
 */
import type { CaselineStoreName } from '../db/schema';
import type { PlaceId } from './data-places';
import { STORAGE_KEYS } from './storage-keys';

/** What each object store holds. */
export const STORE_HOLDS: { readonly [K in CaselineStoreName]: string } = {
  cases: 'one summary per case: subject, customer address and name, thread id, stage, deadlines, reference',
  events: 'the lifecycle log of each case (who did what, when; outcome notes the agent wrote)',
  outcomes: 'the outcome form of each case: resolution, satisfaction, feedback the agent typed',
  templates: 'reply templates (approved, drafts, retired)',
  settings: 'the install’s settings (hours, targets, agent name, team server address)',
  outbox: 'records waiting to reach the team server (under the privacy rules: no address, no body)',
  checkpoints: 'how far the last pull from the team server got',
  counters: 'the last reference number issued per prefix',
  corrections: 'category corrections as hashed word features (never text)',
  meta: 'the sync salt, sync status and backoff, seeding marks, the deadlines already notified (`<case id>@<due time>`); shared inbox: the team profile (thread salt, members), the thread salt in use, the overridden claims already told, the erased thread keys',
  team: 'the team’s records pulled from the team server (a lead’s dashboard)',
  ownership: 'shared inbox: who owns each conversation, as ownership changes (own and teammates’: who, when, to whom, under the thread key)',
  notes: 'shared inbox: internal notes on conversations (own and teammates’: the text, who wrote it, the teammates mentioned)',
  presence: 'shared inbox: teammates’ presence as last pulled (which thread keys they have open or reply to, since when)',
  threads: 'shared inbox: which local case each thread key stands for (derived)',
  digests: 'per case, what the dashboard reads (event times and kinds)',
  packs: 'the dashboard’s packed rows per source (case ids, event times, SLA states)',
  views: 'the dashboard’s last figures, shown first on its next visit (no case)',
};

/** Why a store whose customer rule is `nothing` holds nothing about any customer (each such store has one). */
export const NO_CUSTOMER_BECAUSE: { readonly [K in CaselineStoreName]?: string } = {
  templates: 'templates are the team’s words, filled with a case’s values only when inserted',
  settings: 'settings are the agent’s and the team’s, never a customer’s',
  checkpoints: 'sequence numbers only',
  counters: 'numbers only',
  packs: 'the digests rule removes the customer’s rows from the packs',
};

/** What each browser.storage key holds. */
export const STORAGE_KEY_HOLDS: { readonly [K in keyof typeof STORAGE_KEYS]: string } = {
  sidebarUi: 'whether the sidebar is collapsed, and its width',
  sidebarCalendar: 'the team’s business calendar (hours, holidays, closures) to warm the countdowns up',
  holidayCountry: 'the country whose public holidays the deadlines use, so a waking background fetches its file at once',
  badgeSchedule: 'the deadline badge as last computed (a count, a colour, a title) and until when it holds, so a waking alarm need not open the database',
  atRiskNotified:
    'for a lead, which unowned conversations were already flagged as about to breach: thread keys (salted hashes, no thread id) with the deadline (memory only, so a warning is not repeated while the browser runs)',
  syncSecret: 'the team server password, to sign in again when the session cookie expires (memory only)',
};

function storageHolds(area: 'local' | 'session'): string {
  return (Object.keys(STORAGE_KEYS) as Array<keyof typeof STORAGE_KEYS>)
    .filter((name) => STORAGE_KEYS[name].area === area)
    .map((name) => `${STORAGE_KEYS[name].key}: ${STORAGE_KEY_HOLDS[name]}`)
    .join('; ');
}

/** What each place outside the database's stores holds; the database and the storage areas list their stores and keys. */
export const PLACE_HOLDS: { readonly [K in PlaceId]: string } = {
  'team-server': 'the team’s copy of synced records (no address, no body), the session cookie for the server, the server’s host permission',
  indexeddb: Object.entries(STORE_HOLDS)
    .map(([name, holds]) => `${name}: ${holds}`)
    .join('; '),
  'storage.local': storageHolds('local'),
  'storage.session': storageHolds('session'),
  notifications: 'deadline warnings on screen: the case’s subject, target and due time (ids `<case id>@<due time>`)',
  badge: 'the count of breached and due-soon cases, and a title saying so',
  'background-memory':
    'settings, the last 100 threads read (subject and newest message, for learning from overrides), derived case states, which tab shows which case, the team server session',
  'mailbox-tabs':
    'the sidebar’s case view and queue, and the chips in the conversation list, of every open Gmail and Outlook tab; the figures an open dashboard shows and the pack it read (told on the live port: it takes them down and reads again)',
};
