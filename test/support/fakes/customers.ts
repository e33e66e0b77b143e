/** In-memory customer store, offers and partnership lookup on a FakeWorld (see ../fakes.ts). */
import type { Customer, CustomerStore, CustomerWrite, PartnershipLookup } from '#domain/customers.js';
import type { Offer, Offers } from '#domain/offers.js';
import { fakeStore, type FakeWorld } from '../fakes.js';

export function fakeCustomers(world: FakeWorld): CustomerStore & { all(): Customer[] } {
  const lists = new Map<string, { customerId: string; counterpart: string }[]>();
  const store = fakeStore<Customer, CustomerWrite>(world, 'CUSTOMER', (w) => {
    const key = `${w.customer.id}#${w.relationship.partnerTenantId}`;
    if (world.extra.has(`rel#${key}`)) return false;
    world.extra.set(`rel#${key}`, true);
    const list = lists.get(w.relationship.partnerTenantId) ?? [];
    list.push({ customerId: w.customer.id, counterpart: w.relationship.counterpartTenantId ?? '-' });
    lists.set(w.relationship.partnerTenantId, list);
    return true;
  });
  const byLock = async (key: string) => {
    const id = world.locks.get(key);
    return id ? (await store.load(id))?.entity : undefined;
  };
  return {
    ...store,
    byTenant: async (tenantId) => {
      const id = world.locks.get(`customer-tenant#${tenantId}`);
      return id ? store.load(id) : undefined;
    },
    byDomain: (domain) => byLock(`customer-domain#${domain.toLowerCase()}`),
    async ofPartner(partnerTenantId, counterpart) {
      const ids = (lists.get(partnerTenantId) ?? []).filter((e) => counterpart === undefined || e.counterpart === counterpart).map((e) => e.customerId);
      const items = await Promise.all(ids.map(async (id) => (await store.load(id))!.entity));
      return { items };
    },
  };
}

export const fakeOffers = (): Offers & { map: Map<string, Offer> } => {
  const map = new Map<string, Offer>();
  return {
    map,
    get: async (id) => structuredClone(map.get(id)),
    getMany: async (ids) => new Map(ids.filter((id) => map.has(id)).map((id) => [id, structuredClone(map.get(id)!)])),
    async put(offer) {
      const previous = map.get(offer.id);
      const stored = previous ? { ...offer, createdAt: previous.createdAt } : offer;
      map.set(offer.id, stored);
      return { created: !previous, offer: stored };
    },
    active: async () => ({ items: [...map.values()].filter((o) => o.status === 'active') }),
  };
};

/** Active partnerships as PRT-10's pair lock records them: `partnership-pair#<provider>#<reseller>` → relationship id. */
export const fakePartnershipLookup = (world: FakeWorld): PartnershipLookup => ({
  activeBetween: async (p, r) => world.locks.get(`partnership-pair#${p}#${r}`),
});
