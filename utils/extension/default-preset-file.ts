/**
 * A fresh install's SLA preset as the background reads it: from the file the build ships
 * (`sla/default-preset.json`, scripts/default-preset-file.ts), the first time it finds no
 * settings. Its shape is checked here; the settings made from it are validated whole before they
 * are stored (utils/desk/app-settings.ts).
 */
import { browser, type PublicPath } from 'wxt/browser';
import type { SlaPolicy } from '../sla/types';

export async function readDefaultPresetFile(): Promise<SlaPolicy> {
  const response = await fetch(browser.runtime.getURL('/sla/default-preset.json' as PublicPath));
  if (!response.ok) throw new Error(`Caseline's default SLA preset could not be read (${response.status}).`);
  return defaultPresetFromText(await response.text());
}

export function defaultPresetFromText(text: string): SlaPolicy {
  const parsed = JSON.parse(text) as Partial<SlaPolicy> | null;
  const usable = !!parsed && typeof parsed.id === 'string' && typeof parsed.targets === 'object' && parsed.targets !== null && typeof parsed.calendar === 'object' && parsed.calendar !== null;
  if (!usable) throw new Error("Caseline's default SLA preset is not usable.");
  return parsed as SlaPolicy;
}
