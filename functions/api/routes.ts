import type { RouteContract } from './contract.js';
import { partnerRoutes } from './partner-routes.js';
import { enrollmentRoutes } from './enrollment-routes.js';
import { partnershipRoutes } from './partnership-routes.js';
import { customerRoutes, orderRoutes } from './customer-routes.js';
import { customerInvitationRoutes } from './customer-invitation-routes.js';

/**
 * Every route of API.md, in one place (see contract.ts), for the catalogue, the OpenAPI
 * document and the tests. A handler imports its own route from its group's module instead,
 * so its bundle builds only that group's schemas.
 */
export const httpRoutes: RouteContract[] = [...partnerRoutes, ...enrollmentRoutes, ...partnershipRoutes, ...customerRoutes, ...orderRoutes, ...customerInvitationRoutes];
