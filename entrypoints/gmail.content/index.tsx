import { startMailboxContent } from '../mailbox-content/start-mailbox-content';
import { gmailAdapter } from '@/utils/mailbox/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main() {
    startMailboxContent({ adapter: gmailAdapter });
  },
});
