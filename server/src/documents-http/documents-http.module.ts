import { Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DocumentRenderer } from './renditions/document-renderer';
import { RenditionStore } from './renditions/rendition.store';

/**
 * `GET /documents/:id` (the print HTML) and `/documents/:id/pdf|docx` (files made once and
 * stored). The documents themselves are the workflow kit's (rendered by `document.render`).
 */
@Module({
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentRenderer, RenditionStore],
})
export class DocumentsHttpModule {}
