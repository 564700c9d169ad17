import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { encode } from 'next-auth/jwt';
import { startSession } from '@/lib/auth/start-session';
import { prisma } from '@/lib/db';
import { createUser } from '@/prisma/seed/users';
import { startNext, waitForHealthy } from '../lib/app-server.mjs';
import { buildApp, isBuildCurrent } from '../lib/build.mjs';
import { freePort } from '../lib/database.mjs';
import { summarize } from './stats.mjs';
import type { BenchContext, BenchRow } from './types';

// The production server under load (issue 15): `next start` on the bench
// database, signed in as a coordinator by a session cookie (as e2e/fixtures.ts
// mints it). Measures, over real HTTP:
//   - 50 connections at once asking for the candidate list (GET /api/v1/candidates,
//     what the list page's data costs: session check, two queries, the access-log write);
//   - the candidate CSV export of every candidate, to the last byte, with the
//     server's resident memory sampled while it streams.

const CONNECTIONS = 50;
const LOAD_REQUESTS = 1_000;
const LOAD_WARMUP = 100;
/**
 * Requests a server has answered before its steady state is measured: the first thousand or so
 * after a start are still being compiled by V8's JIT (Node CPU per list request about 5.4 ms in
 * that window, about 3.5 ms once warm, measured per process from /proc). Both are reported.
 */
const STEADY_WARMUP = 2_000;
const LOAD_TARGET_P95_MS = 200;
const EXPORT_RUNS = 3;
const EXPORT_TARGET_MS = 5_000;
/** "Flat" memory: the server may grow by at most this much while it streams any size of export. */
const EXPORT_RSS_BUDGET_MB = 64;

