import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { ReportsReader } from '@vigil/search';
import { Authenticated } from '../auth/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { ReportIdParam, ReportListDto, ReportListQueryDto, ReportMetaDto } from './reports.dto';

const fileName = (id: string, ext: string) => `vigil-${id.replace(/[^\w.-]+/g, '_')}.${ext}`;

/** The reports archive: what was made (or failed, with why), and its HTML and PDF to download. */
@ApiTags('reports')
@Authenticated()
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsReader) {}

  @Get()
  @ApiOperation({ summary: 'Reports made (and failed) by the schedule and by hand, newest period first' })
  @ApiResult(ReportListDto)
  list(@Query() q: ReportListQueryDto) {
    return this.reports.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One report’s state, figures and deliveries' })
  @ApiParam({ name: 'id', example: 'weekly:_all:2026-03-02:2026-03-08:zh-CN' })
  @ApiResult(ReportMetaDto)
  async meta(@Param('id', new ZodValidationPipe(ReportIdParam)) id: string) {
    const m = await this.reports.meta(id);
    if (!m) throw new NotFoundException(`no report ${id}`);
    return m;
  }

  @Get(':id/html')
  @ApiOperation({ summary: 'The report as one HTML page (downloaded; it runs nothing)' })
  @ApiParam({ name: 'id' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'the report', content: { 'text/html': { schema: { type: 'string' } } } })
  async html(@Param('id', new ZodValidationPipe(ReportIdParam)) id: string, @Res() res: ServerResponse): Promise<void> {
    const html = await this.reports.file(id, 'html');
    if (html === undefined) throw new NotFoundException(`no rendered report ${id}`);
    // Inert even if opened in place: no script, no requests, a sandboxed origin.
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName(id, 'html')}"`);
    res.end(html);
  }

  @Get(':id/pdf')
  @ApiOperation({ summary: 'The report as PDF' })
  @ApiParam({ name: 'id' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the report', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async pdf(@Param('id', new ZodValidationPipe(ReportIdParam)) id: string, @Res() res: ServerResponse): Promise<void> {
    const pdf = await this.reports.file(id, 'pdf');
    if (pdf === undefined) throw new NotFoundException(`no rendered report ${id}`);
    const bytes = Buffer.from(pdf, 'base64');
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName(id, 'pdf')}"`);
    res.setHeader('Content-Length', bytes.length);
    res.end(bytes);
  }
}
