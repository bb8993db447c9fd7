import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Authenticated } from '../auth/auth.decorators';
import { XlsxExportBodyDto } from './exports.dto';
import { xlsxTable } from './xlsx-table';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Tables the dashboard shows, as spreadsheets (CSV and PNG are made in the browser). */
@ApiTags('exports')
@Authenticated()
@Controller('api/exports')
export class ExportsController {
  @Post('xlsx')
  @HttpCode(200)
  @ApiOperation({ summary: 'A table (header and rows, as shown) as an .xlsx workbook of one sheet' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'the workbook', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  async xlsx(@Body() body: XlsxExportBodyDto, @Res() res: ServerResponse): Promise<void> {
    const file = await xlsxTable(body);
    res.statusCode = 200;
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', 'attachment; filename="vigil-table.xlsx"');
    res.setHeader('Content-Length', file.length);
    res.end(file);
  }
}
