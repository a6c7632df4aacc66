import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { DistrictAdminOnly } from '../auth/decorators/access.decorators';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import {
  FormDetailResponse,
  FormSummaryResponse,
  FormVersionResponse,
  PublishFormDto,
} from './form.dto';
import {
  type FormDetailView,
  FormsService,
  type FormSummaryView,
  type FormVersionView,
} from './forms.service';

/**
 * The district's forms for the form designer: list, versions, publish (district administrators).
 * One version's schema is readable by any signed-in user of the district: the start page renders
 * the start form `GET /definitions/startable` names (task pages get theirs with the task).
 */
@ApiTags('表单管理')
@Controller('forms')
export class FormsController {
  constructor(@Inject(FormsService) private readonly forms: FormsService) {}

  @Get()
  @DistrictAdminOnly()
  @ApiOkResponse({ type: [FormSummaryResponse], description: '每个表单的最新版本' })
  list(@CurrentUser() caller: Caller): Promise<FormSummaryView[]> {
    return this.forms.list(caller.district);
  }

  @Get(':key')
  @DistrictAdminOnly()
  @ApiOkResponse({ type: FormDetailResponse })
  detail(@CurrentUser() caller: Caller, @Param('key') key: string): Promise<FormDetailView> {
    return this.forms.detail(caller.district, key);
  }

  @Get(':key/versions/:version')
  @ApiOkResponse({ type: FormVersionResponse })
  version(
    @CurrentUser() caller: Caller,
    @Param('key') key: string,
    @Param('version') version: string,
  ): Promise<FormVersionView> {
    return this.forms.version(caller.district, key, version);
  }

  @Post(':key/versions')
  @DistrictAdminOnly()
  @ApiBody({ type: PublishFormDto })
  @ApiCreatedResponse({ type: FormVersionResponse, description: '发布为新版本；表单有误时 400' })
  publish(
    @CurrentUser() caller: Caller,
    @Param('key') key: string,
    @Body() body: PublishFormDto,
  ): Promise<FormVersionView> {
    return this.forms.publish(caller.district, key, body, caller.userId);
  }
}
