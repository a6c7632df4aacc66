import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Caller } from '../auth/caller';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
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
}
