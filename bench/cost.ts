/**
 * Section 1 — cost per lifecycle. Each lifecycle runs alone, step by step; after every
 * step the bench waits until the workflows stand still and then reads every counter:
 * API requests (= HTTP Lambda invocations = HTTP API requests), state transitions and
 * Lambda invocations of the workflows, DynamoDB calls and capacity units (ReturnConsumedCapacity,
 * through capacity.ts for the functions and aws-trace.ts for the workflows' direct
 * integrations), emails, and Lambda billed time. The AWS call trace also gives each route's
 * sequential round trips and every AWS call of each step (route-trace.ts). The
 * AWS price per 1,000 lifecycles follows from the list prices in infra/pricing.ts (the
 * same constants the deploy cost estimate uses).
 */
import { PRICES, type Price } from '../infra/pricing.js';
import type { AwsRuleTotals } from './aws-trace.js';
import { median } from './stats.js';
import { callLines, routeSample, summarizeRoute, type RouteRoundTrips, type RouteSample } from './route-trace.js';
import { add, diff, scale, settle, snapshot, zero, type Counters, type Harness } from './harness.js';
import { acceptProviderAgreement, customerInvitationLifecycle, enrollmentLifecycle, newReseller, onboardProvider, orderLifecycle, partnershipLifecycle, putOffer, registerPartnerId, uniqueLabel, type Reseller, type Step } from './flows.js';

/** The Lambda memory the CDK construct gives every function (infra/constructs/partner-function.ts default). */
export const LAMBDA_MEMORY_MB = 512;

/** The infra/pricing.ts constants the bench prices with. */
export const usedPrices = {
  stepFunctionsStandardTransition: PRICES.stepFunctionsStandardTransition,
  lambdaRequest: PRICES.lambdaRequest,
  lambdaArmGbSecond: PRICES.lambdaArmGbSecond,
  dynamodbWriteRequestUnit: PRICES.dynamodbWriteRequestUnit,
  dynamodbReadRequestUnit: PRICES.dynamodbReadRequestUnit,
  sesEmail: PRICES.sesEmail,
  httpApiRequest: PRICES.httpApiRequest,
  schedulerInvocation: PRICES.schedulerInvocation,
};

export interface PriceLine {
  service: string;
  quantity: number;
  unit: string;
  usdPer1000: number;
}

export interface StepCost {
  step: string;
  counters: Counters;
  usdPer1000: number;
  /** The API request's own latency (client side, alone on the machine), median over the runs. */
  apiMs: number;
  /** The route's own AWS calls: sequential round trips, latency over their time (aws-trace.ts). */
  route?: RouteRoundTrips;
  /** Every AWS call the step caused, in the last run (route-trace.ts `callLines`). */
  calls: string[];
}

export interface LifecycleCost {
  lifecycle: string;
  runs: number;
  /** Per lifecycle, averaged over the runs. */
  counters: Counters;
  /** DynamoDB calls and units per lifecycle: the functions' + the workflows' direct integrations. */
  dynamodb: {
    calls: number;
    directCalls: number;
    readUnits: number;
    /** As DynamoDB Local reports them, the direct integrations included. */
    writeUnits: number;
    directReadUnits: number;
    directWriteUnits: number;
    /** WRU by AWS's rules (what the prices use): table, each index, the direct integrations' share (aws-trace.ts `billWrites`). */
    awsRule: AwsRuleTotals;
  };
  lambdaInvocations: number;
  gbSeconds: number;
  lines: PriceLine[];
  usdPer1000: number;
  steps: StepCost[];
}

export interface CostResult {
  lifecycles: LifecycleCost[];
  lambdaMemoryMb: number;
  /** The sweep every 5 minutes, whatever the volume: scheduler + Lambda requests, per month. */
  fixedMonthly: { sweepRuns: number; usd: number };
  notes: string[];
}

