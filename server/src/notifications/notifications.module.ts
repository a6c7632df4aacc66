import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DirectoryModule } from '../directory/directory.module';
import { DistrictsModule } from '../districts/districts.module';
import { DailyDigest } from './delivery/daily-digest';
import { NotificationSettingsController } from './delivery/notification-settings.controller';
import { NotificationDeliveryModule } from './notification-delivery.module';
import { NotificationFeedConsumer } from './notification-feed.consumer';
import { NotificationRules } from './notification-rules';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** `/notifications`, and the consumer that makes them from the engine's event feed. */
@Module({
  imports: [NotificationDeliveryModule, DirectoryModule, AccountsModule, DistrictsModule],
  controllers: [NotificationsController, NotificationSettingsController],
  providers: [NotificationsService, NotificationRules, NotificationFeedConsumer, DailyDigest],
  exports: [NotificationFeedConsumer, DailyDigest],
})
export class NotificationsModule {}
