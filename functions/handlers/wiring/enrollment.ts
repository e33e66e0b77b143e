/** Composition root of the enrollment functions: the AWS adapters behind the enrollment ports. */
import { enrollments, timing } from '#adapters/dynamodb/enrollments.js';
import { partners } from '#adapters/dynamodb/partners.js';
import { links } from '#adapters/links.js';
import { mailer } from '#adapters/ses/mailer.js';
import { workflows } from '#adapters/sfn/workflows.js';
import { clock, ids } from '#adapters/system.js';
import type { EnrollmentPorts } from '#usecases/enrollment/lifecycle.js';

export const enrollmentPorts: EnrollmentPorts = { enrollments, partners, links, mailer, workflows, clock, ids, timing };
