/** The sidebar's strings go through the same browser.i18n lookup as the extension pages. */
export { t } from '../pages/i18n';
