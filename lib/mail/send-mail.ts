import 'server-only';
import nodemailer from 'nodemailer';
import { AppError } from '@/lib/errors/app-error';

export type MailMessage = { to: string; subject: string; text: string; html?: string };

/**
 * Sends one email through the SMTP server in SMTP_URL (e.g. smtp://user:pass@mail.clinic.org:587,
 * smtps:// for implicit TLS), from MAIL_FROM. Without SMTP_URL nothing is sent and the caller
 * gets a clear 503, so staff can copy the link instead.
 */
export async function sendMail(message: MailMessage): Promise<{ messageId: string }> {
  const url = process.env.SMTP_URL;
  const from = process.env.MAIL_FROM;
  if (!url || !from) {
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'Email is not set up on this server (SMTP_URL and MAIL_FROM). Copy the link and give it to the participant instead.',
    );
  }
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  try {
    const info = await transport.sendMail({ from, ...message });
    return { messageId: info.messageId };
  } catch (error) {
    console.error('[mail] sending failed:', (error as Error)?.message ?? error);
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      'The email could not be sent: the mail server did not accept it. Nothing was sent; try again or copy the link.',
    );
  } finally {
    transport.close();
  }
}
