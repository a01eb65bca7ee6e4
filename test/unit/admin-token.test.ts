import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_FILE, establishAdminToken, LaunchCodes, tokenMatches } from '../../server/admin/admin-token';
import { makeTempDir } from '../helpers/temp-dir';

describe('admin token', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('generates 256 random bits per launch and writes them owner-only', () => {
    const a = establishAdminToken(dir.path, undefined);
    const b = establishAdminToken(dir.path, undefined);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
    const file = join(dir.path, ADMIN_TOKEN_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(b);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('takes a given token and refuses a weak one', () => {
    const given = 'x'.repeat(40);
    expect(establishAdminToken(dir.path, given)).toBe(given);
    expect(() => establishAdminToken(dir.path, 'short')).toThrow(/at least 32/);
    expect(() => establishAdminToken(dir.path, `${'y'.repeat(40)} z`)).toThrow(/without spaces/);
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('', 'abc')).toBe(false);
  });
});

describe('launch codes', () => {
  it('work once each', () => {
    const codes = new LaunchCodes();
    const a = codes.issue();
    const b = codes.issue();
    expect(codes.redeem(a)).toBe(true);
    expect(codes.redeem(a)).toBe(false);
    expect(codes.redeem(b)).toBe(true);
    expect(codes.redeem('made-up')).toBe(false);
  });

  it('expire after 15 minutes', () => {
    let now = 0;
    const codes = new LaunchCodes(() => now);
    const code = codes.issue();
    now += 15 * 60 * 1000 + 1;
    expect(codes.redeem(code)).toBe(false);
  });
});
