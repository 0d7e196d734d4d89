import { startMailboxContent } from '../mailbox-content/start-mailbox-content';
import { outlookAdapter } from '@/utils/mailbox/outlook';

export default defineContentScript({
  matches: [
    'https://outlook.live.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
  runAt: 'document_idle',
  main() {
    startMailboxContent({ adapter: outlookAdapter });
  },
});
