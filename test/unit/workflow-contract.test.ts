import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrollmentSteps } from '#domain/enrollment.js';
import { orderSteps } from '#domain/orders.js';
import { requestSteps } from '#domain/partnerships.js';
import { invitationSteps } from '#domain/lifecycle.js';

/**
 * The workflow ↔ Lambda contract: the steps a lifecycle's Lambda answers (`next`) are
 * exactly the values its workflow's Choice states route on, and no Choice falls through
 * silently — every Default is a Fail state.
 */
const contracts: Record<string, readonly string[]> = {
  'enrollment.asl.json': enrollmentSteps,
  'partnership-request.asl.json': requestSteps,
  'order.asl.json': orderSteps,
  'customer-invitation.asl.json': invitationSteps,
};

type State = { Type: string; Choices?: { Variable?: string; StringEquals?: string }[]; Default?: string };
const statesOf = (file: string): Record<string, State> => JSON.parse(readFileSync(join(import.meta.dirname, '../../workflows', file), 'utf8')).States;

describe('workflow contract: step unions and Choice states agree', () => {
  for (const [file, steps] of Object.entries(contracts)) {
    it(`${file} routes on exactly the steps its Lambda answers`, () => {
      const routed = Object.values(statesOf(file))
        .flatMap((s) => s.Choices ?? [])
        .filter((c) => c.Variable === '$.next' && c.StringEquals !== undefined)
        .map((c) => c.StringEquals);
      expect(new Set(routed)).toEqual(new Set(steps));
    });

    it(`${file}: every Choice Default is a Fail state with an Error and a Cause`, () => {
      const states = statesOf(file);
      const choices = Object.values(states).filter((s) => s.Type === 'Choice');
      expect(choices.length).toBeGreaterThan(0);
      for (const choice of choices) {
        const fallback = states[choice.Default ?? ''] as (State & { Error?: string; Cause?: string }) | undefined;
        expect(fallback?.Type).toBe('Fail');
        expect(fallback?.Error).toBeTruthy();
        expect(fallback?.Cause).toBeTruthy();
      }
    });
  }
});
