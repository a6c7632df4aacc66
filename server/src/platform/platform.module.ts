import { Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Clock } from '../../../engine/src';
import { CLOCK, DATABASE, ROOT_LOGGER } from '../common/tokens';
import type { Database } from '../database/database';
import { DirectoryModule } from '../directory/directory.module';
import { DIRECTORY } from '../directory/directory.token';
import { CalendarService } from '../districts/calendar/calendar.service';
import { DistrictsModule } from '../districts/districts.module';
import { AttachmentStore } from '../files/attachment.store';
import { FilesStorageModule } from '../files/files-storage.module';
import { NotificationDeliveryModule } from '../notifications/notification-delivery.module';
import { createWorkflowPlatform, type Directory, type Notifier } from '../workflow';
import { DueWindows } from './due-window';
import { PlatformJobs } from './platform-jobs';
import { PlatformMaintenance } from './platform-maintenance';
import { PlatformTaskLists } from './platform-task-lists';
import { loadPlatformSettings } from './platform-settings';
import { PLATFORM_SETTINGS, WORKFLOW_NOTIFIER, WORKFLOW_PLATFORM } from './platform.tokens';
import { WorkflowAccess } from './workflow-access';
import { WorkflowRecords } from './workflow-records';

/**
 * The one workflow platform of the process (engine + forms, parameters, documents, votes,
 * templates), for every module: inject WORKFLOW_PLATFORM. Creating it repairs what a crash left
 * half-applied (`ProcessEngine.create` runs `engine.reconcile()`); PlatformJobs then runs the
 * engine's jobs in the background until shutdown.
 */
@Global()
@Module({
  imports: [DirectoryModule, DistrictsModule, NotificationDeliveryModule, FilesStorageModule],
  providers: [
    { provide: PLATFORM_SETTINGS, useFactory: () => loadPlatformSettings() },
    {
      provide: WORKFLOW_PLATFORM,
      inject: [
        DATABASE,
        CLOCK,
        DIRECTORY,
        WORKFLOW_NOTIFIER,
        CalendarService,
        AttachmentStore,
        ROOT_LOGGER,
      ],
      useFactory: (
        database: Database,
        clock: Clock,
        directory: Directory,
        notifier: Notifier,
        calendars: CalendarService,
        attachments: AttachmentStore,
        logger: Logger,
      ) =>
        createWorkflowPlatform({
          db: database.connection,
          clock,
          directory,
          notifier,
          attachments,
          calendar: (district) => calendars.calendarOf(district),
          onIncident: (job, error) =>
            logger.warn(
              { err: error, jobId: job.id, instanceId: job.instanceId, district: job.district },
              'workflow incident: a service task ran out of attempts',
            ),
        }),
    },
    PlatformJobs,
    PlatformMaintenance,
    PlatformTaskLists,
    WorkflowRecords,
    WorkflowAccess,
    DueWindows,
  ],
  exports: [
    WORKFLOW_PLATFORM,
    PLATFORM_SETTINGS,
    PlatformJobs,
    PlatformMaintenance,
    PlatformTaskLists,
    WorkflowRecords,
    WorkflowAccess,
    DueWindows,
  ],
})
export class PlatformModule {}
