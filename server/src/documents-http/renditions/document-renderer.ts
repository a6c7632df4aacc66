import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '../../common/tokens';
import type { AppConfig } from '../../config/app-config';
import type { DocumentRecord } from '../../documents';
import { ChromiumPrinter } from './chromium-printer';
import { documentBlocks } from './document-blocks';
import { writeDocx } from './docx-writer';
import type { RenditionFormat } from './rendition.store';

export const RENDITION_TYPES: Record<RenditionFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Turns a stored document's HTML (never the instance's current data) into a PDF or a .docx. */
@Injectable()
export class DocumentRenderer implements OnModuleDestroy {
  private readonly printer: ChromiumPrinter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.printer = new ChromiumPrinter({ executablePath: config.chromiumPath });
  }

  render(doc: DocumentRecord, format: RenditionFormat): Promise<Buffer> {
    if (format === 'pdf') return this.printer.pdf(doc.html);
    return writeDocx(documentBlocks(doc.html), { title: doc.title });
  }

  async onModuleDestroy(): Promise<void> {
    await this.printer.close();
  }
}
