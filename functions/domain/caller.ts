/** TYP-3 user roles inside a partner, plus the program's operator. */
export const roles = ['global_admin', 'user_admin', 'admin_agent', 'sales_agent', 'operator'] as const;
export type Role = (typeof roles)[number];

/** The signed-in user, as the identity service vouches for it (API.md "Auth"). */
export interface Caller {
  sub: string;
  email: string;
  tenantId: string;
  tenantCountry: string;
  roles: Role[];
}

/** Whether the caller holds one of these roles. */
export const hasRole = (caller: Pick<Caller, 'roles'>, ...wanted: Role[]): boolean => wanted.some((r) => caller.roles.includes(r));
