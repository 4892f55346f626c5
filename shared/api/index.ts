/** The HTTP contract: paths, request and response schemas, shared by the server, the client and the docs. */
export * from './errors';
export * from './schemas';
export * from './scenario-body';
export * from './contract';
export * from './openapi';
