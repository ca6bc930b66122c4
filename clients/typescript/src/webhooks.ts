import type { components } from './generated/schema.js';

type Schemas = components['schemas'];

/** Every webhook body we send (`x-webhooks` in the contract), discriminated by `type`. */
export type WebhookEvent = { [K in keyof Schemas]: K extends `${string}Webhook` ? Schemas[K] : never }[keyof Schemas];
export type WebhookEventType = WebhookEvent['type'];
