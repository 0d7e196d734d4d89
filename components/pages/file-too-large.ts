/** The refusal for a chosen file over a cap, said before the file is read. */
import { mebibytes } from '../../utils/backup/import-limits';
import { t } from './i18n';

export function fileTooLarge(size: number, max: number): string {
  return t('options_fileTooLarge', 'The file is $1; Caseline reads at most $2, so nothing was read or changed.', [mebibytes(size), mebibytes(max)]);
}
