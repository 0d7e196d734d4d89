import { render } from 'preact';
// The settings checks and the region pickers need the index of holiday codes at once: it comes with the page.
import '@/utils/calendar/bundled-holiday-codes';
import '@/components/pages/page.css';
import '@/components/options/options.css';
import { OptionsApp } from '@/components/options/options-app';
import { t, uiLanguage } from '@/components/pages/i18n';

document.documentElement.lang = uiLanguage().split('-')[0] || 'en';
document.title = t('options_pageTitle', 'Caseline settings');
const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
