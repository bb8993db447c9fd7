import { Inject, Injectable } from '@nestjs/common';
import { chromium } from 'playwright-core';
import { REPORTER_CONFIG, type ReporterConfig } from '../reporter.tokens';

/**
 * HTML to PDF with Chromium's print-to-PDF (Debian's chromium, as the browser tests use). The
 * page runs with JavaScript off and every request refused: a report is self-contained, and the
 * text of strangers' posts inside it must not reach out. One browser per report, closed after.
 */
@Injectable()
export class PdfRenderer {
  constructor(@Inject(REPORTER_CONFIG) private readonly config: ReporterConfig) {}

  async render(html: string): Promise<Buffer> {
    const timeout = this.config.REPORT_RENDER_TIMEOUT_MS;
    const browser = await chromium.launch({
      executablePath: this.config.CHROMIUM_PATH,
      timeout,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
      // Playwright's own Ctrl-C handler ends the whole process (exit 130) once its browsers are
      // closed: under `vigil start` that cut the stop short while a report was rendering, and
      // Elasticsearch was left running. The process's owner stops it; `finally` closes the browser.
      handleSIGINT: false,
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load', timeout });
      page.setDefaultTimeout(timeout);
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  }
}
