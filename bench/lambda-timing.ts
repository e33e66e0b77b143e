/**
 * Times every Lambda invocation of the local cloud — HTTP handlers and workflow steps —
 * to estimate billed duration (GB-s). The handlers are middy instances loaded once per
 * process (infra/local/functions.ts caches them), so the bench adds one more middleware
 * to each through middy's own `use()`: no project file changes. The span runs from the
 * last `before` to the first `after`, i.e. the handler and the project's inner work;
 * Powertools' context injection around it (well under a millisecond) is left out.
 */
import { functions } from '../infra/catalog.js';
import { loadHandler } from '../infra/local/functions.js';

export interface FunctionTimes {
  invocations: number;
  totalMs: number;
  /** Sum of per-invocation durations rounded up to whole milliseconds, as Lambda bills. */
  billedMs: number;
}

interface MiddyLike {
  use(middleware: { before?: (request: object) => void; after?: (request: object) => void; onError?: (request: object) => void }): unknown;
}

export class LambdaTimes {
  readonly byFunction = new Map<string, FunctionTimes>();
  readonly uninstrumented: string[] = [];
  /**
   * The bench's own time inside the invocation that is ending (section 1's image reads around
   * each DynamoDB write, aws-trace.ts), taken out of its duration. Called in the invocation's
   * async context.
   */
  benchMs: () => number = () => 0;

  /** Adds the timing middleware to every catalogue function that is a middy handler. */
  async instrument(): Promise<void> {
    for (const spec of functions) {
      const handler = (await loadHandler(spec)) as unknown as Partial<MiddyLike>;
      if (typeof handler.use !== 'function') {
        this.uninstrumented.push(spec.name);
        continue;
      }
      const started = new WeakMap<object, number>();
      const done = (request: object) => {
        const t0 = started.get(request);
        if (t0 === undefined) return;
        started.delete(request);
        const ms = Math.max(0, performance.now() - t0 - this.benchMs());
        const entry = this.byFunction.get(spec.name) ?? { invocations: 0, totalMs: 0, billedMs: 0 };
        entry.invocations += 1;
        entry.totalMs += ms;
        entry.billedMs += Math.max(1, Math.ceil(ms));
        this.byFunction.set(spec.name, entry);
      };
      handler.use({ before: (request) => void started.set(request, performance.now()), after: done, onError: done });
    }
  }

  totals(): FunctionTimes {
    const total = { invocations: 0, totalMs: 0, billedMs: 0 };
    for (const t of this.byFunction.values()) {
      total.invocations += t.invocations;
      total.totalMs += t.totalMs;
      total.billedMs += t.billedMs;
    }
    return total;
  }

  snapshot(): Map<string, FunctionTimes> {
    return new Map([...this.byFunction].map(([k, v]) => [k, { ...v }]));
  }
}
