import type { HistoryEntry } from './partners.js';

/** An entity with a status, a version for optimistic locking and an audit trail. */
export interface Versioned<S extends string> {
  status: S;
  version: number;
  updatedAt: string;
  history: HistoryEntry[];
}

export interface StateChange<S extends string> {
  now: string;
  actor: string;
  action: string;
  status?: S;
  note?: string;
}

/** Records a state change (GEN-1): bumps the version and appends who, when, what, before → after. */
export function recordChange<S extends string, T extends Versioned<S>>(entity: T, change: StateChange<S>, patch: Partial<T> = {}): T {
  const to = change.status ?? entity.status;
  const entry: HistoryEntry = {
    at: change.now,
    actor: change.actor,
    action: change.action,
    status: to,
    ...(to !== entity.status ? { from: entity.status, to } : {}),
    ...(change.note ? { note: change.note } : {}),
  };
  return { ...entity, ...patch, status: to, version: entity.version + 1, updatedAt: change.now, history: [...entity.history, entry] };
}

/** An entity driven by a workflow: its execution is named after it and a generation (GEN-4). */
export interface LifecycleEntity<S extends string = string> extends Versioned<S> {
  id: string;
  execution: { generation: number; name: string };
}

/** The first execution of a new entity. */
export const firstExecution = (id: string) => ({ generation: 1, name: `${id}-g1` });
