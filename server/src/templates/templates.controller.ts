import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { DistrictAdminOnly } from '../auth/decorators/access.decorators';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import type { TemplateSummary } from '../workflow';
import { AppliedUpdateResponse, TemplateResponse, TemplateUpdateResponse } from './template.dto';
import { type AppliedUpdate, TemplatesService, type TemplateUpdate } from './templates.service';

/**
 * The template library (processes/ + forms/): what the clone wizard offers (`POST /districts`
 * installs through TemplatesService), and the district's updates from newer library versions.
 */
@ApiTags('模板库')
@Controller('templates')
@DistrictAdminOnly()
export class TemplatesController {
  constructor(@Inject(TemplatesService) private readonly templates: TemplatesService) {}

  @Get()
  @ApiOkResponse({ type: [TemplateResponse] })
  list(): TemplateSummary[] {
    return this.templates.list();
  }

  @Get('updates')
  @ApiOkResponse({ type: [TemplateUpdateResponse], description: '比本区县安装版本更新的模板' })
  updates(@CurrentUser() caller: Caller): Promise<TemplateUpdate[]> {
    return this.templates.updates(caller.district);
  }

  @Post(':key/apply-update')
  @HttpCode(200)
  @ApiOkResponse({ type: AppliedUpdateResponse })
  applyUpdate(@CurrentUser() caller: Caller, @Param('key') key: string): Promise<AppliedUpdate> {
    return this.templates.applyUpdate(caller.district, key, caller.userId);
  }
}