export function priceLines(c: Counters): PriceLine[] {
  const gbSeconds = (c.lambdaBilledMs / 1000) * (LAMBDA_MEMORY_MB / 1024);
  const line = (service: string, price: Price, quantity: number): PriceLine => ({ service, quantity, unit: price.unit, usdPer1000: price.usd * quantity * 1000 });
  const p = usedPrices;
  return [
    line('Step Functions (Standard) transitions', p.stepFunctionsStandardTransition, c.stateTransitions),
    line('Lambda requests', p.lambdaRequest, c.apiRequests + c.workflowLambdaInvocations),
    line(`Lambda duration (arm64, ${LAMBDA_MEMORY_MB} MB)`, p.lambdaArmGbSecond, gbSeconds),
    line("DynamoDB writes (on-demand, by AWS's rules)", p.dynamodbWriteRequestUnit, c.awsRule.total),
    line('DynamoDB reads (on-demand)', p.dynamodbReadRequestUnit, c.readUnits + c.directReadUnits),
    line('SES emails', p.sesEmail, c.emails),
    line('API Gateway HTTP API requests', p.httpApiRequest, c.apiRequests),
  ];
}

const total = (lines: PriceLine[]) => lines.reduce((s, l) => s + l.usdPer1000, 0);

/** Runs `lifecycle` `runs` times, measuring each step, and prices the average. */
async function measure(h: Harness, name: string, runs: number, lifecycle: (step: Step, run: number) => Promise<unknown>): Promise<LifecycleCost> {
  const stepTotals = new Map<string, Counters>();
  const stepApiMs = new Map<string, number[]>();
  const stepRoutes = new Map<string, RouteSample[]>();
  const stepCalls = new Map<string, string[]>();
  let whole = zero();
  for (let run = 0; run < runs; run++) {
    await settle(h);
    const step: Step = async (stepName, work) => {
      const before = snapshot(h);
      const mark = h.trace.mark();
      const result = await work();
      const replyMs = (result as { ms?: unknown }).ms;
      await settle(h);
      const d = diff(snapshot(h), before);
      const traced = h.trace.since(mark);
      const sample = typeof replyMs === 'number' ? routeSample(traced.invocations, traced.calls, replyMs) : undefined;
      if (sample) stepRoutes.set(stepName, [...(stepRoutes.get(stepName) ?? []), sample]);
      // The API's latency without the bench's image reads around the route's writes.
      if (typeof replyMs === 'number') stepApiMs.set(stepName, [...(stepApiMs.get(stepName) ?? []), replyMs - (sample?.benchMs ?? 0)]);
      stepCalls.set(stepName, callLines(traced.invocations, traced.calls));
      stepTotals.set(stepName, add(stepTotals.get(stepName) ?? zero(), d));
      whole = add(whole, d);
      return result;
    };
    await lifecycle(step, run);
  }
  const counters = scale(whole, 1 / runs);
  const lines = priceLines(counters);
  return {
    lifecycle: name,
    runs,
    counters,
    dynamodb: {
      calls: counters.dynamodbCalls + counters.directDynamodbCalls,
      directCalls: counters.directDynamodbCalls,
      readUnits: counters.readUnits + counters.directReadUnits,
      writeUnits: counters.writeUnits + counters.directWriteUnits,
      directReadUnits: counters.directReadUnits,
      directWriteUnits: counters.directWriteUnits,
      awsRule: counters.awsRule,
    },
    lambdaInvocations: counters.apiRequests + counters.workflowLambdaInvocations,
    gbSeconds: (counters.lambdaBilledMs / 1000) * (LAMBDA_MEMORY_MB / 1024),
    lines,
    usdPer1000: total(lines),
    steps: [...stepTotals].map(([stepName, c]) => {
      const avg = scale(c, 1 / runs);
      const samples = stepRoutes.get(stepName) ?? [];
      return {
        step: stepName,
        counters: avg,
        usdPer1000: total(priceLines(avg)),
        apiMs: median(stepApiMs.get(stepName) ?? []),
        ...(samples.length ? { route: summarizeRoute(samples) } : {}),
        calls: stepCalls.get(stepName) ?? [],
      };
    }),
  };
}

