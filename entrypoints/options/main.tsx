import { render } from 'preact';
// The settings checks and the region pickers need the index of holiday codes at once: it comes with the page.
import '@/utils/calendar/bundled-holiday-codes';
import '@/components/pages/page.css';
import '@/components/options/options.css';
import { OptionsApp } from '@/components/options/options-app';
import type { ExportData } from '@/components/options/data-section';
import { t, uiLanguage } from '@/components/pages/i18n';

document.documentElement.lang = uiLanguage().split('-')[0] || 'en';
document.title = t('options_pageTitle', 'Caseline settings');
const root = document.getElementById('app');
// Exports read the database in the page; their code loads on the first export.
const exportData: ExportData = (kind) => import('./export-from-database').then((m) => m.exportFromDatabase(indexedDB, kind));
if (root) render(<OptionsApp exportData={exportData} />, root);
