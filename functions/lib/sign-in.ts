import { config } from './config.js';

/**
 * Where a person signs in before accepting an invitation: the program's OIDC sign-in on
 * AWS (SIGN_IN_URL), the local demo sign-in page otherwise. `returnTo` is a same-site path.
 */
export function signInUrl(returnTo: string): string {
  const base = config().SIGN_IN_URL ?? `${config().PUBLIC_BASE_URL.replace(/\/$/, '')}/_local/sign-in`;
  return `${base}?returnTo=${encodeURIComponent(returnTo)}`;
}
