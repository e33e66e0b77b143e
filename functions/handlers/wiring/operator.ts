/** Composition root of the operator setup functions. */
import { partnerReader, partners } from '#adapters/dynamodb/partners.js';
import { clock } from '#adapters/system.js';
import type { OperatorSetupPorts } from '#usecases/operator-setup.js';

export const operatorPorts: OperatorSetupPorts = { partners, clock };

/** The partner GET routes. */
export const partnerReadPorts = { partners: partnerReader };
