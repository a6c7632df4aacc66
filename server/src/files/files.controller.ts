import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Caller } from '../auth/caller';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { contentDisposition } from '../common/http/content-disposition';
import type { AttachmentRef } from './attachment.document';
import { AttachmentsService, type InstanceFile } from './attachments.service';
import { FILE_TYPES } from './file-types';

@ApiTags('附件')
@Controller()
export class FilesController {
  constructor(@Inject(AttachmentsService) private readonly files: AttachmentsService) {}

  @Post('files')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      '上传一个附件（multipart 字段 file）：按内容识别类型，受本区县大小与类型限制；未随表单提交的附件一天后删除',
  })
  @ApiOkResponse({ description: '{ id, name, size, contentType }' })
  upload(@CurrentUser() caller: Caller, @Req() request: Request): Promise<AttachmentRef> {
    return this.files.upload(caller, request);
  }

  @Get('files/:id')
  @ApiQuery({
    name: 'download',
    required: false,
    description: '1：下载；默认图片与 PDF 在浏览器中预览',
  })
  async download(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Query('download') download: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const doc = await this.files.readable(caller, id);
    const preview = FILE_TYPES.find((type) => type.key === doc.typeKey)?.preview ?? false;
    response.setHeader('Content-Type', doc.contentType);
    response.setHeader('Content-Length', String(doc.size));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, max-age=3600');
    response.setHeader(
      'Content-Disposition',
      contentDisposition(preview && download !== '1' ? 'inline' : 'attachment', doc.name),
    );
    // a file is data: nothing in it may run as part of this site
    response.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; img-src 'self'; object-src 'self'",
    );
    const stream = this.files.open(doc);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }

  @Get('instances/:id/files')
  @ApiOkResponse({
    description: '[{ id, name, size, contentType, activityId?, uploadedBy, createdAt }]',
  })
  ofInstance(@CurrentUser() caller: Caller, @Param('id') id: string): Promise<InstanceFile[]> {
    return this.files.ofInstance(caller, id);
  }
}
