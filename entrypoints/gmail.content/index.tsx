import { startMailboxContent } from '@/components/content/start-mailbox-content';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main() {
    startMailboxContent({ host: 'gmail' });
  },
});
