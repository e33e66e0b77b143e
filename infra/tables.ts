/**
 * The one description of the project's DynamoDB tables. The CDK stack and the local
 * cloud's bootstrap both build their tables from it, so keys and indexes cannot drift.
 */
export type AttributeType = 'S' | 'N';

export interface KeyDefinition {
  name: string;
  type: AttributeType;
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyDefinition;
  sortKey: KeyDefinition;
  /**
   * ALL when the query answers from the index; KEYS_ONLY when it only finds items to read;
   * INCLUDE: the keys plus `include` (what a query filters on).
   */
  projection: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  include?: string[];
  /** Why the index exists: which query reads it. */
  purpose: string;
}

export interface TableDefinition {
  /** Logical id in the CDK stack and the environment variable that carries the name. */
  id: string;
  envVar: string;
  /** Physical name used by the local cloud (CDK generates its own). */
  localName: string;
  partitionKey: KeyDefinition;
  sortKey: KeyDefinition;
  indexes: IndexDefinition[];
  ttlAttribute: string;
}

/**
 * Single-table design. Items (pk / sk):
 * - `TENANT#<tid>` / `PARTNER`            the partner profile of a tenant
 * - `PARTNERID#<id>` / `REGISTRY`         the operator's partner ID registry entry
 * - `ENROLLMENT#<id>` / `ENROLLMENT`      an enrollment
 * - `LINK#<sha256>` / `LINK`              an emailed link (only the token's hash)
 * - `IDEMPOTENCY#<scope>#<key>` / `IDEMPOTENCY`  GEN-3 (expires through TTL)
 * - `PREQ#<id>` / `PREQ`, `REL#<id>` / `REL`  partnership requests and relationships
 */
export const mainTable: TableDefinition = {
  id: 'MainTable',
  envVar: 'TABLE_NAME',
  localName: 'partner-program',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      projection: 'ALL',
      purpose: 'lists of small items read straight from the index: offers, a tenant’s relationships, customers, subscriptions',
    },
    {
      indexName: 'lists',
      partitionKey: { name: 'listpk', type: 'S' },
      sortKey: { name: 'listsk', type: 'S' },
      // Lifecycle entities are read again with their audit trail anyway: keys and status
      // only, so a change that keeps an entity's place in its list costs no index write
      // (an ALL projection would copy every entity write into the index).
      projection: 'INCLUDE',
      include: ['status'],
      purpose: 'lists of lifecycle entities: the operator review queue by status, a provider’s requests, a partner’s customer invitations, a customer’s orders',
    },
    {
      indexName: 'due',
      partitionKey: { name: 'dueShard', type: 'S' },
      sortKey: { name: 'dueAt', type: 'S' },
      // The sweep re-reads every due item anyway; keys only means an update that does not
      // move an item's due time costs no index write.
      projection: 'KEYS_ONLY',
      purpose: 'sparse: only items with a pending reminder or expiry carry dueShard/dueAt; the sweep queries dueAt <= now',
    },
  ],
  ttlAttribute: 'ttl',
};

export const tables: TableDefinition[] = [mainTable];
