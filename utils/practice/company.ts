/** The fictional company, its agent and its team mailbox used throughout the practice mailbox. */
import type { PracticeParty } from './types';

export const PRACTICE_COMPANY = 'Northwind Home & Energy';

/** The agent who answers every thread in the demo. */
export const PRACTICE_AGENT: PracticeParty = { name: 'Sam Rivera', email: 'sam@northwind.example' };

/** The team mailbox customers write to (the "To" of their messages). */
export const PRACTICE_TEAM_MAILBOX: PracticeParty = { name: 'Northwind Customer Care', email: 'care@northwind.example' };
