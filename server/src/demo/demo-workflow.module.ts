import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DistrictRepository } from '../districts/district.repository';
import { DistrictsModule } from '../districts/districts.module';
import { PlatformJobs } from '../platform/platform-jobs';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { DemoSeeder } from '../seed/demo-seeder';
import { SeedModule } from '../seed/seed.module';
import { TemplatesModule } from '../templates/templates.module';
import { TemplatesService } from '../templates/templates.service';
import type { WorkflowPlatform } from '../workflow';
import {
  demoParametersStep,
  installTemplatesStep,
  instancesInFlightStep,
} from './demo-workflow.seed';

/** The demo seed's workflow steps: 示范区 gets the templates and a few instances in flight. */
@Module({ imports: [SeedModule, DistrictsModule, TemplatesModule] })
export class DemoWorkflowModule implements OnModuleInit {
  constructor(
    @Inject(DemoSeeder) private readonly seeder: DemoSeeder,
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(TemplatesService) private readonly templates: TemplatesService,
    @Inject(DistrictRepository) private readonly districts: DistrictRepository,
    @Inject(PlatformJobs) private readonly jobs: PlatformJobs,
  ) {}

  onModuleInit(): void {
    const deps = {
      platform: this.platform,
      templates: this.templates,
      districts: this.districts,
      jobs: this.jobs,
    };
    this.seeder.addStep(installTemplatesStep(deps));
    this.seeder.addStep(demoParametersStep(deps));
    this.seeder.addStep(instancesInFlightStep(deps));
  }
}
