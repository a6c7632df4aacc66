import { Module } from '@nestjs/common';
import { FormsController } from './forms.controller';
import { FormsService } from './forms.service';

/** `/forms`: the district's forms over the workflow kit's FormStore (WORKFLOW_PLATFORM, global). */
@Module({
  controllers: [FormsController],
  providers: [FormsService],
  exports: [FormsService],
})
export class FormsHttpModule {}
