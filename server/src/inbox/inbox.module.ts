import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { InboxService } from './inbox.service';
import { TaskActionsService } from './task-actions.service';
import { TaskPageService } from './task-page.service';
import { TasksController } from './tasks.controller';

/** `/tasks`: the inbox lists and counts, the task page and the task actions. */
@Module({
  imports: [DirectoryModule],
  controllers: [TasksController],
  providers: [InboxService, TaskPageService, TaskActionsService],
})
export class InboxModule {}
