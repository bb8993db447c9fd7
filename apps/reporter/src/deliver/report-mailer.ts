import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { REPORTER_CONFIG, type ReporterConfig } from '../reporter.tokens';

export interface ReportMail {
  to: string[];
  subject: string;
  text: string;
  pdf: { filename: string; content: Buffer };
}

/** E-mail through the SMTP server of SMTP_HOST (nodemailer), set up like the responder's; without one, `configured` is false. */
@Injectable()
export class ReportMailer implements OnModuleDestroy {
  private readonly transport?: Transporter;

  constructor(@Inject(REPORTER_CONFIG) private readonly config: ReporterConfig) {
    if (!config.SMTP_HOST) return;
    this.transport = nodemailer.createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      ignoreTLS: !config.SMTP_STARTTLS,
      ...(config.SMTP_USER && { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } }),
    });
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  async send(mail: ReportMail): Promise<void> {
    if (!this.transport) throw new Error('SMTP_HOST is not set');
    await this.transport.sendMail({
      from: this.config.SMTP_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      attachments: [{ filename: mail.pdf.filename, content: mail.pdf.content, contentType: 'application/pdf' }],
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
