import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { DistrictAdminOnly } from '../../auth/decorators/access.decorators';
import { CurrentUser } from '../../auth/decorators/current-user.decorator';
import { ListQueryDto, type Page } from '../../common/pagination/pagination';
import type { UnitView } from './unit.document';
import { CreateUnitDto, UnitResponse, UpdateUnitDto } from './unit.dto';
import { UnitsService } from './units.service';

@ApiTags('区县管理')
@Controller('units')
@DistrictAdminOnly()
export class UnitsController {
  constructor(@Inject(UnitsService) private readonly units: UnitsService) {}

  @Get()
  @ApiQuery({ type: ListQueryDto })
  @ApiOkResponse({ description: '{ items: Unit[], nextCursor? }' })
  list(@CurrentUser() caller: Caller, @Query() query: ListQueryDto): Promise<Page<UnitView>> {
    return this.units.list(caller.district, query);
  }

  @Post()
  @ApiBody({ type: CreateUnitDto })
  @ApiCreatedResponse({ type: UnitResponse })
  create(@CurrentUser() caller: Caller, @Body() body: CreateUnitDto): Promise<UnitView> {
    return this.units.create(caller.district, body);
  }

  @Patch(':id')
  @ApiBody({ type: UpdateUnitDto })
  @ApiOkResponse({ type: UnitResponse })
  update(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Body() body: UpdateUnitDto,
  ): Promise<UnitView> {
    return this.units.update(caller.district, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  remove(@CurrentUser() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.units.remove(caller.district, id);
  }
}