export async function costSection(h: Harness, runs = 5): Promise<CostResult> {
  const { client: c, mail } = h;
  // Setup outside the measured steps: the operator registers partner IDs and onboards a provider.
  const provider = await onboardProvider(c);
  await acceptProviderAgreement(c, provider);
  const offerId = uniqueLabel('offer');
  await putOffer(c, offerId);
  const resellers: Reseller[] = [];
  for (let i = 0; i < runs; i++) {
    const r = newReseller();
    await registerPartnerId(c, r.partnerId, r.companyName);
    resellers.push(r);
  }
  // Warm every function on the paths once, so no step pays a first import (Lambda cold start is section 3).
  const warm = newReseller();
  await registerPartnerId(c, warm.partnerId, warm.companyName);
  // (Steps settle like the measured ones: back to back, a lifecycle can hit the lost wake-up of section 5.)
  const settled: Step = async (_name, work) => {
    const result = await work();
    await settle(h);
    return result;
  };
  await enrollmentLifecycle(c, mail, warm, settled, false);
  await partnershipLifecycle(c, provider, warm, settled);
  await orderLifecycle(c, provider, warm, offerId, settled);
  await customerInvitationLifecycle(c, provider, settled);

  h.trace.install();
  h.trace.billWrites(h.raw);
  h.trace.recording = true;
  const enrollment = await measure(h, 'enrollment happy path', runs, (step, run) => enrollmentLifecycle(c, mail, resellers[run]!, step, false));
  const partnership = await measure(h, 'accepted partnership request', runs, (step, run) => partnershipLifecycle(c, provider, resellers[run]!, step));
  const order = await measure(h, 'order with partner of record (2 line items)', runs, (step, run) => orderLifecycle(c, provider, resellers[run]!, offerId, step));
  const customerInvitation = await measure(h, 'accepted customer invitation', runs, (step) => customerInvitationLifecycle(c, provider, step));
  h.trace.recording = false;
  h.trace.billWrites(undefined);
  h.trace.clear();
  const unbilled = h.trace.unbilledWrites;
  const check = enrollment.counters.timedInvocations - enrollment.lambdaInvocations;
  const sweepRuns = (30 * 24 * 60) / 5;
  const fixed = sweepRuns * (usedPrices.schedulerInvocation.usd + usedPrices.lambdaRequest.usd);
  return {
    lifecycles: [enrollment, partnership, order, customerInvitation],
    lambdaMemoryMb: LAMBDA_MEMORY_MB,
    fixedMonthly: { sweepRuns, usd: fixed },
    notes: [
      "WRU are priced by AWS's rules (bench/wru-rules.ts: each write's table and index units from the items' images read around the call); DynamoDB Local's own count, which differs, is shown beside them. RRU are DynamoDB Local's count.",
      ...(unbilled ? [`${unbilled} DynamoDB writes could not be billed by AWS's rules (their images could not be read); their units are missing.`] : []),
      `Lambda duration is the handler time measured locally (against DynamoDB Local on loopback), rounded up per invocation to 1 ms and billed at ${LAMBDA_MEMORY_MB} MB; on AWS, network round trips to DynamoDB, SES and Step Functions make it longer.`,
      `Not per lifecycle: the sweep runs every 5 minutes whatever the volume — ${sweepRuns.toLocaleString('en-US')} EventBridge Scheduler invocations and Lambda requests a month, $${fixed.toFixed(4)} a month at list price (plus a few ms of Lambda time per empty run, see section 4).`,
      'The order lifecycle’s POST /customers also creates the customer’s admin in the identity service (Cognito AdminCreateUser, AdminAddUserToGroup); Cognito bills monthly active users, not these calls, so they are not priced here.',
      'Free tiers, storage, CloudWatch logs/metrics, X-Ray and data transfer are not included.',
      ...(Math.abs(check) > 0.01 ? [`timed invocations differ from counted invocations by ${check.toFixed(2)} per lifecycle`] : []),
    ],
  };
}
