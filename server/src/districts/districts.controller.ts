import { Body, Controller, Get, Post, Query, Inject } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { DistrictAdminOnly, PlatformAdminOnly } from '../auth/decorators/access.decorators';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { ListQueryDto, type Page } from '../common/pagination/pagination';
import type { CurrentDistrict, DistrictSummary } from './district.document';
import {
  CreateDistrictDto,
  CreatedDistrictResponse,
  CurrentDistrictResponse,
} from './district.dto';
import { DistrictsService } from './districts.service';

@ApiTags('区县管理')
@Controller('districts')
export class DistrictsController {
  constructor(@Inject(DistrictsService) private readonly districts: DistrictsService) {}

  @Get()
  @PlatformAdminOnly()
  @ApiQuery({ type: ListQueryDto })
  @ApiOkResponse({ description: '{ items: [{ id, name, code, createdAt }], nextCursor? }' })
  list(@Query() query: ListQueryDto): Promise<Page<DistrictSummary>> {
    return this.districts.list(query);
  }

  @Post()
  @PlatformAdminOnly()
  @ApiBody({ type: CreateDistrictDto })
  @ApiCreatedResponse({ type: CreatedDistrictResponse })
  create(@CurrentUser() caller: Caller, @Body() body: CreateDistrictDto): Promise<{ id: string }> {
    return this.districts.create(body, caller);
  }

  @Get('current')
  @DistrictAdminOnly()
  @ApiOkResponse({ type: CurrentDistrictResponse })
  current(@CurrentUser() caller: Caller): Promise<CurrentDistrict> {
    return this.districts.current(caller.district);
  }
}
