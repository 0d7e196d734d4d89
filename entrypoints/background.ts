import { browser } from 'wxt/browser';
import { handle, refusedMessageCount } from '@/utils/extension/message-router';

export default defineBackground(() => {
  handle('ping', () => ({ ok: true, value: { version: browser.runtime.getManifest().version, refusedMessages: refusedMessageCount() } }));
  handle('snapshot', (snapshot) => ({ ok: true, value: { caseId: `${snapshot.host}:${snapshot.threadId}` } }));
  handle('health', () => ({ ok: true, value: null }));
});
