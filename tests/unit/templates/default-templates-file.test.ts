/**
 * The background seeds a new database from the default templates file the build writes
 * (templates/defaults.json), not from the module: the file must hold the library as shipped.
 */
import { describe, expect, it } from 'vitest';
import { defaultTemplatesFileText } from '../../../scripts/default-templates-file';
import { defaultTemplatesFromText } from '../../../utils/extension/default-templates-file';
import { DEFAULT_TEMPLATES } from '../../../utils/templates/library';

describe('default templates file', () => {
  it('holds the shipped library, approved, exactly as the module has it', () => {
    const read = defaultTemplatesFromText(defaultTemplatesFileText());
    expect(read).toEqual(DEFAULT_TEMPLATES);
    expect(read.every((t) => t.status === 'approved')).toBe(true);
  });

  it('refuses a file that is not an approved templates file', () => {
    expect(() => defaultTemplatesFromText('{}')).toThrow(/not usable/);
    const drafts = JSON.parse(defaultTemplatesFileText()) as { templates: { status: string }[] };
    drafts.templates[0]!.status = 'draft';
    expect(() => defaultTemplatesFromText(JSON.stringify(drafts))).toThrow(/approved/);
  });
});
