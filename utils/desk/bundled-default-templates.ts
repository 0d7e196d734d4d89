/** Provides Caseline's default templates from their module (imported for its effect): Node code and tests. */
import { DEFAULT_TEMPLATES } from '../templates/library';
import { provideDefaultTemplates } from './template-library';

provideDefaultTemplates(async () => DEFAULT_TEMPLATES);
