import { createHash } from 'node:crypto';

/**
 * Physical names the stack fixes up front. The state machine name in particular must be
 * known without referencing the resource: functions that a workflow invokes also start or
 * signal it, and a `Ref` in both directions would be a circular dependency.
 */
const fit = (name: string, max: number): string => {
  if (name.length <= max) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, max - 9)}-${hash}`;
};

/** `<stack>-<function>`, at most 64 characters (the Lambda limit). */
export const functionPhysicalName = (stackName: string, functionName: string): string =>
  fit(`${stackName}-${functionName}`, 64);

/** `<stack>-<workflow>`, at most 80 characters (the Step Functions limit). */
export const stateMachinePhysicalName = (stackName: string, workflowName: string): string =>
  fit(`${stackName}-${workflowName}`, 80);

/** CamelCase construct id from a kebab-case catalogue name (`get-partner-me` → `GetPartnerMe`). */
export const constructId = (kebab: string): string =>
  kebab
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
