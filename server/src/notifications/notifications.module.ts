import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationDeliveryModule } from './notification-delivery.module';
import { NotificationFeedConsumer } from './notification-feed.consumer';
import { NotificationRules } from './notification-rules';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** `/notifications`, and the consumer that makes them from the engine's event feed. */
@Module({
  imports: [NotificationDeliveryModule, DirectoryModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationRules, NotificationFeedConsumer],
  exports: [NotificationFeedConsumer],
})
export class NotificationsModule {}
