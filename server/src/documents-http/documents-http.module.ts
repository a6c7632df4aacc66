import { Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** `GET /documents/:id`: a rendered official document as HTML (the store is the workflow kit's). */
@Module({
  controllers: [DocumentsController],
  providers: [DocumentsService],
})
export class DocumentsHttpModule {}
