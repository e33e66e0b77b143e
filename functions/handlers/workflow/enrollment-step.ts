import { enrollmentLifecycle } from '#usecases/enrollment/lifecycle.js';
import { enrollmentPorts } from '../wiring/enrollment.js';
import { lifecycleStepHandler } from './lifecycle-step.js';

/** The enrollment workflow's Lambda steps (workflows/enrollment.asl.json). */
export const handler = lifecycleStepHandler(enrollmentLifecycle(enrollmentPorts), 'done');
