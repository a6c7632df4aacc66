import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { AppError } from '../common/errors/app-error';
import type { Page } from '../common/pagination/pagination';
import type { NotificationView } from './notification.document';
import type { NotificationListQueryDto } from './notification.dto';
import { NotificationStore } from './notification.store';

/** The caller's own notifications; anyone else's id answers 404. */
@Injectable()
export class NotificationsService {
  constructor(@Inject(NotificationStore) private readonly store: NotificationStore) {}

  list(caller: Caller, query: NotificationListQueryDto): Promise<Page<NotificationView>> {
    return this.store.list(caller.district, caller.userId, query);
  }

  async markRead(caller: Caller, id: string): Promise<void> {
    if (!(await this.store.markRead(caller.district, caller.userId, id)))
      throw AppError.notFound('通知');
  }

  async unreadCount(caller: Caller): Promise<{ count: number }> {
    return { count: await this.store.countUnread(caller.district, caller.userId) };
  }

  markAllRead(caller: Caller): Promise<void> {
    return this.store.markAllRead(caller.district, caller.userId);
  }
}
