/** The sidebar's state and the actions it can ask for; the content script provides both. */
import type { CaseView, QueueItem } from '@/utils/case-view';
import type { CaseCommand } from '@/utils/cases/lifecycle';
import type { Category } from '@/utils/cases/events';
import type { MailFact } from '@/utils/mailbox/strategy-chain';
import type { AdapterDiagnostics } from '@/utils/mailbox/types';
import type { CaseTeamView, MentionView } from '@/utils/shared-inbox/case-team-view';
import type { OwnershipCommand } from '@/utils/shared-inbox/ownership';
import type { PresenceForTab } from '@/utils/shared-inbox/presence';
import type { QueueScope } from '@/utils/shared-inbox/queue-scope';
import type { ThreadDeadline } from '@/utils/shared-inbox/unassigned-at-risk';

export interface PendingTemplate {
  templateId: string;
  templateName: string;
  missing: Array<{ name: string; label: string }>;
  values: Record<string, string>;
}

export interface SidebarState {
  host: 'gmail' | 'outlook';
  view: CaseView | null;
  /** The page shows a thread but the adapter could not read it. */
  unreadable?: AdapterDiagnostics;
  /** Facts of the open thread the adapter could not find while it read the rest (left out, named in a note). */
  layoutGaps?: MailFact[];
  /** A layout report to copy by hand: set when the browser refused to copy it. */
  layoutReport?: string;
  /** A thread is open (whether or not a case exists for it). */
  threadOpen: boolean;
  busy: boolean;
  /** A sentence to show: a refused action, a failed write. */
  error?: string;
  /** A short confirmation, e.g. "Template inserted". */
  notice?: string;
  collapsed: boolean;
  width: number;
  tab: 'case' | 'queue' | 'mentions';
  queue: QueueItem[];
  /** Shared inbox: the queue's view (Mine, Unassigned, Everyone's). */
  queueScope: QueueScope;
  /** For leads: open conversations nobody owns that are about to breach. */
  atRisk: ThreadDeadline[];
  /** The team's side of the case shown: owner, notes, team. */
  team?: CaseTeamView;
  /** Teammates on the conversation shown (and whether presence is shared at all). */
  presence?: PresenceForTab;
  mentions: MentionView[];
  mentionsUnseen: number;
  /** A question before inserting or sending while a teammate replies to the same customer. */
  confirm?: { text: string; action: 'insert' | 'send'; templateId?: string; values?: Record<string, string> };
  paletteOpen: boolean;
  pendingTemplate?: PendingTemplate;
  theme: 'light' | 'dark';
}

export interface SidebarActions {
  command(command: CaseCommand): void;
  overrideCategory(category: Category): void;
  insertTemplate(templateId: string, values?: Record<string, string>): void;
  cancelTemplate(): void;
  openQueueItem(item: QueueItem): void;
  showTab(tab: 'case' | 'queue' | 'mentions'): void;
  changeOwner(command: OwnershipCommand): void;
  /** Resolves true when the note was saved (the composer empties). */
  addNote(text: string): Promise<boolean>;
  setQueueScope(scope: QueueScope): void;
  openMention(mention: MentionView): void;
  /** The agent answered the question before inserting or sending. */
  confirmWarning(go: boolean): void;
  setCollapsed(collapsed: boolean): void;
  setWidth(width: number): void;
  openPalette(): void;
  closePalette(): void;
  copy(text: string, what: string): void;
  /** Builds the layout report of the page and copies it (or shows it to copy by hand). */
  copyLayoutReport(): void;
  dismissMessage(): void;
}

export const MIN_WIDTH = 280;
export const MAX_WIDTH = 560;
export const DEFAULT_WIDTH = 340;
