import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caseIdFor, newSyncSalt, parseCaseId, syncCaseKey } from '../../../utils/cases/case-id';
import { hmacSha256, sha256, toHex, utf8 } from '../../../utils/cases/sha256';

describe('sha256 / hmacSha256', () => {
  it('matches node:crypto at block boundaries and beyond', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 4099]) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(toHex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('matches the published digest of "abc"', () => {
    expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto HMAC for short and long keys', () => {
    for (const keyLength of [0, 16, 64, 65, 200]) {
      const key = new Uint8Array(randomBytes(keyLength));
      const message = utf8('gmail:18c2f0a9b3 ünïcode');
      expect(toHex(hmacSha256(key, message))).toBe(createHmac('sha256', key).update(message).digest('hex'));
    }
  });
});

describe('case ids', () => {
  it('names a case after host and thread and reads it back', () => {
    expect(caseIdFor('gmail', ' 18c2f0a9b3 ')).toBe('gmail:18c2f0a9b3');
    expect(parseCaseId('outlook:AAQk:ADk=')).toEqual({ host: 'outlook', threadId: 'AAQk:ADk=' });
    expect(parseCaseId('imap:1')).toBeNull();
    expect(parseCaseId('gmail:')).toBeNull();
    expect(() => caseIdFor('gmail', '  ')).toThrow(/thread id/);
  });

  it('hashes a case id under a salt: stable, salt-dependent, not containing the thread id', () => {
    const salt = newSyncSalt();
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    const key = syncCaseKey('gmail:18c2f0a9b3', salt);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(syncCaseKey('gmail:18c2f0a9b3', salt)).toBe(key);
    expect(syncCaseKey('gmail:18c2f0a9b3', newSyncSalt())).not.toBe(key);
    expect(syncCaseKey('gmail:18c2f0a9b4', salt)).not.toBe(key);
    expect(key).not.toContain('18c2f0a9b3');
    expect(key).toBe(createHmac('sha256', salt).update('gmail:18c2f0a9b3').digest('hex'));
    expect(() => syncCaseKey('gmail:1', '')).toThrow(/salt/);
  });
});
