import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import type { Page } from '../common/pagination/pagination';
import type { InstanceSummary } from '../instances/instance.view';
import {
  CommentTaskDto,
  DelegateTaskDto,
  RemindTaskDto,
  ReturnTaskDto,
  TaskDataDto,
  TaskListQueryDto,
} from './inbox.dto';
import { type InboxCounts, InboxService } from './inbox.service';
import { TaskActionsService } from './task-actions.service';
import { type TaskPage, TaskPageService } from './task-page.service';
import type { TaskDetail, TaskSummary } from './task.view';

@ApiTags('待办')
@Controller('tasks')
export class TasksController {
  constructor(
    @Inject(InboxService) private readonly inbox: InboxService,
    @Inject(TaskPageService) private readonly pages: TaskPageService,
    @Inject(TaskActionsService) private readonly actions: TaskActionsService,
  ) {}

  @Get()
  @ApiQuery({ type: TaskListQueryDto })
  @ApiOkResponse({
    description: '{ items: TaskSummary[] (started: InstanceSummary[]), nextCursor? }',
  })
  list(
    @CurrentUser() caller: Caller,
    @Query() query: TaskListQueryDto,
  ): Promise<Page<TaskSummary | InstanceSummary>> {
    return this.inbox.list(caller, query);
  }

  @Get('counts')
  @ApiOkResponse({ description: '{ mine, claimable, completed, cc, started, overdue, dueSoon }' })
  counts(@CurrentUser() caller: Caller): Promise<InboxCounts> {
    return this.inbox.counts(caller);
  }

  @Get(':id')
  @ApiOkResponse({ description: '{ task, form, draft?, readOnly, actions, returnTargets }' })
  describe(@CurrentUser() caller: Caller, @Param('id') id: string): Promise<TaskPage> {
    return this.pages.describe(caller, id);
  }

  @Post(':id/claim')
  @HttpCode(HttpStatus.OK)
  claim(@CurrentUser() caller: Caller, @Param('id') id: string): Promise<TaskDetail> {
    return this.actions.claim(caller, id);
  }

  @Post(':id/unclaim')
  @HttpCode(HttpStatus.OK)
  unclaim(@CurrentUser() caller: Caller, @Param('id') id: string): Promise<TaskDetail> {
    return this.actions.unclaim(caller, id);
  }

  @Put(':id/draft')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBody({ type: TaskDataDto })
  @ApiNoContentResponse()
  draft(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Body() body: TaskDataDto,
  ): Promise<void> {
    return this.actions.saveDraft(caller, id, body.data);
  }

  @Post(':id/complete')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBody({ type: TaskDataDto })
  @ApiNoContentResponse()
  complete(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Body() body: TaskDataDto,
  ): Promise<void> {
    return this.actions.complete(caller, id, body.data);
  }

  @Post(':id/delegate')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: DelegateTaskDto })
  delegate(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Body() body: DelegateTaskDto,
  ): Promise<TaskDetail> {
    return this.actions.delegate(caller, id, body);
  }

  @Post(':id/return')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: ReturnTaskDto })
  @ApiOkResponse({ description: '{ activityId, name }：退回到的环节' })
  returnTask(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Body() body: ReturnTaskDto,
  ): Promise<{ activityId: string; name: string }> {
    return this.actions.returnTask(caller, id, body);
  }

  @Post(':id/retrieve')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: '{ taskId? }：重新打开的任务' })
  retrieve(@CurrentUser() caller: Caller, @Param('id') id: string): Promise<{ taskId?: string }> {
    return this.actions.retrieve(caller, id);
  }

  @Post(':id/comment')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBody({ type: CommentTaskDto })
  @ApiNoContentResponse()
  comment(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Body() body: CommentTaskDto,
  ): Promise<void> {
    return this.actions.comment(caller, id, body.text);
  }

  @Post(':id/remind')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBody({ type: RemindTaskDto })
  @ApiNoContentResponse()
  remind(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Body() body: RemindTaskDto,
  ): Promise<void> {
    return this.actions.remind(caller, id, body.message);
  }
}
