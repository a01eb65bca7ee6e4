/**
 * `npm run bench`: throughput and latency of the server on this machine, printed, never
 * asserted. Every loop is bounded in count; all traffic stays on 127.0.0.1.
 */
import { performance } from 'node:perf_hooks';
import { startServer } from '../../server/index';
import { makeTempDir } from '../helpers/temp-dir';

interface Figures {
  label: string;
  count: number;
  seconds: number;
  latencies: number[];
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

function report({ label, count, seconds, latencies }: Figures): void {
  const rate = (count / seconds).toFixed(0).padStart(7);
  const p50 = percentile(latencies, 50).toFixed(2).padStart(7);
  const p99 = percentile(latencies, 99).toFixed(2).padStart(7);
  process.stdout.write(`${label.padEnd(44)} ${rate} req/s   p50 ${p50} ms   p99 ${p99} ms   (n=${count})\n`);
}

async function measure(label: string, count: number, concurrency: number, call: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  report({ label, count, seconds: (performance.now() - started) / 1000, latencies });
}

async function main(): Promise<void> {
  const dir = makeTempDir('orgbench-bench-');
  const bootStarted = performance.now();
  const server = await startServer({ port: 0, adminPort: 0, dataDir: dir.path });
  process.stdout.write(
    `server start (fresh data folder)                  ${(performance.now() - bootStarted).toFixed(0)} ms\n`,
  );
  const headers = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const ok = async (response: Response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  const orgIds: string[] = [];
  try {
    await measure('admin: create organization (synchronous=FULL)', 1000, 4, async (i) => {
      const parentId = i % 10 === 0 || orgIds.length === 0 ? null : orgIds[Math.floor(i / 10) * 10];
      const response = await fetch(`${server.adminUrl}/api/orgs`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: `Customer ${i}`, parentId: parentId ?? null, domains: [`customer-${i}.example`] }),
      });
      const body = (await response.json()) as { id: string };
      orgIds[i] = body.id;
    });
    await measure('admin: list 1000 organizations', 200, 4, async () => {
      await ok(await fetch(`${server.adminUrl}/api/orgs`, { headers }));
    });
    await measure('admin: rename organization', 500, 4, async (i) => {
      const id = orgIds[i % orgIds.length];
      await ok(
        await fetch(`${server.adminUrl}/api/orgs/${id}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ name: `Renamed ${i}` }),
        }),
      );
    });
    const issuer = server.issuers[0]?.issuer ?? '';
    await measure('protocol: discovery document', 2000, 8, async () => {
      await ok(await fetch(`${issuer}/.well-known/openid-configuration`));
    });
    await measure('protocol: JWKS', 2000, 8, async () => {
      await ok(await fetch(`${issuer}/jwks`));
    });
    const rss = process.memoryUsage().rss / 1024 / 1024;
    process.stdout.write(`resident memory after the runs                    ${rss.toFixed(0)} MiB\n`);
  } finally {
    await server.close();
    dir.remove();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
