import { describe, expect, it } from 'vitest';
import { checkServerUrl } from '../../../utils/sync/server-url';

describe('checkServerUrl', () => {
  it('accepts HTTPS anywhere and HTTP on loopback only', () => {
    expect(checkServerUrl('https://couch.example.org/')).toEqual({ ok: true, url: 'https://couch.example.org', origin: 'https://couch.example.org' });
    expect(checkServerUrl(' https://example.org:6984/couch ')).toMatchObject({ ok: true, url: 'https://example.org:6984/couch', origin: 'https://example.org:6984' });
    expect(checkServerUrl('http://127.0.0.1:5984')).toMatchObject({ ok: true, url: 'http://127.0.0.1:5984' });
    expect(checkServerUrl('http://localhost:5984')).toMatchObject({ ok: true });
    expect(checkServerUrl('http://[::1]:5984')).toMatchObject({ ok: true });
    expect(checkServerUrl('http://couch.example.org')).toMatchObject({ ok: false, reason: expect.stringContaining('https://') });
    expect(checkServerUrl('http://127.0.0.1.example.org')).toMatchObject({ ok: false });
    expect(checkServerUrl('ftp://127.0.0.1')).toMatchObject({ ok: false });
    expect(checkServerUrl('couch.example.org')).toMatchObject({ ok: false, reason: expect.stringContaining('not a web address') });
    expect(checkServerUrl('https://couch.example.org/?x=1')).toMatchObject({ ok: false });
  });

  it('takes credentials out of the address', () => {
    expect(checkServerUrl('https://admin:p%40ss@couch.example.org')).toEqual({
      ok: true,
      url: 'https://couch.example.org',
      origin: 'https://couch.example.org',
      credentials: { name: 'admin', password: 'p@ss' },
    });
  });
});
