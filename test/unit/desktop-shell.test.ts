// The Electron main process's decisions, tested without Electron (no binary here).
import { describe, expect, it } from 'vitest';
import { electronNativeBindingPath } from '../../main/native-binding';
import { isAppUrl, isExternalLinkAllowed } from '../../main/navigation-policy';
import { RestartBudget } from '../../main/restart-budget';

describe('navigation policy', () => {
  const app = 'http://127.0.0.1:4101';
  it.each([
    ['http://127.0.0.1:4101/', true],
    ['http://127.0.0.1:4101/assets/x.js', true],
    ['http://127.0.0.1:4102/', false],
    ['http://localhost:4101/', false],
    ['https://127.0.0.1:4101/', false],
    ['http://127.0.0.1:4101.attacker.com/', false],
    ['https://example.com.attacker.com', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('isAppUrl(%s) is %s', (url, allowed) => {
    expect(isAppUrl(url, app)).toBe(allowed);
  });

  it.each([
    ['https://orgbench.example/docs', true],
    ['http://localhost:3000', true],
    ['file:///etc/passwd', false],
    ['smb://host/share', false],
    ['javascript:alert(1)', false],
    ['vscode://open', false],
  ])('isExternalLinkAllowed(%s) is %s', (url, allowed) => {
    expect(isExternalLinkAllowed(url)).toBe(allowed);
  });
});

describe('restart budget', () => {
  it('allows three restarts a minute, then refuses until the window passes', () => {
    const budget = new RestartBudget(3, 60_000);
    expect([0, 1000, 2000].map((t) => budget.tryConsume(t))).toEqual([true, true, true]);
    expect(budget.tryConsume(3000)).toBe(false);
    expect(budget.tryConsume(61_000)).toBe(true);
  });
});

describe('native binding path', () => {
  it('keeps the Electron build in its own ABI-named folder', () => {
    const path = electronNativeBindingPath('/app', { ...process.versions, modules: '150' });
    expect(path).toBe(`/app/native/electron-abi150-${process.platform}-${process.arch}/better_sqlite3.node`);
  });
});
