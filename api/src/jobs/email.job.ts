import type { Logger } from 'pino';
import type { EmailLogRepository } from '../repositories/email-log.repository.js';
import type { MailRepository } from '../repositories/mail.repository.js';
import type { EmailJobData } from './job-spec.js';

/**
 * Sends one e-mail at most once per idempotency key: a retry (job timeout, worker killed after the
 * SMTP server said 250) finds the key in email_log and stops. The Message-ID is derived from the key
 * too, so even the one unavoidable window (killed between 250 and the log write) yields the same
 * message, which receivers deduplicate.
 */
export function createEmailJob(mail: MailRepository, log: EmailLogRepository, logger: Logger) {
  return async (data: EmailJobData, job: { id: string; attempt: number }) => {
    if (await log.wasSent(data.key)) {
      logger.info({ jobId: job.id, key: data.key }, 'email already sent; skipping');
      return { skipped: true };
    }
    const messageId = `<${data.key}@omervision>`;
    await mail.send({
      to: data.to,
      subject: data.subject,
      text: data.text,
      html: data.html,
      replyTo: data.replyTo,
      messageId,
    });
    await log.markSent({ key: data.key, to: data.to, subject: data.subject, messageId });
    logger.info({ jobId: job.id, attempt: job.attempt, key: data.key }, 'email sent');
    return { skipped: false };
  };
}
