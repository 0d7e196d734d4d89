/** About: version, the licences of the data the classifier learnt from, and what stays private. */
import { browser } from 'wxt/browser';
import { t } from '../pages/i18n';

function version(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

export function AboutSection() {
  return (
    <>
      <p data-testid="about-version">{t('options_version', 'Caseline version $1.', version())}</p>
      <h3>{t('options_privacy', 'Privacy')}</h3>
      <ul>
        <li>{t('options_privacy_local', 'E-mail text is read in your browser and never sent anywhere; the classifier runs here too.')}</li>
        <li>{t('options_privacy_store', 'Cases, events and settings are kept in this browser’s storage until you erase them or the retention period ends.')}</li>
        <li>{t('options_privacy_sync', 'With team sync on, only case events, outcomes, approved templates and corrections go to your team’s own server; subjects only if you allow it.')}</li>
        <li>{t('options_privacy_password', 'The sync password is exchanged for a session cookie and not stored.')}</li>
      </ul>
      <h3>{t('options_datasets', 'Data the classifier learnt from')}</h3>
      <ul>
        <li>
          {t('options_dataset_bitext', 'Bitext Customer Service Tagged Training Dataset (sample release), licensed CDLA-Sharing-1.0.')}
        </li>
        <li>
          {t(
            'options_dataset_clinc',
            'CLINC150 (Larson et al., “An Evaluation Dataset for Intent Classification and Out-of-Scope Prediction”, EMNLP-IJCNLP 2019), banking and credit card intents, licensed CC BY 3.0.',
          )}
        </li>
        <li>{t('options_dataset_cfpb', 'Consumer Financial Protection Bureau, Consumer Complaint Database: complaint narratives, public domain (US government work).')}</li>
        <li>{t('options_dataset_holidays', 'Public holidays from the date-holidays package (ISC licence, data CC BY-SA 3.0).')}</li>
      </ul>
    </>
  );
}
