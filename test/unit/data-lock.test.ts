import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataLock, LOCK_FILE, readLockOwner } from '../../server/runtime/data-lock';
import { makeTempDir } from '../helpers/temp-dir';

describe('DataLock', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('refuses a second holder and names the first', () => {
    const lock = DataLock.acquire(dir.path, new Date());
    lock.update({ protocolUrl: 'http://127.0.0.1:1', adminUrl: 'http://127.0.0.1:2' });
    expect(() => DataLock.acquire(dir.path, new Date())).toThrow(
      new RegExp(`pid ${process.pid}.*admin API http://127\\.0\\.0\\.1:2.*--data`),
    );
    lock.release();
    expect(existsSync(join(dir.path, LOCK_FILE))).toBe(false);
    DataLock.acquire(dir.path, new Date()).release();
  });

  it('takes over a lock left by a process that has exited', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(
      join(dir.path, LOCK_FILE),
      JSON.stringify({ pid: dead, hostname: hostname(), startedAt: '2020-01-01T00:00:00Z' }),
    );
    const lock = DataLock.acquire(dir.path, new Date());
    expect(readLockOwner(dir.path)?.pid).toBe(process.pid);
    lock.release();
  });

  it('treats an unreadable lock file as stale', () => {
    writeFileSync(join(dir.path, LOCK_FILE), 'not json');
    const lock = DataLock.acquire(dir.path, new Date());
    expect(JSON.parse(readFileSync(join(dir.path, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
