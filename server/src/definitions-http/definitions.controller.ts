import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Caller } from '../auth/caller';
import { DistrictAdminOnly } from '../auth/decorators/access.decorators';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import {
  DefinitionResponse,
  DefinitionXmlDto,
  StartableResponse,
  ValidationReportResponse,
} from './definition.dto';
import {
  MessageNameResponse,
  ProcessVariablesQueryDto,
  ProcessVariablesResponse,
} from './definition-references.dto';
import {
  DefinitionReferencesService,
  type MessageNameView,
  type ProcessVariablesView,
} from './definition-references.service';
import {
  DefinitionsService,
  type DefinitionView,
  type StartableView,
  type ValidationView,
} from './definitions.service';

/** Process definitions of the caller's district: the designer's routes and the start menu. */
@ApiTags('流程管理')
@Controller('definitions')
export class DefinitionsController {
  constructor(
    @Inject(DefinitionsService) private readonly definitions: DefinitionsService,
    @Inject(DefinitionReferencesService) private readonly references: DefinitionReferencesService,
  ) {}

  @Get()
  @DistrictAdminOnly()
  @ApiOkResponse({ type: [DefinitionResponse], description: '每个流程的最新版本' })
  list(@CurrentUser() caller: Caller): Promise<DefinitionView[]> {
    return this.definitions.list(caller.district);
  }

  @Get('startable')
  @ApiOkResponse({ type: [StartableResponse], description: '当前用户可发起的流程' })
  startable(@CurrentUser() caller: Caller): Promise<StartableView[]> {
    return this.definitions.startable(caller);
  }

  @Get('messages')
  @DistrictAdminOnly()
  @ApiOkResponse({ type: [MessageNameResponse], description: '各流程最新版本等待或发出的消息名称' })
  messages(@CurrentUser() caller: Caller): Promise<MessageNameView[]> {
    return this.references.messages(caller.district);
  }

  @Get(':key/variables')
  @DistrictAdminOnly()
  @ApiQuery({ type: ProcessVariablesQueryDto })
  @ApiOkResponse({
    type: ProcessVariablesResponse,
    description: '流程表单中的变量（供调用活动映射）',
  })
  variables(
    @CurrentUser() caller: Caller,
    @Param('key') key: string,
    @Query() query: ProcessVariablesQueryDto,
  ): Promise<ProcessVariablesView> {
    return this.references.variables(caller.district, key, query.version);
  }

  @Get(':key/versions')
  @DistrictAdminOnly()
  @ApiOkResponse({ type: [DefinitionResponse], description: '全部版本，新版本在前' })
  versions(@CurrentUser() caller: Caller, @Param('key') key: string): Promise<DefinitionView[]> {
    return this.definitions.versions(caller.district, key);
  }

  @Get(':key/versions/:version/xml')
  @DistrictAdminOnly()
  @ApiProduces('text/xml')
  @ApiOkResponse({ description: 'BPMN 2.0 XML' })
  async xml(
    @CurrentUser() caller: Caller,
    @Param('key') key: string,
    @Param('version') version: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const xml = await this.definitions.xml(caller.district, key, version);
    response.type('text/xml'); // only on success: errors stay JSON
    return xml;
  }

  @Post('validate')
  @HttpCode(200)
  @DistrictAdminOnly()
  @ApiBody({ type: DefinitionXmlDto })
  @ApiOkResponse({ type: ValidationReportResponse, description: '试校验，不部署' })
  validate(@CurrentUser() caller: Caller, @Body() body: DefinitionXmlDto): Promise<ValidationView> {
    return this.definitions.validate(caller.district, body.xml);
  }

  @Post()
  @DistrictAdminOnly()
  @ApiBody({ type: DefinitionXmlDto })
  @ApiCreatedResponse({ type: DefinitionResponse, description: '部署为新版本；有问题时 400' })
  deploy(@CurrentUser() caller: Caller, @Body() body: DefinitionXmlDto): Promise<DefinitionView> {
    return this.definitions.deploy(caller.district, body.xml, caller.userId);
  }

  @Post(':key/versions/:version/activate')
  @HttpCode(200)
  @DistrictAdminOnly()
  @ApiOkResponse({ type: DefinitionResponse })
  activate(
    @CurrentUser() caller: Caller,
    @Param('key') key: string,
    @Param('version') version: string,
  ): Promise<DefinitionView> {
    return this.definitions.setActive(caller.district, key, version, true);
  }

  @Post(':key/versions/:version/deactivate')
  @HttpCode(200)
  @DistrictAdminOnly()
  @ApiOkResponse({ type: DefinitionResponse })
  deactivate(
    @CurrentUser() caller: Caller,
    @Param('key') key: string,
    @Param('version') version: string,
  ): Promise<DefinitionView> {
    return this.definitions.setActive(caller.district, key, version, false);
  }
}
