import { Module } from '@nestjs/common';
import { DefinitionsHttpModule } from '../definitions-http/definitions-http.module';
import { InstanceAdminService } from './instance-admin.service';
import { InstancesController } from './instances.controller';
import { InstancesService } from './instances.service';

/** `/instances`: start, list, the instance page, documents and the administrator's actions. */
@Module({
  imports: [DefinitionsHttpModule],
  controllers: [InstancesController],
  providers: [InstancesService, InstanceAdminService],
  exports: [InstancesService],
})
export class InstancesModule {}
