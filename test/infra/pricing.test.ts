import { describe, expect, it } from 'vitest';
import { ENROLLMENT_USAGE, PRICES, PRICING_DATE, PRICING_REGION, enrollmentCost, idleCost } from '../../infra/pricing.js';

describe('pricing constants (infra/pricing.ts)', () => {
  it('name region, date and a source page for every price', () => {
    expect(PRICING_REGION).toBe('us-east-1');
    expect(PRICING_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [name, p] of Object.entries(PRICES)) {
      expect(p.usd, name).toBeGreaterThan(0);
      expect(p.source, name).toMatch(/^https:\/\/aws\.amazon\.com\//);
    }
  });

  it('estimates scale linearly and add up', () => {
    const one = enrollmentCost(1_000, ENROLLMENT_USAGE);
    const two = enrollmentCost(2_000, ENROLLMENT_USAGE);
    expect(two.total).toBeCloseTo(2 * one.total, 10);
    expect(one.total).toBeCloseTo(one.lines.reduce((t, l) => t + l.usd, 0), 10);
    const idle = idleCost({ alarmMetrics: 10, kmsKeys: 1, scheduledInvocations: 0, scheduledAvgBilledMs: 0, scheduledMemoryMb: 512, tableGb: 0 });
    expect(idle.total).toBeCloseTo(2, 10);
  });
});
