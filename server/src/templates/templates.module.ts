import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DistrictsModule } from '../districts/districts.module';
import { DistrictsService } from '../districts/districts.service';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

/** `/templates`, and the template installer of the clone wizard (`POST /districts`). */
@Module({
  imports: [DistrictsModule],
  controllers: [TemplatesController],
  providers: [TemplatesService],
  exports: [TemplatesService],
})
export class TemplatesModule implements OnModuleInit {
  constructor(
    @Inject(DistrictsService) private readonly districts: DistrictsService,
    @Inject(TemplatesService) private readonly templates: TemplatesService,
  ) {}

  onModuleInit(): void {
    this.districts.useTemplateInstaller(this.templates);
  }
}
