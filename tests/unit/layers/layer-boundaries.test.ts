/**
 * The directions between layers are lint rules (eslint.config.js): each case below is an import
 * that must be refused where it is written, and its mirror that must be allowed.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const refused: Array<[string, string, string, RegExp]> = [
  ['the case model imports the thread snapshot from the host readers', 'utils/cases/probe.ts', "import type { ThreadSnapshot } from '../mailbox/types';", /utils\/cases\/mail-thread/],
  ['practice imports from the host readers', 'utils/practice/probe.ts', "import type { MailboxAdapter } from '../mailbox/types';", /utils\/cases\/mail-thread/],
  ['the desk imports from the host readers', 'utils/desk/probe.ts', "import type { MailHost } from '../mailbox/types';", /utils\/cases\/mail-thread/],
  ['the protocol imports from the host readers', 'utils/messages-probe.ts', "import type { ThreadSnapshot } from './mailbox/types';", /utils\/cases\/mail-thread/],
  ['the database imports record shapes from sync', 'utils/db/probe.ts', "import type { SyncDoc } from '../sync/docs';", /team-docs/],
  ['the desk imports the messaging protocol', 'utils/desk/probe.ts', "import type { Reply } from '../messages';", /router/],
  ['the desk imports the messaging protocol by alias', 'utils/desk/probe.ts', "import type { Reply } from '@/utils/messages';", /router/],
  ['a view imports a content-script runtime', 'components/sidebar/probe.tsx', "import { startMailboxContent } from '@/entrypoints/mailbox-content/start-mailbox-content';", /views/],
  ['a view opens the database', 'components/sidebar/probe.tsx', "import { openCaselineDb } from '@/utils/db/open';", /background/],
  ['the content runtime opens the database', 'entrypoints/mailbox-content/probe.ts', "import { openDB } from 'idb';", /background/],
];

const allowed: Array<[string, string, string]> = [
  ['the host readers import the snapshot from the domain', 'utils/mailbox/gmail/probe.ts', "import type { ThreadSnapshot } from '../../cases/mail-thread';"],
  ['sync imports record shapes from the domain', 'utils/sync/probe.ts', "import type { SyncDoc } from '../cases/team-docs';"],
  ['the database imports record shapes from the domain', 'utils/db/probe.ts', "import type { SyncDoc } from '../cases/team-docs';"],
  ['the router maps messages to the desk', 'utils/extension/probe.ts', "import type { Reply } from '../messages';\nimport type { CaseDesk } from '../desk/case-desk';"],
  ['the content runtime renders views', 'entrypoints/mailbox-content/probe.tsx', "import { Sidebar } from '@/components/sidebar/Sidebar';"],
];

describe('layer boundaries', () => {
  it.each(refused)('refuses: %s', async (_what, file, code, reason) => {
    const errors = await restrictedImportErrors(file, code);
    expect(errors.length).toBe(1);
    expect(errors[0]).toMatch(reason);
  });

  it.each(allowed)('allows: %s', async (_what, file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});
