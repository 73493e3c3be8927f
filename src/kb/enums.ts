/** The closed vocabularies of the knowledge base: how well something is supported, and how far a figure is trusted. */
export const SUPPORT = ['native', 'plugin', 'partial', 'commercial', 'deprecated', 'via-pattern', 'none'] as const;
/** vendor: maintained by a company that backs the broker (e.g. Confluent's librdkafka clients), not by the project. */
export const CLIENT_SUPPORT = ['official', 'vendor', 'community', 'via-protocol', 'none'] as const;
export const STATUS = ['current', 'legacy', 'removed'] as const;
export const BASIS = ['measured', 'derived', 'vendor-claim', 'estimate'] as const;
export const FAILOVER_KIND = ['automatic', 'manual', 'none'] as const;
