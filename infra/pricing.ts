/**
 * Public AWS list prices the deploy cost estimate (infra/README-deploy.md) is computed from,
 * as named constants a benchmark can reuse. Region us-east-1 (N. Virginia), on-demand,
 * USD, free tiers NOT deducted (they make small volumes cheaper still).
 *
 * Prices as published on the pages named by `source` (checked 2026-11-21 against stored
 * copies of those pages, not live; verify before budgeting).
 */
export const PRICING_REGION = 'us-east-1';
export const PRICING_DATE = '2026-11-21';

export interface Price {
  usd: number;
  unit: string;
  source: string;
}

const price = (usd: number, unit: string, source: string): Price => ({ usd, unit, source });

export const PRICES = {
  /** Standard workflows: $0.025 per 1,000 state transitions (retries count). */
  stepFunctionsStandardTransition: price(0.025 / 1_000, 'state transition', 'https://aws.amazon.com/step-functions/pricing/'),
  /** Lambda on Arm (Graviton), first 7.5 billion GB-s a month. */
  lambdaArmGbSecond: price(0.0000133334, 'GB-second (arm64)', 'https://aws.amazon.com/lambda/pricing/'),
  /** Lambda requests: $0.20 per million. */
  lambdaRequest: price(0.2 / 1_000_000, 'request', 'https://aws.amazon.com/lambda/pricing/'),
  /** DynamoDB on-demand, standard table class: $0.625 per million write request units. */
  dynamodbWriteRequestUnit: price(0.625 / 1_000_000, 'write request unit', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  /** DynamoDB on-demand: $0.125 per million read request units. */
  dynamodbReadRequestUnit: price(0.125 / 1_000_000, 'read request unit', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  /** DynamoDB storage beyond the always-free 25 GB, standard table class. */
  dynamodbStorageGbMonth: price(0.25, 'GB-month', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  /** Continuous backups (point-in-time recovery), per GB-month of table size. */
  dynamodbPitrGbMonth: price(0.2, 'GB-month', 'https://aws.amazon.com/dynamodb/pricing/on-demand/'),
  /** SES outbound email: $0.10 per 1,000 messages. */
  sesEmail: price(0.1 / 1_000, 'email', 'https://aws.amazon.com/ses/pricing/'),
  /** API Gateway HTTP API: $1.00 per million requests (first 300 million). */
  httpApiRequest: price(1 / 1_000_000, 'request', 'https://aws.amazon.com/api-gateway/pricing/'),
  /** EventBridge Scheduler: $1.00 per million invocations (after 14 million free). */
  schedulerInvocation: price(1 / 1_000_000, 'invocation', 'https://aws.amazon.com/eventbridge/pricing/'),
  /** CloudWatch Logs ingestion, Standard log class: $0.50 per GB. */
  logsIngestionGb: price(0.5, 'GB ingested', 'https://aws.amazon.com/cloudwatch/pricing/'),
  /** CloudWatch Logs storage (compressed): $0.03 per GB-month. */
  logsStorageGbMonth: price(0.03, 'GB-month', 'https://aws.amazon.com/cloudwatch/pricing/'),
  /** CloudWatch standard-resolution alarm: $0.10 per alarm metric per month (a metric-math alarm counts each metric). */
  alarmMetricMonth: price(0.1, 'alarm metric-month', 'https://aws.amazon.com/cloudwatch/pricing/'),
  /** KMS customer managed key (the alarm topic's): $1 per key-month. */
  kmsKeyMonth: price(1, 'key-month', 'https://aws.amazon.com/kms/pricing/'),
  /** Secrets Manager: $0.40 per secret-month (API calls $0.05 per 10,000; the functions cache values for 5 minutes). */
  secretMonth: price(0.4, 'secret-month', 'https://aws.amazon.com/secrets-manager/pricing/'),
  /** X-Ray traces recorded beyond 100,000 free a month: $5.00 per million. */
  xrayTraceRecorded: price(5 / 1_000_000, 'trace recorded', 'https://aws.amazon.com/xray/pricing/'),
} as const satisfies Record<string, Price>;

/**
 * What one enrollment uses, happy path (create → confirm contact → vetting webhook →
 * accept agreement → active) plus a reminder. Assumptions, not measurements: a benchmark
 * should replace them with counted values.
 */
export interface EnrollmentUsage {
  stateTransitions: number;
  lambdaInvocations: number;
  /** Average billed duration per invocation (ms), cold starts included. */
  lambdaAvgBilledMs: number;
  lambdaMemoryMb: number;
  apiRequests: number;
  writeRequestUnits: number;
  readRequestUnits: number;
  emails: number;
  /** Lambda + Step Functions (level ALL; execution data only when LogWorkflowExecutionData=true) + API access logs, in KB. */
  logKb: number;
  /** Traces recorded (X-Ray default sampling keeps ~1 request/s + 5 %). */
  traces: number;
}

/** Counted by `npm run bench` (bench/results/latest.md, 2026-12-01; WRU by AWS's billing rules) except where noted. */
export const ENROLLMENT_USAGE: EnrollmentUsage = {
  stateTransitions: 12,
  lambdaInvocations: 6,
  /** Assumed for AWS (≈ 8 ms per invocation locally, where DynamoDB is on loopback). */
  lambdaAvgBilledMs: 100,
  lambdaMemoryMb: 512,
  apiRequests: 6,
  writeRequestUnits: 45,
  readRequestUnits: 8,
  emails: 4,
  /** Assumed. */
  logKb: 120,
  /** Assumed. */
  traces: 2,
};

export interface CostLine {
  item: string;
  usd: number;
}

const sum = (lines: CostLine[]) => lines.reduce((t, l) => t + l.usd, 0);

/** Cost of `count` enrollments (default 1,000) at `usage`, by service. */
export function enrollmentCost(count = 1_000, usage: EnrollmentUsage = ENROLLMENT_USAGE): { lines: CostLine[]; total: number } {
  const n = count;
  const gbSeconds = n * usage.lambdaInvocations * (usage.lambdaAvgBilledMs / 1000) * (usage.lambdaMemoryMb / 1024);
  const lines: CostLine[] = [
    { item: 'Step Functions state transitions', usd: n * usage.stateTransitions * PRICES.stepFunctionsStandardTransition.usd },
    { item: 'Lambda compute (arm64)', usd: gbSeconds * PRICES.lambdaArmGbSecond.usd },
    { item: 'Lambda requests', usd: n * usage.lambdaInvocations * PRICES.lambdaRequest.usd },
    { item: 'HTTP API requests', usd: n * usage.apiRequests * PRICES.httpApiRequest.usd },
    { item: 'DynamoDB writes', usd: n * usage.writeRequestUnits * PRICES.dynamodbWriteRequestUnit.usd },
    { item: 'DynamoDB reads', usd: n * usage.readRequestUnits * PRICES.dynamodbReadRequestUnit.usd },
    { item: 'SES emails', usd: n * usage.emails * PRICES.sesEmail.usd },
    { item: 'CloudWatch Logs ingestion', usd: ((n * usage.logKb) / 1024 / 1024) * PRICES.logsIngestionGb.usd },
    { item: 'X-Ray traces', usd: n * usage.traces * PRICES.xrayTraceRecorded.usd },
  ];
  return { lines, total: sum(lines) };
}

/** What the deployed stack costs a month with no traffic. */
export interface IdleFootprint {
  /** Alarm metrics: every metric every alarm evaluates. */
  alarmMetrics: number;
  kmsKeys: number;
  /** Secrets Manager secrets the stack creates. */
  secrets?: number;
  /** Scheduled invocations a month (the sweep every N minutes), each a Lambda run. */
  scheduledInvocations: number;
  scheduledAvgBilledMs: number;
  scheduledMemoryMb: number;
  tableGb: number;
}

export function idleCost(f: IdleFootprint): { lines: CostLine[]; total: number } {
  const gbSeconds = f.scheduledInvocations * (f.scheduledAvgBilledMs / 1000) * (f.scheduledMemoryMb / 1024);
  const lines: CostLine[] = [
    { item: 'CloudWatch alarms', usd: f.alarmMetrics * PRICES.alarmMetricMonth.usd },
    { item: 'KMS key (alarm topic)', usd: f.kmsKeys * PRICES.kmsKeyMonth.usd },
    { item: 'Secrets Manager secrets', usd: (f.secrets ?? 0) * PRICES.secretMonth.usd },
    { item: 'EventBridge Scheduler', usd: f.scheduledInvocations * PRICES.schedulerInvocation.usd },
    {
      item: 'Scheduled Lambda runs',
      usd: gbSeconds * PRICES.lambdaArmGbSecond.usd + f.scheduledInvocations * PRICES.lambdaRequest.usd,
    },
    { item: 'DynamoDB storage + PITR', usd: f.tableGb * (PRICES.dynamodbStorageGbMonth.usd + PRICES.dynamodbPitrGbMonth.usd) },
  ];
  return { lines, total: sum(lines) };
}
