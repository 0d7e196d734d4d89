/** The question before inserting a template or sending while a teammate replies to the same customer. */
import { useEffect, useRef } from 'preact/hooks';
import type { SidebarState } from './sidebar-state';
import { t } from './i18n';

export function ConfirmBox({ confirm, onAnswer }: { confirm: NonNullable<SidebarState['confirm']>; onAnswer: (go: boolean) => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), [confirm]);
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="reply-warning">
      <p id="confirm-text">{confirm.text}</p>
      <div class="actions">
        <button type="button" ref={cancel} onClick={() => onAnswer(false)}>
          {confirm.action === 'send' ? t('confirm_dont_send', 'Do not send') : t('cancel', 'Cancel')}
        </button>
        <button type="button" class="danger" data-action="confirm" onClick={() => onAnswer(true)}>
          {confirm.action === 'send' ? t('confirm_send', 'Send anyway') : t('confirm_insert', 'Insert anyway')}
        </button>
      </div>
    </div>
  );
}
