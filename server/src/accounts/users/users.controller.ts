import { Body, Controller, Get, Param, Patch, Post, Query, Inject } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { DistrictAdminOnly } from '../../auth/decorators/access.decorators';
import { CurrentUser } from '../../auth/decorators/current-user.decorator';
import type { Page } from '../../common/pagination/pagination';
import type { UserView } from './user.document';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto, UserResponse } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('区县管理')
@Controller('users')
@DistrictAdminOnly()
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @ApiQuery({ type: ListUsersQueryDto })
  @ApiOkResponse({ description: '{ items: User[], nextCursor? }' })
  list(@CurrentUser() caller: Caller, @Query() query: ListUsersQueryDto): Promise<Page<UserView>> {
    return this.users.list(caller.district, query);
  }

  @Post()
  @ApiBody({ type: CreateUserDto })
  @ApiCreatedResponse({ type: UserResponse })
  create(@CurrentUser() caller: Caller, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(caller.district, body);
  }

  @Patch(':id')
  @ApiBody({ type: UpdateUserDto })
  @ApiOkResponse({ type: UserResponse })
  update(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(caller.district, id, body, caller);
  }
}
