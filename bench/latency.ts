/**
 * Section 2 — API latency of four write routes at concurrency 1 and 16, next to one raw
 * DynamoDB Local PutItem measured in the same run on the same table.
 *
 * c=1: one request at a time, and the workflows a request starts are left to finish
 *      before the next one (on AWS they run on other machines), so the number is the
 *      route's own latency.
 * c=16: 16 closed-loop clients; the workflows run alongside in the same process on the
 *      same 2 cores, as they would on one local machine under load.
 * Each sample is a fresh resource (a new tenant enrolling, a new link, a new request, a
 * new provider–reseller pair); everything a sample needs is prepared beforehand and
 * outside the measurement.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { settle, type Harness } from './harness.js';
import { enrollmentBody, newReseller, onboardProvider, registerPartnerId, tokenOfLink, uniqueLabel, type Provider, type Reseller } from './flows.js';
import { verifyTokenIn } from './client.js';
import { percentiles, pool, type Percentiles } from './stats.js';
import { routeSample, summarizeRoute, type RouteRoundTrips, type RouteSample } from './route-trace.js';

export const CONCURRENCIES = [1, 16] as const;

export interface LatencyRow {
  route: string;
  concurrency: number;
  stats: Percentiles;
  errors: number;
  /** Against PutItem at the same concurrency, p50 to p50. */
  overRawP50: { ratio: number; differenceMs: number };
  overRawP99: { ratio: number; differenceMs: number };
  /** c=1 only: the route's own AWS calls per sample — round trips, latency ÷ their time (as in section 1, n = the samples). */
  aws?: RouteRoundTrips;
}

export interface LatencyResult {
  samples: Record<number, number>;
  putItem: Record<number, Percentiles>;
  rows: LatencyRow[];
  notes: string[];
}

interface Options {
  samples: Record<number, number>;
  /** Resellers whose vetting is approved, to accept invitations. */
  enrolledResellers: Reseller[];
  providers: number;
}

/**
 * Measures `task` over `items` at a concurrency; c=1 settles the workflows after every sample
 * and traces the request's own AWS calls (aws-trace.ts records only while the request runs).
 */
async function timed<T>(h: Harness, items: T[], concurrency: number, task: (item: T) => Promise<{ status: number; ms: number }>, expected: number) {
  const latencies: number[] = [];
  const traced: RouteSample[] = [];
  let errors = 0;
  await pool(items, concurrency, async (item) => {
    const mark = concurrency === 1 ? h.trace.mark() : undefined;
    h.trace.recording = mark !== undefined;
    const reply = await task(item);
    h.trace.recording = false;
    if (mark && reply.status === expected) {
      const own = h.trace.since(mark);
      const sample = routeSample(own.invocations, own.calls, reply.ms);
      if (sample) traced.push(sample);
    }
    if (mark) h.trace.clear();
    if (reply.status === expected) latencies.push(reply.ms);
    else {
      errors += 1;
      if (errors <= 3) console.error(`  unexpected status ${reply.status} (expected ${expected})`);
    }
    if (concurrency === 1) await settle(h);
  });
  await settle(h);
  return { latencies, errors, ...(traced.length ? { aws: summarizeRoute(traced) } : {}) };
}

async function rawPutItem(h: Harness, n: number, concurrency: number): Promise<Percentiles> {
  const latencies: number[] = [];
  const prefix = uniqueLabel('RAWPUT');
  await pool(
    Array.from({ length: n }, (_, i) => i),
    concurrency,
    async (i) => {
      const started = performance.now();
      await h.raw.send(
        new PutItemCommand({
          TableName: h.tableName,
          Item: { pk: { S: `${prefix}#${concurrency}#${i}` }, sk: { S: 'RAWPUT' }, at: { S: new Date().toISOString() }, n: { N: String(i) } },
        }),
      );
      latencies.push(performance.now() - started);
    },
  );
  return percentiles(latencies);
}

/** Unique provider–reseller pairs, shuffled so that concurrent accepts rarely share a tenant. */
function pairs(providers: Provider[], resellers: Reseller[], n: number): { provider: Provider; reseller: Reseller }[] {
  const all = providers.flatMap((provider) => resellers.map((reseller) => ({ provider, reseller })));
  if (all.length < n) throw new Error(`only ${all.length} provider–reseller pairs for ${n} accept samples`);
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, n);
}

