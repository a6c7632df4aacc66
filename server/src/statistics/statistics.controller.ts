import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { StatisticsQueryDto, StatisticsResponse } from './statistics.dto';
import { StatisticsService } from './statistics.service';
import type { Statistics } from './statistics-tally';

/** Figures of the caller's district (administrators and STATISTICS_ROLES; others 403). */
@ApiTags('统计')
@Controller('statistics')
export class StatisticsController {
  constructor(@Inject(StatisticsService) private readonly statistics: StatisticsService) {}

  @Get()
  @ApiQuery({ type: StatisticsQueryDto })
  @ApiOkResponse({ type: StatisticsResponse })
  get(@CurrentUser() caller: Caller, @Query() query: StatisticsQueryDto): Promise<Statistics> {
    return this.statistics.compute(caller, query);
  }
}
