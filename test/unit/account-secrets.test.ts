// The secrets of account flows: link tokens, one-time codes, their hashes, masks and the
// device description shown in new-device alerts.
import { describe, expect, it } from 'vitest';
import {
  describeDuration,
  hashOtpCode,
  hashToken,
  isWellFormedToken,
  maskEmail,
  maskPhone,
  newOtpCode,
  newSecretToken,
  sameHash,
} from '../../server/accounts/account-tokens';
import { describeDevice, formatTime } from '../../server/accounts/known-devices';

describe('account secrets', () => {
  it('link tokens carry 256 random bits and are stored only as a hash', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newSecretToken()));
    expect(tokens.size).toBe(200);
    const [token = ''] = tokens;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isWellFormedToken(token)).toBe(true);
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(isWellFormedToken(`${token}x`)).toBe(false);
    expect(isWellFormedToken("' OR 1=1 --")).toBe(false);
  });

  it('codes are six digits, and their HMAC is bound to the key and the challenge', () => {
    const codes = Array.from({ length: 500 }, () => newOtpCode());
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(450);
    const hash = hashOtpCode('key-1', 'mfa_1', '123456');
    expect(sameHash(hash, hashOtpCode('key-1', 'mfa_1', '123456'))).toBe(true);
    expect(sameHash(hash, hashOtpCode('key-2', 'mfa_1', '123456'))).toBe(false);
    expect(sameHash(hash, hashOtpCode('key-1', 'mfa_2', '123456'))).toBe(false);
    expect(sameHash(hash, hashOtpCode('key-1', 'mfa_1', '123457'))).toBe(false);
    expect(sameHash(hash, hash.slice(1))).toBe(false);
  });

  it('masks addresses and numbers and words durations for messages', () => {
    expect(maskEmail('alice@acme.test')).toBe('a•••@acme.test');
    expect(maskPhone('+1 (555) 0100-142')).toBe('•••• 0142');
    expect(describeDuration(5 * 60_000)).toBe('5 minutes');
    expect(describeDuration(30 * 60_000)).toBe('30 minutes');
    expect(describeDuration(24 * 3_600_000)).toBe('24 hours');
    expect(describeDuration(7 * 86_400_000)).toBe('7 days');
  });

  it('describes the device of a sign-in from its User-Agent', () => {
    const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
    expect(describeDevice(firefox)).toBe('Firefox 128 on Windows 10');
    const safari =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    expect(describeDevice(safari)).toMatch(/^Safari 17 on iOS/);
    expect(describeDevice(undefined)).toBe('An unknown browser');
    expect(describeDevice('')).toBe('An unknown browser');
    expect(formatTime(new Date('2026-11-27T14:05:00Z'))).toBe('27 Nov 2026, 14:05 UTC');
  });
});
