/**
 * Section 4 — scale of the scheduled job. The sweep reads the sparse `due` index
 * (`dueShard` = partition, `dueAt` <= now); its cost must follow what is due, not what
 * is pending.
 *
 * Two runs with 100 due items each, one among 1,000 pending items and one among 100,000:
 * - the 100 due items are real enrollments (fresh tenants that enrolled and did not
 *   confirm); the local clock is moved 2 days + 1 minute so their first verification
 *   reminder (ENR-10) falls due — the sweep reads each, records the reminder with a
 *   versioned write, emails the contact and checks that the workflow still runs (GEN-4);
 * - the rest are filler items written straight into the table with BatchWriteItem,
 *   carrying `dueShard`/`dueAt` 10–35 days ahead, so they sit in the same index partition
 *   but are not due;
 * - between the runs the first 100 are confirmed and rejected by vetting (terminal, out
 *   of the index), so each run sees exactly its own 100.
 * Each run is followed by a second sweep with nothing due (the floor: one Query). A
 * warm-up group of 20 goes through the same first, unmeasured.
 */
import { BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { readConsumedCapacity } from './capacity.js';
import { settle, type Harness } from './harness.js';
import { enrollmentBody, newReseller, registerPartnerId, type Reseller } from './flows.js';
import { verifyTokenIn } from './client.js';
import { pool } from './stats.js';

const DAY = 86_400;

export interface SweepRun {
  pending: number;
  due: number;
  examined: number;
  reminded: number;
  expired: number;
  redriven: number;
  /** Wall time of `POST /_local/sweep` (one invocation of the sweep function). */
  ms: number;
  /** The sweep function's handler time. */
  handlerMs: number;
  queryCalls: number;
  /** Read units of the index Query calls alone (what reading the due index cost). */
  indexReadUnits: number;
  readUnits: number;
  writeUnits: number;
  /** The same sweep right after, with nothing due. */
  emptySweep: { examined: number; ms: number; queryCalls: number; indexReadUnits: number; readUnits: number };
  seeding: { items: number; ms: number; itemsPerSecond: number };
}

export interface SweepResult {
  runs: SweepRun[];
  /** Time of the 100,000 run over the 1,000 run. */
  timeRatio: number;
  notes: string[];
}

let fillerSequence = 0;

/** Writes `count` not-yet-due filler items into the due index, 25 per BatchWriteItem, 16 batches in flight. */
async function seedFiller(h: Harness, count: number, from: Date): Promise<{ items: number; ms: number; itemsPerSecond: number }> {
  const started = performance.now();
  const batches = Math.ceil(count / 25);
  await pool(
    Array.from({ length: batches }, (_, b) => b),
    16,
    async (b) => {
      const size = Math.min(25, count - b * 25);
      let request: Record<string, WriteRequest[]> | undefined = {
        [h.tableName]: Array.from({ length: size }, () => {
          const n = fillerSequence++;
          const id = `benchfill-${n.toString(36)}`;
          const dueAt = new Date(from.getTime() + (10 * DAY + ((n * 7919) % (25 * DAY))) * 1000).toISOString();
          return {
            PutRequest: {
              Item: {
                pk: { S: `ENROLLMENT#${id}` },
                sk: { S: 'ENROLLMENT' },
                id: { S: id },
                status: { S: 'pending_contact_verification' },
                dueShard: { S: 'enrollment' },
                dueAt: { S: dueAt },
                dueAction: { S: 'liveness_check' },
                benchFiller: { BOOL: true },
              },
            },
          };
        }),
      };
      while (request && Object.keys(request).length > 0) {
        const out: { UnprocessedItems?: Record<string, WriteRequest[]> } = await h.raw.send(new BatchWriteItemCommand({ RequestItems: request }));
        request = out.UnprocessedItems && Object.keys(out.UnprocessedItems).length > 0 ? out.UnprocessedItems : undefined;
      }
    },
  );
  const ms = performance.now() - started;
  return { items: count, ms, itemsPerSecond: (count / ms) * 1000 };
}

/** 100 fresh tenants that enroll and do not confirm yet. */
async function pendingEnrollments(h: Harness, n: number): Promise<{ reseller: Reseller; id: string }[]> {
  const resellers = Array.from({ length: n }, () => newReseller());
  const out = await pool(resellers, 16, async (r) => {
    await registerPartnerId(h.client, r.partnerId, r.companyName);
    const reply = await h.client.expect<{ id: string }>(202, 'POST', '/enrollments', { user: r.admin, body: enrollmentBody(r) });
    return { reseller: r, id: reply.body.id };
  });
  await settle(h);
  return out;
}

/** Takes enrollments out of the due index for good: confirmed, then rejected by vetting. */
async function finish(h: Harness, group: { reseller: Reseller; id: string }[]): Promise<void> {
  await pool(group, 16, async ({ reseller, id }) => {
    const mail = await h.mail.waitFor(reseller.contactEmail, (e) => /\/verify\//.test(e.text));
    await h.client.expect(200, 'POST', `/verify/${verifyTokenIn(mail)}`, { headers: { accept: 'application/json' } });
    await h.client.expect(204, 'POST', '/webhooks/vetting', h.client.vettingWebhook(id, 'rejected'));
  });
  await settle(h);
}

async function measuredSweep(h: Harness) {
  const capacityBefore = readConsumedCapacity();
  const timesBefore = h.times.byFunction.get('sweep')?.totalMs ?? 0;
  const started = performance.now();
  const result = await h.client.sweep();
  const ms = performance.now() - started;
  const capacityAfter = readConsumedCapacity();
  await settle(h);
  return {
    result,
    ms,
    handlerMs: (h.times.byFunction.get('sweep')?.totalMs ?? 0) - timesBefore,
    queryCalls: (capacityAfter.byCommand.QueryCommand?.calls ?? 0) - (capacityBefore.byCommand.QueryCommand?.calls ?? 0),
    indexReadUnits: (capacityAfter.byCommand.QueryCommand?.readUnits ?? 0) - (capacityBefore.byCommand.QueryCommand?.readUnits ?? 0),
    readUnits: capacityAfter.readUnits - capacityBefore.readUnits,
    writeUnits: capacityAfter.writeUnits - capacityBefore.writeUnits,
  };
}

export async function sweepSection(h: Harness, sizes: readonly number[] = [1_000, 100_000], due = 100): Promise<SweepResult> {
  const runs: SweepRun[] = [];
  const start = h.client.now();
  let seeded = 0;
  // Warm-up, not measured: a small group falls due and is swept, so the first measured
  // run pays no first import or first-time code path (JIT) that the second would not.
  let previous: { reseller: Reseller; id: string }[] | undefined = await pendingEnrollments(h, 20);
  await h.client.advanceClock(2 * DAY + 60);
  await settle(h);
  await h.client.sweep();
  await settle(h);
  for (const pending of sizes) {
    if (previous) await finish(h, previous);
    const group = await pendingEnrollments(h, due);
    const seeding = await seedFiller(h, pending - due - seeded, start);
    seeded = pending - due;
    await h.client.advanceClock(2 * DAY + 60);
    await settle(h);
    const run = await measuredSweep(h);
    const empty = await measuredSweep(h);
    runs.push({
      pending,
      due,
      examined: run.result.examined,
      reminded: run.result.reminded,
      expired: run.result.expired,
      redriven: run.result.redriven,
      ms: run.ms,
      handlerMs: run.handlerMs,
      queryCalls: run.queryCalls,
      indexReadUnits: run.indexReadUnits,
      readUnits: run.readUnits,
      writeUnits: run.writeUnits,
      emptySweep: { examined: empty.result.examined, ms: empty.ms, queryCalls: empty.queryCalls, indexReadUnits: empty.indexReadUnits, readUnits: empty.readUnits },
      seeding,
    });
    previous = group;
  }
  const first = runs[0]!;
  const last = runs.at(-1)!;
  return {
    runs,
    timeRatio: last.ms / first.ms,
    notes: [
      `Pending = ${due} due enrollments + filler items in the same index partition, not yet due. Seeding is BatchWriteItem, 25 items a call, 16 calls in flight.`,
      'Examined = items the sweep took from the due index and handled; index Query calls and their read units are what reading the index cost, the other read/write units are the work on the due items (ReturnConsumedCapacity).',
      'A warm-up group of 20 falls due and is swept first (not measured), and the clock moves 2 days + 1 minute before each run; filler items are due 10–35 days after the start, so they never fall due here.',
      'Each due item is real work — reads, a versioned TransactWriteItems, an email through SES, a DescribeExecution (GEN-4) — so the time follows the 100 due items, not the index size.',
    ],
  };
}
