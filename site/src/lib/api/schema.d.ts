/**
 * The contract's types, generated once into the client package (clients/typescript, `make openapi`)
 * and shared here rather than generated a second time for the site and the admin.
 */
export type * from '../../../../clients/typescript/src/generated/schema';
