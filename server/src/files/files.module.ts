import { Module } from '@nestjs/common';
import { AttachmentsService } from './attachments.service';
import { FilesController } from './files.controller';
import { FilesStorageModule } from './files-storage.module';

/** `/files` (upload, download, preview) and `/instances/:id/files`. */
@Module({
  imports: [FilesStorageModule],
  controllers: [FilesController],
  providers: [AttachmentsService],
})
export class FilesModule {}
