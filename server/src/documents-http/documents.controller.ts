import { Controller, Get, Inject, Param, ParseEnumPipe, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Caller } from '../auth/caller';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { contentDisposition } from '../common/http/content-disposition';
import { DocumentsService } from './documents.service';

/**
 * A rendered document is trusted-template HTML with escaped values, and is still served under a
 * policy that allows no script, no network fetch, no form and no base URL: only its inline print
 * styles and inline images.
 */
export const DOCUMENT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

@ApiTags('流程实例')
@Controller('documents')
export class DocumentsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  @Get(':id')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: '公文（A4 打印 HTML）' })
  async html(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const html = await this.documents.html(caller, id);
    // set only on success: an error keeps the JSON error body and helmet's headers
    response.type('html');
    response.setHeader('Content-Security-Policy', DOCUMENT_CSP);
    response.setHeader('Cache-Control', 'private, no-store');
    return html;
  }

  @Get(':id/:format')
  @ApiParam({ name: 'format', enum: ['pdf', 'docx'] })
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  )
  @ApiOperation({
    summary:
      '公文的 PDF（打印版 A4 版式）或 Word（.docx）文件：首次下载时由存档的公文生成并保存，此后下载返回同一文件',
  })
  async file(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Param('format', new ParseEnumPipe(['pdf', 'docx'])) format: 'pdf' | 'docx',
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.documents.file(caller, id, format);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Length', String(file.size));
    response.setHeader('Content-Disposition', contentDisposition('attachment', file.name));
    response.setHeader('ETag', `"${file.sha256}"`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-cache');
    const stream = file.open();
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }
}
