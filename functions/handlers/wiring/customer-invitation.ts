/**
 * Composition root of the customer invitation functions: the AWS adapters behind its ports.
 * The read-only routes take the read ports only (see wiring/enrollment.ts).
 */
import { customerInvitationLoader, customerInvitationReader, customerInvitations } from '#adapters/dynamodb/customer-invitations.js';
import { customers } from '#adapters/dynamodb/customers.js';
import { partners } from '#adapters/dynamodb/partners.js';
import { relationships } from '#adapters/dynamodb/partnerships.js';
import { linkLookup, links } from '#adapters/links.js';
import { mailer } from '#adapters/ses/mailer.js';
import { workflows } from '#adapters/sfn/workflows.js';
import { clock, ids } from '#adapters/system.js';
import type { CustomerInvitationPorts } from '#usecases/customer-invitation/lifecycle.js';

export const customerInvitationPorts: CustomerInvitationPorts = { invitations: customerInvitations, customers, relationships, partners, links, mailer, workflows, clock, ids };

/** The customer invitation GET routes (reads only). */
export const customerInvitationReadPorts = { invitations: customerInvitationReader };
/** The customer link's page (CUS-7: GET changes nothing). */
export const customerInvitationLinkPorts = { invitations: customerInvitationLoader, links: linkLookup, clock };
