/**
 * Composition root of the enrollment functions: the AWS adapters behind the enrollment ports.
 * A function's role is derived from what its bundle calls, so the read-only routes take the
 * read ports only: no writes, no mail, no workflow signals in their bundles or their roles.
 */
import { enrollmentLoader, enrollmentReader, enrollments, timing } from '#adapters/dynamodb/enrollments.js';
import { partners } from '#adapters/dynamodb/partners.js';
import { linkLookup, links } from '#adapters/links.js';
import { mailer } from '#adapters/ses/mailer.js';
import { workflows } from '#adapters/sfn/workflows.js';
import { clock, ids } from '#adapters/system.js';
import type { EnrollmentPorts } from '#usecases/enrollment/lifecycle.js';

export const enrollmentPorts: EnrollmentPorts = { enrollments, partners, links, mailer, workflows, clock, ids, timing };

/** The enrollment GET routes (reads only). */
export const enrollmentReadPorts = { enrollments: enrollmentReader };
/** One enrollment by id (reads only). */
export const enrollmentLoadPorts = { enrollments: enrollmentLoader };
/** The verification link's page (ENR-7: GET changes nothing). */
export const enrollmentLinkPorts = { enrollments: enrollmentLoader, links: linkLookup, clock };
