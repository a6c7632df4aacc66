import { Controller, Get, Query, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ROLE_KEYS, type RoleKey } from '../accounts/roles/role-catalog';
import type { Caller } from '../auth/caller';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { MAX_PAGE_SIZE } from '../common/pagination/pagination';
import { DirectorySearch, type PickerUnit, type PickerUser } from './directory-search';

export class DirectoryUnitsQueryDto {
  @ApiPropertyOptional({ description: '按名称搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  q?: string;

  @ApiPropertyOptional({
    description:
      '按 id 查找（逗号分隔，最多 100 个），用于显示已选或办理记录中的名称：包括已停用的用户和已删除的单位',
  })
  @IsOptional()
  @IsString()
  @MaxLength(6100)
  ids?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export class DirectoryUsersQueryDto extends DirectoryUnitsQueryDto {
  @ApiPropertyOptional({ enum: ROLE_KEYS })
  @IsOptional()
  @IsIn(ROLE_KEYS)
  role?: RoleKey;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  unitId?: string;
}

class PickerUserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() unitName?: string;
}

class PickerUnitResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
}

/** Picker sources for any signed-in user of the district (UserPicker, UnitPicker). */
@ApiTags('通讯录')
@Controller('directory')
export class DirectoryController {
  constructor(@Inject(DirectorySearch) private readonly search: DirectorySearch) {}

  @Get('users')
  @ApiOkResponse({ type: [PickerUserResponse] })
  users(
    @CurrentUser() caller: Caller,
    @Query() query: DirectoryUsersQueryDto,
  ): Promise<PickerUser[]> {
    return this.search.users(caller.district, query);
  }

  @Get('units')
  @ApiOkResponse({ type: [PickerUnitResponse] })
  units(
    @CurrentUser() caller: Caller,
    @Query() query: DirectoryUnitsQueryDto,
  ): Promise<PickerUnit[]> {
    return this.search.units(caller.district, query);
  }
}
