import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports.js';
import { enrollmentBody, vettingSecret } from '../support/enrollment.js';
import { client, crashKills, killGroup, operatorUser, redrive, scheduling, sleep, startCloud, until, type Call, type Cloud } from '../support/crash.js';

/**
 * Crash durability (issue 14): 20 enrollment lifecycles run concurrently against a local
 * cloud in its own process group, kept on disk; the whole group (gateway, functions,
 * Step Functions, DynamoDB Local's JVM) is SIGKILLed at a random point, restarted on the
 * same data, and every write that was acknowledged (a 2xx) must still be there. After the
 * last restart the scheduled re-drive (GEN-4) takes every lifecycle on to `active`.
 * CRASH_KILLS sets the number of kills (3 in CI).
 */
const LIFECYCLES = 20;
const KILLS = crashKills();
const order = ['pending_contact_verification', 'under_review', 'active'] as const;

interface Lifecycle {
  n: number;
  tenantId: string;
  partnerId: string;
  contactEmail: string;
  id?: string;
  /** The furthest status an acknowledged answer promised. */
  acknowledged?: (typeof order)[number];
  vettingAcknowledged: boolean;
  agreementAcknowledged: boolean;
  enrollKey: string;
  waits: number;
}

let current: Cloud | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'crash-durability-'));
const start = async (port: number) => (current = await startCloud(dataDir, port));

afterAll(async () => {
  if (current) await killGroup(current.child);
  rmSync(dataDir, { recursive: true, force: true });
});

const admin = (l: Lifecycle) => ({ tenantId: l.tenantId, tenantCountry: 'DE', email: `admin-${l.tenantId}@fabrikam.example`, roles: ['global_admin'], sub: `admin-${l.tenantId}` });

