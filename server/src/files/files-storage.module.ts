import { Module } from '@nestjs/common';
import { AttachmentStore } from './attachment.store';

/** The files' storage alone: the platform module hands it to the workflow kit (AttachmentPort). */
@Module({ providers: [AttachmentStore], exports: [AttachmentStore] })
export class FilesStorageModule {}
