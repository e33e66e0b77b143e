/** Program identity for `info.contact`; the local demo's defaults unless configured. */
export interface ApiIdentity {
  programName: string;
  operatorName: string;
  supportEmail: string;
  supportUrl: string;
}

interface Document {
  info: { title: string; contact: { name: string; email: string; url: string } };
  servers: { url: string }[];
}

/**
 * The OpenAPI document of one deployment: its server URL, and its program's identity in the
 * title and contact (the contract document carries the local demo's). No zod here: the
 * function serving `GET /openapi.json` imports this and the generated document only.
 */
export function forDeployment<D extends Document>(document: D, serverUrl: string, identity?: ApiIdentity): D {
  return {
    ...document,
    info: {
      ...document.info,
      title: `${identity?.programName ?? 'Partner program'} API`,
      contact: { name: identity?.operatorName ?? 'Partner program support', email: identity?.supportEmail ?? 'support@partner-program.example', url: identity?.supportUrl ?? 'https://partner-program.example/support' },
    },
    servers: [{ url: serverUrl }],
  };
}
