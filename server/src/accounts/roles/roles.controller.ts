import { Body, Controller, Get, Param, Put, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsNotEmpty, IsString } from 'class-validator';
import type { Caller } from '../../auth/caller';
import { DistrictAdminOnly } from '../../auth/decorators/access.decorators';
import { CurrentUser } from '../../auth/decorators/current-user.decorator';
import { ROLE_KEYS } from './role-catalog';
import { type RoleMembers, RolesService } from './roles.service';

export class SetRoleMembersDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  userIds!: string[];
}

export class RoleMembersResponse {
  @ApiProperty({ enum: ROLE_KEYS }) key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: [String] }) userIds!: string[];
}

@ApiTags('区县管理')
@Controller('roles')
@DistrictAdminOnly()
export class RolesController {
  constructor(@Inject(RolesService) private readonly roles: RolesService) {}

  @Get()
  @ApiOkResponse({ type: [RoleMembersResponse] })
  list(@CurrentUser() caller: Caller): Promise<RoleMembers[]> {
    return this.roles.list(caller.district);
  }

  @Put(':key')
  @ApiOkResponse({ type: RoleMembersResponse })
  set(
    @CurrentUser() caller: Caller,
    @Param('key') key: string,
    @Body() body: SetRoleMembersDto,
  ): Promise<RoleMembers> {
    return this.roles.setMembers(caller.district, key, body.userIds);
  }
}
