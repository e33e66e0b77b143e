import { customerInvitationLifecycle } from '#usecases/customer-invitation/lifecycle.js';
import { customerInvitationPorts } from '../wiring/customer-invitation.js';
import { lifecycleStepHandler } from './lifecycle-step.js';

/** The customer invitation workflow's Lambda steps (workflows/customer-invitation.asl.json). */
export const handler = lifecycleStepHandler(customerInvitationLifecycle(customerInvitationPorts), 'done');