/** Takes one lifecycle as far as it can; stops at the first failed connection (the kill). */
async function drive(l: Lifecycle, call: Call, stopped: () => boolean): Promise<void> {
  const user = admin(l);
  while (!stopped()) {
    if (!l.id) {
      const res = await call('POST', '/enrollments', { user, body: enrollmentBody(l.partnerId, l.contactEmail), headers: { 'idempotency-key': l.enrollKey } });
      if (res.status === 202) {
        l.id = res.body.id as string;
        l.acknowledged = 'pending_contact_verification';
      } else if (res.status === 409 && res.body.error?.code === 'idempotency_key_in_use') {
        // The first try was cut off by the kill; its claim lapses with the Lambda's time.
        await sleep(1000);
      } else if (res.status === 409 && res.body.error?.code === 'enrollment_exists') {
        // The first try was written but never answered: the tenant's profile names it.
        l.id = (await call('GET', '/partners/me', { user })).body.enrollmentId as string;
      } else throw new Error(`enroll ${l.n}: ${res.status} ${JSON.stringify(res.body)}`);
      continue;
    }
    const e = await call('GET', `/enrollments/${l.id}`, { user });
    if (e.status !== 200) throw new Error(`get ${l.n}: ${e.status}`);
    const status = e.body.status as string;
    if (status === 'active') return;
    if (status === 'pending_contact_verification') {
      const mails = (await call('GET', `/_local/emails?to=${encodeURIComponent(l.contactEmail)}`)).body as { links: string[] }[];
      const link = mails.flatMap((m) => m.links).reverse().find((x) => x.includes('/verify/'));
      if (!link) {
        // The emulator's outbox lived in the killed process: ask for the email again.
        if (++l.waits % 25 === 0) {
          const resent = await call('POST', `/enrollments/${l.id}/verification-email`, { user });
          if (resent.status === 429) await call('POST', '/_local/clock', { body: { advanceSeconds: 61 } });
        }
        await sleep(200);
        continue;
      }
      const res = await call('POST', new URL(link).pathname, { headers: { accept: 'application/json' } });
      if (res.status === 200) l.acknowledged = 'under_review';
      continue;
    }
    if (e.body.vetting?.status !== 'approved' && status === 'under_review') {
      const payload = JSON.stringify({ type: 'vetting.completed', data: { enrollmentId: l.id, outcome: 'approved', reasons: [] } });
      const now = new Date((await call('POST', '/_local/clock', { body: { advanceSeconds: 0 } })).body.now as string);
      const id = `msg_${randomUUID()}`;
      const res = await call('POST', '/webhooks/vetting', { raw: payload, headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': new Webhook(vettingSecret).sign(id, now, payload) } });
      if (res.status === 204) l.vettingAcknowledged = true;
      continue;
    }
    if (!e.body.agreement?.accepted) {
      const version = (await call('GET', '/agreements/current', { user })).body.version as string;
      const res = await call('POST', '/partners/me/agreements', { user, body: { version, accept: true }, headers: { 'idempotency-key': `agree-${l.tenantId}` } });
      if (res.status === 201 || res.status === 200) l.agreementAcknowledged = true;
      continue;
    }
    await sleep(200);
  }
}

describe('crash durability (issue 14)', () => {
  it(`SIGKILL of the whole local cloud during ${LIFECYCLES} concurrent lifecycles loses no acknowledged write; re-drive completes them all`, async () => {
    const port = await freePort();
    let cloud = await start(port);
    let call = client(cloud);
    const run = Date.now().toString(36);
    const lifecycles: Lifecycle[] = Array.from({ length: LIFECYCLES }, (_, n) => ({
      n,
      tenantId: `crash-${run}-${n}`,
      partnerId: `${Date.now().toString().slice(-6)}${String(n).padStart(2, '0')}`,
      contactEmail: `contact-${run}-${n}@fabrikam.example`,
      vettingAcknowledged: false,
      agreementAcknowledged: false,
      enrollKey: `enroll-${run}-${n}`,
      waits: 0,
    }));
    for (const l of lifecycles) {
      const res = await call('PUT', `/operator/partner-ids/${l.partnerId}`, { user: operatorUser, body: { legalName: 'Fabrikam Reseller GmbH', country: 'DE', status: 'active' } });
      expect(res.status).toBe(200);
    }

    // `checked`: acknowledged writes verified after a restart (each counted once per restart).
    const figures = { kills: 0, checked: 0, atKill: [] as number[], lost: [] as string[] };
    const acknowledgedOf = (l: Lifecycle) => (l.acknowledged ? order.indexOf(l.acknowledged) + 1 : 0) + Number(l.vettingAcknowledged) + Number(l.agreementAcknowledged);
    for (let round = 0; round <= KILLS; round++) {
      const last = round === KILLS;
      let stop = false;
      const drivers = lifecycles.map((l) => drive(l, call, () => stop).catch((error: unknown) => error));
      if (!last) {
        // Kill at a random point of the lifecycles: once a random number of writes (within
        // this round's share of the 4 per lifecycle) has been acknowledged.
        const share = (LIFECYCLES * 4) / KILLS;
        const target = Math.floor(share * round + 1 + Math.random() * (share * 0.8));
        const total = () => lifecycles.reduce((n, l) => n + acknowledgedOf(l), 0);
        await until(total, target);
        await killGroup(cloud.child);
        figures.kills += 1;
        figures.atKill.push(total());
        stop = true;
        await Promise.all(drivers);
        cloud = await start(port);
        call = client(cloud);
        // Every acknowledged write is still there.
        for (const l of lifecycles) {
          if (!l.id) continue;
          figures.checked += acknowledgedOf(l);
          const e = await call('GET', `/enrollments/${l.id}`, { user: admin(l) });
          const reached = e.status === 200 ? order.indexOf(e.body.status) : -1;
          if (reached < order.indexOf(l.acknowledged!)) figures.lost.push(`round ${round}: ${l.id} acknowledged ${l.acknowledged}, found ${e.status} ${e.body.status ?? ''}`);
          const seen = `found ${e.body.status} vetting=${JSON.stringify(e.body.vetting)} agreement=${JSON.stringify(e.body.agreement)} last=${JSON.stringify((e.body.history ?? []).slice(-3))}`;
          if (l.vettingAcknowledged && e.body.vetting?.status !== 'approved' && e.body.status !== 'active') figures.lost.push(`round ${round}: ${l.id} vetting approval, ${seen}`);
          if (l.agreementAcknowledged && !e.body.agreement?.accepted) figures.lost.push(`round ${round}: ${l.id} agreement acceptance, ${seen}`);
        }
        await redrive(call);
      } else {
        const stopScheduling = scheduling(call);
        const finished = await Promise.race([Promise.all(drivers), sleep(240_000).then(() => 'timeout')]);
        stop = true;
        await stopScheduling();
        if (finished === 'timeout') {
          const where = await Promise.all(lifecycles.map(async (l) => `${l.n}:${l.id ? (await call('GET', `/enrollments/${l.id}`, { user: admin(l) })).body.status : 'not enrolled'}`));
          expect.fail(`lifecycles not active after re-drive: ${where.join(', ')}`);
        }
        for (const result of finished as unknown[]) expect(result).toBeUndefined();
      }
    }
    const acknowledged = lifecycles.reduce((n, l) => n + acknowledgedOf(l), 0);
    console.log(`crash test: ${figures.kills} kills, ${acknowledged} acknowledged writes (${figures.atKill.join('/')} acknowledged at the kills, ${figures.checked} checks after restarts), ${figures.lost.length} lost`);
    expect(figures.lost).toEqual([]);
    for (const l of lifecycles) {
      const e = await call('GET', `/enrollments/${l.id!}`, { user: admin(l) });
      expect(e.body.status, l.id).toBe('active');
    }
  }, 300_000 + KILLS * 120_000);
});
