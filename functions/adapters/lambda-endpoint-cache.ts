/**
 * Stands in for `@aws-sdk/endpoint-cache` in the Lambda bundles (an esbuild alias,
 * `BUNDLE_ALIASES` in infra/bundling.ts). The DynamoDB client still builds an endpoint cache
 * for endpoint discovery when it is constructed, but none of its commands uses endpoint
 * discovery any more: the cache is never read. The real one is an LRU cache (mnemonist,
 * ~7.5 KB per bundle). This one holds nothing and fails clearly if anything ever uses it.
 * The local cloud runs the sources unbundled and keeps the real module.
 */
const unused = (): never => {
  throw new Error('endpoint discovery is not in this Lambda bundle (functions/adapters/lambda-endpoint-cache.ts)');
};

export class EndpointCache {
  constructor(_capacity?: number) {}
  getEndpoint(_key: string): never {
    return unused();
  }
  get(_key: string): never {
    return unused();
  }
  set(_key: string, _endpoints: unknown): never {
    return unused();
  }
  delete(_key: string): never {
    return unused();
  }
  has(_key: string): never {
    return unused();
  }
  clear(): never {
    return unused();
  }
}
