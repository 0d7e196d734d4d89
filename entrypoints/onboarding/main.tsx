import { render } from 'preact';
import '@/components/pages/page.css';
import '@/components/options/options.css';
import '@/components/onboarding/onboarding.css';
import { OnboardingApp } from '@/components/onboarding/onboarding-app';
import { t, uiLanguage } from '@/components/pages/i18n';

document.documentElement.lang = uiLanguage().split('-')[0] || 'en';
document.title = t('onboarding_pageTitle', 'Welcome to Caseline');
const root = document.getElementById('app');
if (root) render(<OnboardingApp />, root);
