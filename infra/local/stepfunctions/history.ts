/**
 * Execution history in the shape `GetExecutionHistory` answers: the events AWS emits for
 * the state types the workflows use (Task — including `.waitForTaskToken` callbacks —,
 * Choice, Wait, Succeed, Fail, Pass), each with its `…EventDetails` member.
 *
 * Events come from two places: the interpreter's event log (state entered/exited, read
 * asynchronously) and the server's own Task runner (scheduled/started/submitted/succeeded/
 * failed/timed out). The runner lets pending log events through before it records a task
 * event, and the execution's final event is kept apart and always listed last, so the
 * order is the one AWS shows.
 */

/** One event as stored; `id` and `previousEventId` are given when listed. */
interface StoredEvent {
  timestamp: Date;
  type: string;
  /** e.g. `taskScheduledEventDetails` */
  detailsKey?: string;
  details?: Record<string, unknown>;
}

/** An event of `GetExecutionHistory` (timestamps as epoch seconds on the wire). */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: Date;
  type: string;
  [details: string]: unknown;
}

/** Detail fields that carry execution data (left out when `includeExecutionData` is false). */
const DATA_FIELDS = new Set(['input', 'output', 'parameters', 'cause']);

/** The history of one execution. */
export class ExecutionHistory {
  private readonly events: StoredEvent[] = [];
  private final?: StoredEvent;

  /** Appends an event (before the final one, if the execution already ended). */
  add(timestamp: Date, type: string, detailsKey?: string, details?: Record<string, unknown>): void {
    this.events.push({ timestamp, type, ...(detailsKey === undefined ? {} : { detailsKey, details: details ?? {} }) });
  }

  /** Records the execution's closing event (`ExecutionSucceeded`, `ExecutionFailed`, …); the first one wins. */
  close(timestamp: Date, type: string, detailsKey?: string, details?: Record<string, unknown>): void {
    this.final ??= { timestamp, type, ...(detailsKey === undefined ? {} : { detailsKey, details: details ?? {} }) };
  }

  /** The events in order, numbered from 1. */
  list(includeExecutionData = true): HistoryEvent[] {
    const all = this.final === undefined ? this.events : [...this.events, this.final];
    return all.map((event, index) => ({
      id: index + 1,
      previousEventId: index,
      timestamp: event.timestamp,
      type: event.type,
      ...(event.detailsKey === undefined ? {} : { [event.detailsKey]: includeExecutionData ? event.details : withoutData(event.details ?? {}) }),
    }));
  }
}

function withoutData(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([key]) => !DATA_FIELDS.has(key) && !key.endsWith('Details')));
}

/** `resourceType` and `resource` of a Task's `Resource`, as AWS reports them in task events. */
export function taskResource(resource: string): { resourceType: string; resource: string } {
  const integration = /^arn:aws[\w-]*:states:::(aws-sdk:[\w-]+|[\w-]+):(.+)$/.exec(resource);
  if (integration?.[1] !== undefined && integration[2] !== undefined) return { resourceType: integration[1], resource: integration[2] };
  if (/^arn:aws[\w-]*:lambda:/.test(resource)) return { resourceType: 'lambda', resource };
  return { resourceType: 'unknown', resource };
}

/** The event-type prefix of a state type (`Task` → `TaskStateEntered`). */
export const STATE_TYPES = new Set(['Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Pass', 'Parallel', 'Map']);

/** Every state's type by name, the states of Parallel branches and Map processors included. */
export function stateTypes(definition: unknown): Map<string, string> {
  const types = new Map<string, string>();
  const visit = (machine: unknown): void => {
    if (typeof machine !== 'object' || machine === null) return;
    const states = (machine as { States?: unknown }).States;
    if (typeof states !== 'object' || states === null) return;
    for (const [name, state] of Object.entries(states)) {
      if (typeof state !== 'object' || state === null) continue;
      const s = state as { Type?: unknown; Branches?: unknown; Iterator?: unknown; ItemProcessor?: unknown };
      if (typeof s.Type === 'string') types.set(name, s.Type);
      if (Array.isArray(s.Branches)) s.Branches.forEach(visit);
      visit(s.Iterator);
      visit(s.ItemProcessor);
    }
  };
  visit(definition);
  return types;
}
