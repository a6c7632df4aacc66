import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DistrictsModule } from '../districts/districts.module';
import { DemoSeeder } from './demo-seeder';

/** The start-up seed; other modules import it to add their demo steps (DemoSeeder.addStep). */
@Module({
  imports: [AccountsModule, DistrictsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class SeedModule {}
