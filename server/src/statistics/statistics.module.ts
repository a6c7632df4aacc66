import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

/** `GET /statistics` over the workflow platform's instances and tasks (WORKFLOW_PLATFORM). */
@Module({
  imports: [DirectoryModule],
  controllers: [StatisticsController],
  providers: [StatisticsService],
})
export class StatisticsModule {}
