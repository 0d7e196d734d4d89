/** Provides a fresh install's SLA preset from its module (imported for its effect): Node code and tests. */
import { findPreset } from '../settings/default-settings';
import { provideDefaultPreset } from './app-settings';

provideDefaultPreset(async () => findPreset(undefined));
