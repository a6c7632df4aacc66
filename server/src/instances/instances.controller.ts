import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { DistrictAdminOnly } from '../auth/decorators/access.decorators';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import type { Page } from '../common/pagination/pagination';
import { type MigrationOutcome, InstanceAdminService } from './instance-admin.service';
import {
  CancelInstanceDto,
  InstanceListQueryDto,
  MigrateInstanceDto,
  StartInstanceDto,
} from './instance.dto';
import type { InstanceSummary } from './instance.view';
import {
  type DocumentSummaryView,
  type InstanceDetail,
  InstancesService,
} from './instances.service';

@ApiTags('流程实例')
@Controller('instances')
export class InstancesController {
  constructor(
    @Inject(InstancesService) private readonly instances: InstancesService,
    @Inject(InstanceAdminService) private readonly admin: InstanceAdminService,
  ) {}

  @Post()
  @ApiOperation({ summary: '发起流程（数据按开始表单校验）' })
  @ApiBody({ type: StartInstanceDto })
  @ApiCreatedResponse({ description: 'InstanceSummary' })
  start(@CurrentUser() caller: Caller, @Body() body: StartInstanceDto): Promise<InstanceSummary> {
    return this.instances.start(caller, body);
  }

  @Get()
  @ApiQuery({ type: InstanceListQueryDto })
  @ApiOkResponse({ description: '{ items: InstanceSummary[], nextCursor? }，新发起的在前' })
  list(
    @CurrentUser() caller: Caller,
    @Query() query: InstanceListQueryDto,
  ): Promise<Page<InstanceSummary>> {
    return this.instances.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ description: '{ instance, variables, tasks, history, documents, diagram }' })
  detail(@CurrentUser() caller: Caller, @Param('id') id: string): Promise<InstanceDetail> {
    return this.instances.detail(caller, id);
  }

  @Get(':id/documents')
  @ApiOkResponse({ description: '[{ id, key, title, number?, createdAt }]' })
  documents(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
  ): Promise<DocumentSummaryView[]> {
    return this.instances.documents(caller, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @DistrictAdminOnly()
  @ApiBody({ type: CancelInstanceDto })
  cancel(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Body() body: CancelInstanceDto,
  ): Promise<InstanceSummary> {
    return this.admin.cancel(caller, id, body.reason);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @DistrictAdminOnly()
  suspend(@CurrentUser() caller: Caller, @Param('id') id: string): Promise<InstanceSummary> {
    return this.admin.suspend(caller, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @DistrictAdminOnly()
  resume(@CurrentUser() caller: Caller, @Param('id') id: string): Promise<InstanceSummary> {
    return this.admin.resume(caller, id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @DistrictAdminOnly()
  retry(@CurrentUser() caller: Caller, @Param('id') id: string): Promise<InstanceSummary> {
    return this.admin.retry(caller, id);
  }

  @Post(':id/migrate')
  @HttpCode(200)
  @DistrictAdminOnly()
  @ApiBody({ type: MigrateInstanceDto })
  migrate(
    @CurrentUser() caller: Caller,
    @Param('id') id: string,
    @Body() body: MigrateInstanceDto,
  ): Promise<MigrationOutcome> {
    return this.admin.migrate(caller, id, body);
  }
}
