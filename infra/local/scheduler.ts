import type { FunctionSpec } from '../catalog.js';

/** The local EventBridge Scheduler: runs `schedule` functions on a wall-clock timer. */
export function startScheduler(all: FunctionSpec[], everyMinutes: number, invoke: (name: string, event: unknown) => Promise<unknown>) {
  const timers: NodeJS.Timeout[] = [];
  if (everyMinutes > 0) {
    for (const spec of all) {
      if (spec.trigger.kind !== 'schedule') continue;
      const minutes = Math.min(spec.trigger.everyMinutes, everyMinutes);
      const timer = setInterval(() => {
        invoke(spec.name, { source: 'aws.scheduler', 'detail-type': 'Scheduled Event', detail: {} }).catch((error: unknown) =>
          console.error(`scheduled ${spec.name} failed`, error),
        );
      }, minutes * 60_000);
      timer.unref();
      timers.push(timer);
    }
  }
  return { stop: () => timers.forEach(clearInterval) };
}