/** Resident memory of a process and its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const children = readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return total;
}

type Result = { status: number; ms: number; bytes: number };

function request(agent: http.Agent, url: string, cookie: string): Promise<Result> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { cookie, accept: 'application/json' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** `connections` loops, each sending its next request when the last one answered, until `total` are done. */
async function load(url: string, cookie: string, connections: number, total: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const samples: number[] = [];
  let sent = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (sent < total) {
        sent += 1;
        const result = await request(agent, url, cookie);
        if (result.status !== 200) failures += 1;
        samples.push(result.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { ...summarize(samples), failures, perSecond: samples.length / seconds };
}

export async function run({ log }: BenchContext): Promise<BenchRow[]> {
  if (!isBuildCurrent()) {
    log('  building the app (next build)…');
    await buildApp();
  }
  const coordinator = await createUser(prisma, { role: 'COORDINATOR', name: 'Bench Load Coordinator' });
  const secret = randomBytes(32).toString('base64url');
  const now = Date.now();
  const token = await encode({
    secret,
    token: {
      sid: await startSession(coordinator.id),
      sub: coordinator.id,
      name: coordinator.name,
      email: coordinator.email,
      uid: coordinator.id,
      sv: coordinator.sessionVersion,
      authTime: now,
      lastActive: now,
    },
  });
  const cookie = `next-auth.session-token=${token}`;
  const total = await prisma.candidate.count({ where: { voidedAt: null } });
  await prisma.$disconnect();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startNext({
    port,
    env: { NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://localhost:${port}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealthy(base, { child: server });
    const pid = server.pid ?? 0;
    const listUrl = `${base}/api/v1/candidates`;
    const probe = await request(new http.Agent(), listUrl, cookie);
    if (probe.status !== 200)
      throw new Error(`GET /api/v1/candidates answered ${probe.status}; the session cookie was not accepted.`);

    await load(listUrl, cookie, CONNECTIONS, LOAD_WARMUP);
    const list = await load(listUrl, cookie, CONNECTIONS, LOAD_REQUESTS);
    log(
      `  candidate list, ${CONNECTIONS} connections, just started: p50 ${list.p50.toFixed(0)} / p95 ${list.p95.toFixed(0)} ms, ${list.perSecond.toFixed(0)} req/s, ${list.failures} failed`,
    );
    await load(listUrl, cookie, CONNECTIONS, STEADY_WARMUP);
    const steady = await load(listUrl, cookie, CONNECTIONS, LOAD_REQUESTS);
    log(
      `  candidate list, ${CONNECTIONS} connections, warm: p50 ${steady.p50.toFixed(0)} / p95 ${steady.p95.toFixed(0)} ms, ${steady.perSecond.toFixed(0)} req/s, ${steady.failures} failed`,
    );

    const exportUrl = `${base}/api/v1/candidates/export`;
    const exportSamples: number[] = [];
    let rssGrowth = 0;
    let rows = 0;
    let bytes = 0;
    for (let i = 0; i < EXPORT_RUNS; i += 1) {
      const before = treeRss(pid);
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, treeRss(pid));
      }, 20);
      const result = await request(new http.Agent(), exportUrl, cookie);
      clearInterval(sampler);
      peak = Math.max(peak, treeRss(pid));
      if (result.status !== 200) throw new Error(`The export answered ${result.status}.`);
      exportSamples.push(result.ms);
      rssGrowth = Math.max(rssGrowth, peak - before);
      bytes = result.bytes;
      rows = total;
      log(
        `  export run ${i + 1}: ${result.ms.toFixed(0)} ms, ${(result.bytes / 1_048_576).toFixed(1)} MB, server RSS ${(before / 1_048_576).toFixed(0)} -> peak ${(peak / 1_048_576).toFixed(0)} MB`,
      );
    }
    const exported = summarize(exportSamples);
    const growthMb = rssGrowth / 1_048_576;
    return [
      {
        scenario: `Candidate list, ${CONNECTIONS} concurrent connections, server just started (GET /api/v1/candidates, ${total.toLocaleString('en-US')} candidates)`,
        runs: LOAD_REQUESTS,
        p50: list.p50,
        p95: list.p95,
        directP50: null,
        directP95: null,
        note: `requests ${LOAD_WARMUP + 1}–${LOAD_WARMUP + LOAD_REQUESTS} after the server started; ${list.perSecond.toFixed(0)} requests/s over keep-alive connections, ${list.failures} not 200; production build (next start), session cookie checked against the database on every request, each read written to the access log`,
        target: `p95 ≤ ${LOAD_TARGET_P95_MS} ms`,
        pass: list.p95 <= LOAD_TARGET_P95_MS && list.failures === 0,
      },
      {
        scenario: `Candidate list, ${CONNECTIONS} concurrent connections, warm server (GET /api/v1/candidates, ${total.toLocaleString('en-US')} candidates)`,
        runs: LOAD_REQUESTS,
        p50: steady.p50,
        p95: steady.p95,
        directP50: null,
        directP95: null,
        note: `the same, after ${STEADY_WARMUP.toLocaleString('en-US')} more requests (V8 has compiled the request path); ${steady.perSecond.toFixed(0)} requests/s, ${steady.failures} not 200`,
        target: `p95 ≤ ${LOAD_TARGET_P95_MS} ms`,
        pass: steady.p95 <= LOAD_TARGET_P95_MS && steady.failures === 0,
      },
      {
        scenario: `Candidate CSV export, every candidate (${rows.toLocaleString('en-US')} rows), to the last byte`,
        runs: EXPORT_RUNS,
        p50: exported.p50,
        p95: exported.p95,
        directP50: null,
        directP95: null,
        note: `${(bytes / 1_048_576).toFixed(1)} MB of CSV; server resident memory grew by at most ${growthMb.toFixed(0)} MB during a run (sampled every 20 ms, budget ${EXPORT_RSS_BUDGET_MB} MB)`,
        target: `p95 ≤ ${EXPORT_TARGET_MS.toLocaleString('en-US')} ms, memory growth ≤ ${EXPORT_RSS_BUDGET_MB} MB`,
        pass: exported.p95 <= EXPORT_TARGET_MS && growthMb <= EXPORT_RSS_BUDGET_MB,
      },
    ];
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}
