import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { REPORTER_CONFIG, type ReporterConfig } from '../reporter.tokens';

export interface ReportMail {
  to: string[];
  subject: string;
  text: string;
  pdf: { filename: string; content: Buffer };
}

/** E-mail through the SMTP server of SMTP_URL (nodemailer); without one, `configured` is false. */
@Injectable()
export class ReportMailer implements OnModuleDestroy {
  private readonly transport?: Transporter;

  constructor(@Inject(REPORTER_CONFIG) private readonly config: ReporterConfig) {
    if (config.SMTP_URL) this.transport = nodemailer.createTransport(config.SMTP_URL);
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  async send(mail: ReportMail): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not set');
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
