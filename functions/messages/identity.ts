/**
 * The program's identity, shown in every email and page footer so that a person asked to
 * confirm an address or grant delegated admin can see who runs the program and how to
 * reach it. Configured per deployment (PROGRAM_NAME, OPERATOR_NAME, SUPPORT_EMAIL,
 * SUPPORT_URL, PRIVACY_URL, LOGO_URL); the defaults are the local demo's.
 */
import { config } from '#lib/config.js';

export interface ProgramIdentity {
  programName: string;
  operatorName: string;
  supportEmail: string;
  supportUrl: string;
  privacyUrl: string;
  /** An https image shown above the footer; none when absent. */
  logoUrl?: string;
}

/** The configured identity. */
export function programIdentity(): ProgramIdentity {
  const c = config();
  return {
    programName: c.PROGRAM_NAME,
    operatorName: c.OPERATOR_NAME,
    supportEmail: c.SUPPORT_EMAIL,
    supportUrl: c.SUPPORT_URL,
    privacyUrl: c.PRIVACY_URL,
    ...(c.LOGO_URL === undefined ? {} : { logoUrl: c.LOGO_URL }),
  };
}
