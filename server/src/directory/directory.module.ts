import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DistrictsModule } from '../districts/districts.module';
import { DirectoryController } from './directory.controller';
import { DirectorySearch } from './directory-search';
import { DirectoryService } from './directory.service';
import { DIRECTORY } from './directory.token';

/** The `Directory` port for the workflow (inject DIRECTORY) and the picker routes. */
@Module({
  imports: [AccountsModule, DistrictsModule],
  controllers: [DirectoryController],
  providers: [
    DirectoryService,
    DirectorySearch,
    { provide: DIRECTORY, useExisting: DirectoryService },
  ],
  exports: [DIRECTORY, DirectoryService],
})
export class DirectoryModule {}
