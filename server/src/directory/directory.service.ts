import { Injectable, Inject } from '@nestjs/common';
import { isRoleKey, ROLE_KEYS } from '../accounts/roles/role-catalog';
import { UnitRepository } from '../accounts/units/unit.repository';
import { UserRepository } from '../accounts/users/user.repository';
import { DistrictRepository } from '../districts/district.repository';
import type { Directory, DirectoryUnit, DirectoryUser } from '../workflow/directory.port';

/**
 * The workflow's view of a district's people, over the accounts collections. Assignments
 * (`role:<key>`, units) go to enabled accounts only; single lookups also answer for disabled
 * users and deleted units, because finished work still names them.
 */
@Injectable()
export class DirectoryService implements Directory {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(UnitRepository) private readonly units: UnitRepository,
    @Inject(DistrictRepository) private readonly districts: DistrictRepository,
  ) {}

  async usersWithRole(district: string, roleKey: string): Promise<string[]> {
    if (!isRoleKey(roleKey)) return [];
    const holders = await this.users.users
      .in(district)
      .find({ roles: roleKey, disabled: false }, { projection: { _id: 1 }, sort: { _id: 1 } })
      .toArray();
    return holders.map((user) => user._id);
  }

  async roleKeys(district: string): Promise<string[]> {
    return (await this.districts.findById(district)) ? [...ROLE_KEYS] : [];
  }

  async user(district: string, userId: string): Promise<DirectoryUser | undefined> {
    const user = await this.users.users.in(district).findById(userId);
    if (!user) return undefined;
    return {
      id: user._id,
      name: user.name,
      roles: user.roles,
      ...(user.unitId !== undefined && { unitId: user.unitId }),
    };
  }

  async unit(district: string, unitId: string): Promise<DirectoryUnit | undefined> {
    const unit = await this.units.units.in(district).findById(unitId);
    return unit ? { id: unit._id, name: unit.name, kind: unit.kind } : undefined;
  }

  async displayNames(district: string, ids: readonly string[]): Promise<Record<string, string>> {
    if (ids.length === 0) return {};
    const filter = { _id: { $in: [...ids] } };
    const [users, units] = await Promise.all([
      this.users.users
        .in(district)
        .find(filter, { projection: { _id: 1, name: 1 } })
        .toArray(),
      this.units.units
        .in(district)
        .find(filter, { projection: { _id: 1, name: 1 } })
        .toArray(),
    ]);
    return Object.fromEntries([...users, ...units].map((entry) => [entry._id, entry.name]));
  }

  async usersOfUnit(district: string, unitId: string): Promise<string[]> {
    const members = await this.users.users
      .in(district)
      .find({ unitId, disabled: false }, { projection: { _id: 1 }, sort: { _id: 1 } })
      .toArray();
    return members.map((user) => user._id);
  }
}
