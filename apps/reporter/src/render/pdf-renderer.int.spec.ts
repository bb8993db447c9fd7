// Real parts: Debian's Chromium through playwright-core, as the reporter runs it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReporterConfig } from '../reporter.tokens';
import { PdfRenderer } from './pdf-renderer';

describe('PdfRenderer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('renders a PDF without taking over Ctrl-C: the process that runs the reporter decides how it stops', async () => {
    // Playwright's default SIGINT handler ends the whole process once its browsers are closed;
    // under `vigil start` that cut Ctrl-C's stop short (Elasticsearch left running).
    const on = vi.spyOn(process, 'on');
    const renderer = new PdfRenderer({ CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', REPORT_RENDER_TIMEOUT_MS: 60_000 } as ReporterConfig);
    const pdf = await renderer.render('<!doctype html><meta charset="utf-8"><h1>周报 · weekly</h1>');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(on.mock.calls.map(([event]) => event)).not.toContain('SIGINT');
    expect(process.listeners('SIGINT').map((l) => l.name)).not.toContain('sigintHandler');
  });
});
