import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CalendarService } from './calendar/calendar.service';
import { DistrictRepository } from './district.repository';
import { DistrictSettingsController } from './district-settings.controller';
import { DistrictsController } from './districts.controller';
import { DistrictsService } from './districts.service';
import { DistrictParametersService } from './parameters/district-parameters.service';

/** Districts (the clone wizard), and each district's parameters and working calendar. */
@Module({
  imports: [AccountsModule],
  controllers: [DistrictsController, DistrictSettingsController],
  providers: [DistrictRepository, DistrictsService, CalendarService, DistrictParametersService],
  exports: [DistrictRepository, DistrictsService, CalendarService, DistrictParametersService],
})
export class DistrictsModule {}
