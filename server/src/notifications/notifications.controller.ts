import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import type { Page } from '../common/pagination/pagination';
import type { NotificationView } from './notification.document';
import { NotificationListQueryDto } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('通知')
@Controller('notifications')
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Get()
  @ApiQuery({ type: NotificationListQueryDto })
  @ApiOkResponse({ description: '{ items: Notification[], nextCursor? }，新的在前' })
  list(
    @CurrentUser() caller: Caller,
    @Query() query: NotificationListQueryDto,
  ): Promise<Page<NotificationView>> {
    return this.notifications.list(caller, query);
  }

  @Get('unread-count')
  @ApiOkResponse({ description: '{ count }：未读通知的确切数目' })
  unreadCount(@CurrentUser() caller: Caller): Promise<{ count: number }> {
    return this.notifications.unreadCount(caller);
  }

  @Post('read-all')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  readAll(@CurrentUser() caller: Caller): Promise<void> {
    return this.notifications.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  read(@CurrentUser() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.notifications.markRead(caller, id);
  }
}
