import { partnershipLifecycle } from '#usecases/partnership-request/lifecycle.js';
import { partnershipPorts } from '../wiring/partnership.js';
import { lifecycleStepHandler } from './lifecycle-step.js';

/** The partnership request workflow's Lambda steps (workflows/partnership-request.asl.json). */
export const handler = lifecycleStepHandler(partnershipLifecycle(partnershipPorts), 'done');
