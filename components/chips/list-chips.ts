/**
 * Small chips in the mailbox's own conversation list: category, nearest deadline and, in a
 * shared inbox, the owner's initials of each tracked row. Each chip is a custom element with its
 * own shadow root and text only.
 */
import type { ListChip } from '@/utils/case-view';
import { formatDueTime, STATE_WORDS } from '@/utils/countdown/describe-countdown';
import type { MailboxAdapter } from '@/utils/mailbox/types';

const CHIP_TAG = 'caseline-chip';
const COLORS: Record<string, string> = { inquiry: '#0b57d0', complaint: '#b3261e', support: '#7c3aed' };
const LETTERS: Record<string, string> = { inquiry: 'Inquiry', complaint: 'Complaint', support: 'Support' };

export function placeListChips(doc: Document, chips: ListChip[], adapter: Pick<MailboxAdapter, 'listRowAnchor'>): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const chip of chips) {
    const anchor = adapter.listRowAnchor(doc, chip.threadId);
    if (!anchor) continue;
    let el = anchor.querySelector<HTMLElement>(CHIP_TAG);
    if (!el) {
      el = doc.createElement(CHIP_TAG);
      el.attachShadow({ mode: 'open' });
      anchor.prepend(el);
    }
    const label = `${LETTERS[chip.category] ?? chip.category}${chip.dueAt ? ` · ${chip.state ? STATE_WORDS[chip.state] : ''} ${formatDueTime(chip.dueAt, zone)}` : ''}${chip.ownerInitials ? ` · ${chip.ownerInitials}` : ''}`;
    if (el.dataset.label === label) continue;
    el.dataset.label = label;
    el.dataset.caseId = chip.caseId;
    if (chip.owner) el.dataset.owner = chip.owner;
    else delete el.dataset.owner;
    el.setAttribute('title', chip.ownerName ? `${label.replace(/ · [^·]+$/, '')} · owner: ${chip.ownerName}` : label);
    const root = el.shadowRoot!;
    const span = doc.createElement('span');
    span.textContent = label;
    const bad = chip.state === 'breached';
    const warn = chip.state === 'due_soon';
    span.style.cssText = `display:inline-block;margin-right:6px;padding:0 6px;border-radius:999px;font:600 11px/16px system-ui,sans-serif;color:#fff;background:${COLORS[chip.category] ?? '#555'};${bad ? 'box-shadow:0 0 0 2px #cf222e;' : warn ? 'box-shadow:0 0 0 2px #d4a72c;' : ''}`;
    root.replaceChildren(span);
  }
}

/** Takes the chips of these cases (all chips, without caseIds) out of the conversation list. */
export function removeListChips(doc: Document, caseIds?: ReadonlySet<string>): void {
  for (const el of doc.querySelectorAll<HTMLElement>(CHIP_TAG)) {
    if (!caseIds || caseIds.has(el.dataset.caseId ?? '')) el.remove();
  }
}