export async function latencySection(h: Harness, options: Options): Promise<LatencyResult> {
  const { client: c, mail } = h;
  h.trace.install();
  const warm = 5;
  const total = CONCURRENCIES.reduce((s, k) => s + options.samples[k]!, 0) + warm;
  const split = <T>(items: T[]) => {
    const out: Record<number, T[]> = {};
    let at = warm;
    for (const k of CONCURRENCIES) {
      out[k] = items.slice(at, at + options.samples[k]!);
      at += options.samples[k]!;
    }
    return { warm: items.slice(0, warm), ...out } as { warm: T[] } & Record<number, T[]>;
  };

  // Preparation (not measured): partner IDs, tokens, providers.
  const resellers = Array.from({ length: total }, () => newReseller());
  await pool(resellers, 16, async (r) => {
    await registerPartnerId(c, r.partnerId, r.companyName);
    await c.token(r.admin);
  });
  const providers: Provider[] = [];
  for (let i = 0; i < options.providers; i++) providers.push(await onboardProvider(c));
  await pool(providers, 8, (p) => c.token(p.admin));
  await pool(options.enrolledResellers, 8, (r) => c.token(r.admin));
  await settle(h);

  const rows: Omit<LatencyRow, 'overRawP50' | 'overRawP99'>[] = [];
  const record = (route: string, concurrency: number, r: { latencies: number[]; errors: number; aws?: RouteRoundTrips }) =>
    rows.push({ route, concurrency, stats: percentiles(r.latencies), errors: r.errors, ...(r.aws ? { aws: r.aws } : {}) });

  // POST /enrollments — each sample a new tenant.
  const enrollTask = (r: Reseller) => c.request('POST', '/enrollments', { user: r.admin, body: enrollmentBody(r) });
  const byGroup = split(resellers);
  await timed(h, byGroup.warm, 1, enrollTask, 202);
  for (const k of CONCURRENCIES) record('POST /enrollments', k, await timed(h, byGroup[k]!, k, enrollTask, 202));

  // POST /verify/{token} — the links those enrollments emailed.
  const tokens = await pool(resellers, 16, async (r) => verifyTokenIn(await mail.waitFor(r.contactEmail, (e) => /\/verify\//.test(e.text))));
  const verifyTask = (token: string) => c.request('POST', `/verify/${token}`, { headers: { accept: 'application/json' } });
  const tokenGroups = split(tokens);
  await timed(h, tokenGroups.warm, 1, verifyTask, 200);
  for (const k of CONCURRENCIES) record('POST /verify/{token}', k, await timed(h, tokenGroups[k]!, k, verifyTask, 200));

  // POST /partnership-requests — providers take turns; each request to a new address.
  const matched = pairs(providers, options.enrolledResellers, total);
  const links: string[] = new Array(total);
  const requestTask = (i: number) =>
    c
      .request<{ link: string }>('POST', '/partnership-requests', {
        user: matched[i]!.provider.admin,
        body: { email: `partners-${uniqueLabel('lat')}@fabrikam.example`, language: 'en' },
      })
      .then((reply) => {
        links[i] = reply.body.link;
        return reply;
      });
  const indexGroups = split(Array.from({ length: total }, (_, i) => i));
  await timed(h, indexGroups.warm, 1, requestTask, 201);
  for (const k of CONCURRENCIES) record('POST /partnership-requests', k, await timed(h, indexGroups[k]!, k, requestTask, 201));

  // POST /invitations/{token}/accept — each request accepted by its pair's reseller.
  const acceptTask = (i: number) =>
    c.request('POST', `/invitations/${tokenOfLink(links[i]!)}/accept`, { user: matched[i]!.reseller.admin, body: { authorize: true } });
  await timed(h, indexGroups.warm, 1, acceptTask, 201);
  for (const k of CONCURRENCIES) record('POST /invitations/{token}/accept', k, await timed(h, indexGroups[k]!, k, acceptTask, 201));

  // The raw PutItem, same table, same run.
  await rawPutItem(h, 50, 1); // warm-up
  const putItem: Record<number, Percentiles> = {};
  for (const k of CONCURRENCIES) putItem[k] = await rawPutItem(h, options.samples[k]!, k);

  return {
    samples: options.samples,
    putItem,
    rows: rows.map((r) => {
      const raw = putItem[r.concurrency]!;
      return {
        ...r,
        overRawP50: { ratio: r.stats.p50 / raw.p50, differenceMs: r.stats.p50 - raw.p50 },
        overRawP99: { ratio: r.stats.p99 / raw.p99, differenceMs: r.stats.p99 - raw.p99 },
      };
    }),
    notes: [
      'Latency is client-side wall time through the local gateway (JWT check, API Gateway v2 event, in-process handler, DynamoDB Local over loopback, SFN calls to the local server); the client shares the process and its 2 cores with the whole local cloud.',
      'c=1 waits for the started workflows to finish between samples; c=16 runs 16 closed-loop clients with the workflows running alongside.',
      'Handler overhead = route latency over one raw PutItem (ratio) and minus it (difference), both at the same concurrency.',
      'c=1 also traces each request’s own AWS calls (bench/aws-trace.ts, as section 1 does): sequential round trips, and the handler’s and the gateway’s time ÷ the time of those calls, median of the per-sample ratios.',
    ],
  };
}
