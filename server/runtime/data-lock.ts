/**
 * One server per data folder. The lock file records who holds the folder, so a second
 * server (or the desktop app and the CLI side by side) refuses to start and says which
 * process to stop. A lock left by a process that no longer runs is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../errors';
import { writePrivateFile } from './private-file';

export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  protocolUrl?: string;
  adminUrl?: string;
}

export const LOCK_FILE = 'orgbench.lock';

export class DataLock {
  readonly #path: string;
  #owner: LockOwner;
  #released = false;

  private constructor(path: string, owner: LockOwner) {
    this.#path = path;
    this.#owner = owner;
  }

  /** Takes the lock on `dataDir` or throws `data_dir_locked` naming the holder. */
  static acquire(dataDir: string, now: Date): DataLock {
    const path = join(dataDir, LOCK_FILE);
    const owner: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: now.toISOString() };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const fd = openSync(path, 'wx', 0o600);
        try {
          writeSync(fd, JSON.stringify(owner));
        } finally {
          closeSync(fd);
        }
        return new DataLock(path, owner);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readLockOwner(dataDir);
      if (holder && isAlive(holder)) {
        const where = holder.adminUrl ? `, admin API ${holder.adminUrl}` : '';
        throw new StartupError(
          'data_dir_locked',
          `The data folder ${dataDir} is in use by another Orgbench (pid ${holder.pid} on ${holder.hostname}, started ${holder.startedAt}${where}). Stop that process or choose another folder with --data.`,
        );
      }
      rmSync(path, { force: true });
    }
    throw new StartupError(
      'data_dir_locked',
      `Could not take the lock file ${path}; remove it if no Orgbench is running.`,
    );
  }

  /** Records the listeners' URLs so scripts (and a refused second server) can find us. */
  update(urls: { protocolUrl: string; adminUrl: string }): void {
    this.#owner = { ...this.#owner, ...urls };
    writePrivateFile(this.#path, JSON.stringify(this.#owner));
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    const current = readOwnerAt(this.#path);
    if (current && current.pid === this.#owner.pid && current.startedAt === this.#owner.startedAt) {
      rmSync(this.#path, { force: true });
    }
  }
}

/** The current holder of a data folder, if any lock file is there. */
export function readLockOwner(dataDir: string): LockOwner | undefined {
  return readOwnerAt(join(dataDir, LOCK_FILE));
}

function readOwnerAt(path: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return undefined;
    return parsed as LockOwner;
  } catch {
    // Missing, half-written or foreign content: treated as no owner.
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  // A lock from another machine (a shared folder) cannot be checked: assume it is held.
  if (owner.hostname !== hostname()) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
