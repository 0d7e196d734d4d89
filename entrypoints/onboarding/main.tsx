import { render } from 'preact';
// The settings checks and the region pickers need the index of holiday codes at once: it comes with the page.
import '@/utils/calendar/bundled-holiday-codes';
import '@/components/pages/page.css';
import '@/components/options/options.css';
import '@/components/onboarding/onboarding.css';
import { OnboardingApp } from '@/components/onboarding/onboarding-app';
import { t, uiLanguage } from '@/components/pages/i18n';

document.documentElement.lang = uiLanguage().split('-')[0] || 'en';
document.title = t('onboarding_pageTitle', 'Welcome to Caseline');
const root = document.getElementById('app');
if (root) render(<OnboardingApp />, root);
