import { Module } from '@nestjs/common';
import { RolesController } from './roles/roles.controller';
import { RolesService } from './roles/roles.service';
import { UnitRepository } from './units/unit.repository';
import { UnitsController } from './units/units.controller';
import { UnitsService } from './units/units.service';
import { PasswordHasher } from './users/password-hasher';
import { UserRepository } from './users/user.repository';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** People and organisations of a district: users, units and who holds which role. */
@Module({
  controllers: [UsersController, UnitsController, RolesController],
  providers: [
    UserRepository,
    UnitRepository,
    PasswordHasher,
    UsersService,
    UnitsService,
    RolesService,
  ],
  exports: [
    UserRepository,
    UnitRepository,
    PasswordHasher,
    UsersService,
    UnitsService,
    RolesService,
  ],
})
export class AccountsModule {}
