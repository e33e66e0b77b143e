/** ENR-9: one email to the primary contact per enrollment status change. */
import type { EmailTexts, EnrollmentEmailName } from '../catalogues.js';
import { action, paragraph, type Block, type EmailDraft } from './layout.js';
import { reasonBlocks, requirementBlocks, type Reason } from './parts.js';

export type EnrollmentStatusForEmail =
  | 'under_review'
  | 'more_info_needed'
  | 'approved'
  | 'rejected'
  | 'active'
  | 'expired';

export interface EnrollmentStatusEmail {
  kind: 'enrollment.status';
  contactName: string;
  companyName: string;
  status: EnrollmentStatusForEmail;
  /** Vetting reasons (ENR-8), shown for `more_info_needed` and `rejected`. */
  reasons?: Reason[];
  /** Field paths to correct (`more_info_needed`); defaults to the fields the reasons name. */
  fields?: string[];
  /** ISO-8601 deadline for the corrections. */
  deadline?: string;
  /** For `approved`: whether the partner agreement is already accepted (MPA-4, MPA-5). */
  agreementAccepted?: boolean;
  portalUrl: string;
}

function statusBlocks(m: EnrollmentStatusEmail, catalogue: EmailTexts<EnrollmentEmailName>): Block[] {
  const s = catalogue.emails.status;
  switch (m.status) {
    case 'under_review':
      return [paragraph(s.underReview(m))];
    case 'more_info_needed':
      return [
        paragraph(s.moreInfoNeeded(m)),
        ...reasonBlocks(m.reasons, catalogue),
        ...requirementBlocks(m.fields, m.reasons, m.deadline, catalogue),
        paragraph(s.moreInfoNext),
      ];
    case 'approved':
      // Anything but an explicit `true` tells them to accept: MPA-4 needs it to become active.
      return [paragraph(s.approved(m)), paragraph(m.agreementAccepted === true ? s.agreementAccepted : s.agreementMissing)];
    case 'rejected':
      return [paragraph(s.rejected(m)), ...reasonBlocks(m.reasons, catalogue), paragraph(s.rejectedNext)];
    case 'active':
      return [paragraph(s.active(m))];
    case 'expired':
      return [paragraph(s.expired(m)), paragraph(s.expiredNext)];
  }
}

/** ENR-9: tells the primary contact about a status change, with what to do next. */
export function enrollmentStatusEmail(m: EnrollmentStatusEmail, catalogue: EmailTexts<EnrollmentEmailName>): EmailDraft {
  return {
    subject: catalogue.emails.status.subject[m.status](m),
    greeting: catalogue.common.greeting({ name: m.contactName }),
    blocks: [...statusBlocks(m, catalogue), action(catalogue.common.portalAction, m.portalUrl)],
  };
}
