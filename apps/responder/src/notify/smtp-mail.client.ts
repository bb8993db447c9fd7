import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DeliveryResult, OutgoingMessage } from '@vigil/plan';
import { SMTP_OPTIONS, type SmtpOptions } from '../responder.tokens';

/** E-mail over SMTP (nodemailer), one attempt per call; 4xx replies are worth retrying, 5xx are not. */
@Injectable()
export class SmtpMailClient implements OnModuleDestroy {
  private transport?: Transporter;

  constructor(@Inject(SMTP_OPTIONS) private readonly options: SmtpOptions) {}

  async send(id: string, msg: Extract<OutgoingMessage, { kind: 'email' }>): Promise<DeliveryResult> {
    if (!this.options.host) return { id, ok: false, error: 'no SMTP server configured (SMTP_HOST)', retryable: false };
    if (!msg.to.length) return { id, ok: false, error: 'none of the paged contacts has an e-mail address', retryable: false };
    this.transport ??= nodemailer.createTransport({
      host: this.options.host,
      port: this.options.port,
      secure: this.options.secure,
      ignoreTLS: !this.options.startTls,
      ...(this.options.user && { auth: { user: this.options.user, pass: this.options.password ?? '' } }),
      connectionTimeout: this.options.timeoutMs,
      greetingTimeout: this.options.timeoutMs,
      socketTimeout: this.options.timeoutMs,
    });
    try {
      const info = await this.transport.sendMail({ from: this.options.from, to: msg.to, subject: msg.subject, text: msg.text, messageId: msg.messageId });
      if (info.rejected?.length) return { id, ok: false, error: `refused recipients: ${info.rejected.length}`, retryable: false };
      return { id, ok: true, code: 250, retryable: false };
    } catch (e) {
      const code = (e as { responseCode?: number }).responseCode;
      return { id, ok: false, ...(code !== undefined && { code }), error: (e as Error).message.replace(/\s+/g, ' ').slice(0, 300), retryable: code === undefined || code < 500 };
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
