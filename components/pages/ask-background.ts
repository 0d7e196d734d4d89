/**
 * Sends one protocol message from a page and always resolves with a Reply: a background that
 * is not answering (still starting, or a handler missing) becomes a sentence, not a throw.
 */
import type { ProtocolMap, Reply } from '../../utils/messages';
import { sendMessage } from '../../utils/extension/messenger';
import { t } from './i18n';

type PageMessage = Exclude<keyof ProtocolMap, 'caseUpdated' | 'dataErased'>;
type ValueOf<R> = Extract<R, { ok: true }> extends { value: infer V } ? V : never;

export async function ask<K extends PageMessage>(type: K, data: Parameters<ProtocolMap[K]>[0]): Promise<Reply<ValueOf<ReturnType<ProtocolMap[K]>>>> {
  try {
    const send = sendMessage as unknown as (type: K, data: unknown) => Promise<unknown>;
    const reply = (await send(type, data)) as Reply<ValueOf<ReturnType<ProtocolMap[K]>>> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      return { ok: false, error: t('options_noAnswer', 'Caseline did not answer ($1). Reload the page and try again.', type) };
    }
    return reply;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: t('options_backgroundError', 'Caseline could not do that ($1): $2', [type, detail]) };
  }
}
