/**
 * Composition root of the partnership functions: the AWS adapters behind the partnership ports.
 * The read-only routes take the read ports only (see wiring/enrollment.ts).
 */
import { enrollments } from '#adapters/dynamodb/enrollments.js';
import { partnerReader, partners } from '#adapters/dynamodb/partners.js';
import { partnershipRequestLoader, partnershipRequestReader, partnershipRequests, relationshipReader, relationships } from '#adapters/dynamodb/partnerships.js';
import { linkLookup, links } from '#adapters/links.js';
import { mailer } from '#adapters/ses/mailer.js';
import { workflows } from '#adapters/sfn/workflows.js';
import { clock, ids } from '#adapters/system.js';
import type { PartnershipPorts } from '#usecases/partnership-request/lifecycle.js';
import type { RelationshipPorts, RelationshipReadPorts } from '#usecases/relationships.js';

export const partnershipPorts: PartnershipPorts = { requests: partnershipRequests, relationships, partners, enrollments, links, mailer, workflows, clock, ids };
export const relationshipPorts: RelationshipPorts = { relationships, partners, clock };

/** The partnership GET routes (reads only). */
export const partnershipReadPorts = { requests: partnershipRequestReader };
/** The invitation link's pages (PRT-4: GET changes nothing). */
export const partnershipLinkPorts = { requests: partnershipRequestLoader, links: linkLookup, partners: partnerReader, clock };
export const relationshipReadPorts: RelationshipReadPorts = { relationships: relationshipReader, partners: partnerReader };
