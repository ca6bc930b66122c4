import type { Logger } from 'pino';
import type { MailRepository } from '../repositories/mail.repository.js';
import type { EmailJobData } from './job-spec.js';

export function createEmailJob(mail: MailRepository, logger: Logger) {
  return async (data: EmailJobData, job: { id: string; attempt: number }) => {
    await mail.send({
      to: data.to,
      subject: data.subject,
      text: data.text,
      html: data.html,
      messageId: `<${data.key}@omervision>`,
    });
    logger.info({ jobId: job.id, attempt: job.attempt, key: data.key }, 'email sent');
  };
}
