import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { DistrictAdminOnly } from '../auth/decorators/access.decorators';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { AppError } from '../common/errors/app-error';
import {
  CalendarDto,
  CalendarPreviewQueryDto,
  CalendarPreviewResponse,
} from './calendar/calendar.dto';
import {
  type CalendarPreview,
  CalendarService,
  type DistrictCalendar,
} from './calendar/calendar.service';
import { DistrictParametersService } from './parameters/district-parameters.service';

/** The district's parameters and working calendar: what its processes compute with. */
@ApiTags('区县管理')
@Controller()
@DistrictAdminOnly()
export class DistrictSettingsController {
  constructor(
    @Inject(DistrictParametersService) private readonly parameters: DistrictParametersService,
    @Inject(CalendarService) private readonly calendar: CalendarService,
  ) {}

  @Get('parameters')
  @ApiOkResponse({ description: '区县参数（默认值叠加本区县保存的值）' })
  getParameters(@CurrentUser() caller: Caller): Promise<Record<string, unknown>> {
    return this.parameters.get(caller.district);
  }

  /** The body is the parameter object (keys left out take their defaults); every key is checked. */
  @Put('parameters')
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiOkResponse({ description: '保存后的区县参数' })
  async putParameters(
    @CurrentUser() caller: Caller,
    @Body() body: unknown,
  ): Promise<Record<string, unknown>> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw AppError.field('', '请求体必须是参数对象');
    }
    return this.parameters.put(caller.district, body as Record<string, unknown>, caller.userId);
  }

  @Get('calendar')
  @ApiOkResponse({ type: CalendarDto })
  getCalendar(@CurrentUser() caller: Caller): Promise<DistrictCalendar> {
    return this.calendar.get(caller.district);
  }

  @Get('calendar/preview')
  @ApiQuery({ type: CalendarPreviewQueryDto })
  @ApiOkResponse({ type: CalendarPreviewResponse })
  previewCalendar(
    @CurrentUser() caller: Caller,
    @Query() query: CalendarPreviewQueryDto,
  ): Promise<CalendarPreview> {
    return this.calendar.preview(caller.district, query);
  }

  @Put('calendar')
  @ApiOkResponse({ type: CalendarDto })
  putCalendar(@CurrentUser() caller: Caller, @Body() body: CalendarDto): Promise<DistrictCalendar> {
    return this.calendar.put(caller.district, body, caller.userId);
  }
}
