import { SecretBox } from '../auth/secret-box.js';

export const WEBHOOK_SECRET_PURPOSE = 'webhook-secret';

/** Webhook signing secrets are sealed at rest with a key derived from JWT_SECRET for this purpose. */
export function webhookSecretBox(jwtSecret: string): SecretBox {
  return new SecretBox(jwtSecret, WEBHOOK_SECRET_PURPOSE);
}
