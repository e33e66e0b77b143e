import { isRunning, startWorkflow } from '#adapters/sfn/workflows.js';
import { recordChange, type Versioned } from '#domain/history.js';

type Driven = Versioned<string> & { id: string; execution: { generation: number; name: string } };

/**
 * GEN-4: an open entity whose execution is gone gets a new one — the next generation,
 * recorded first — which picks up from the recorded state. Answers whether it re-drove.
 */
export async function redriveIfStranded<T extends Driven>(
  stateMachineArn: string,
  entity: T | undefined,
  isOpen: (entity: T) => boolean,
  record: (next: (current: T, now: string) => T) => Promise<T>,
  input: Record<string, unknown>,
): Promise<boolean> {
  if (!entity || !isOpen(entity) || (await isRunning(stateMachineArn, entity.execution.name))) return false;
  const after = await record((current, now) => {
    const generation = current.execution.generation + 1;
    return recordChange(
      current,
      { now, actor: 'system:sweep', action: 'workflow.redriven', note: `generation ${generation}` },
      { execution: { generation, name: `${current.id}-g${generation}` } } as Partial<T>,
    );
  });
  await startWorkflow(stateMachineArn, after.execution.name, { ...input, wakeups: 0 });
  return true;
}
