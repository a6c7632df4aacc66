import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DistrictAdminOnly } from '../auth/decorators/access.decorators';
import { HandlerResponse } from './definition.dto';
import { DefinitionsService } from './definitions.service';

/** The service-task handlers the designer offers (`camunda:topic` and its input parameters). */
@ApiTags('流程管理')
@Controller('handlers')
@DistrictAdminOnly()
export class HandlersController {
  constructor(@Inject(DefinitionsService) private readonly definitions: DefinitionsService) {}

  @Get()
  @ApiOkResponse({ type: [HandlerResponse] })
  list() {
    return this.definitions.handlers();
  }
}
