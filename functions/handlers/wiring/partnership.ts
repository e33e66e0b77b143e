/** Composition root of the partnership functions: the AWS adapters behind the partnership ports. */
import { enrollments } from '#adapters/dynamodb/enrollments.js';
import { partners } from '#adapters/dynamodb/partners.js';
import { partnershipRequests, relationships } from '#adapters/dynamodb/partnerships.js';
import { links } from '#adapters/links.js';
import { mailer } from '#adapters/ses/mailer.js';
import { workflows } from '#adapters/sfn/workflows.js';
import { clock, ids } from '#adapters/system.js';
import type { PartnershipPorts } from '#usecases/partnership-request/lifecycle.js';
import type { RelationshipPorts } from '#usecases/relationships.js';

export const partnershipPorts: PartnershipPorts = { requests: partnershipRequests, relationships, partners, enrollments, links, mailer, workflows, clock, ids };
export const relationshipPorts: RelationshipPorts = { relationships, partners, clock };
