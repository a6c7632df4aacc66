import { Injectable, Inject } from '@nestjs/common';
import type { RoleKey } from '../accounts/roles/role-catalog';
import { UnitRepository } from '../accounts/units/unit.repository';
import { UserRepository } from '../accounts/users/user.repository';
import { userFilter } from '../accounts/users/users.service';
import { searchPattern } from '../common/database/search-pattern';
import { MAX_PAGE_SIZE } from '../common/pagination/pagination';

export interface PickerUser {
  id: string;
  name: string;
  unitName?: string;
}

export interface PickerUnit {
  id: string;
  name: string;
  kind: string;
}

/** What the pickers show: enabled users and current units, the first `limit` matches. */
@Injectable()
export class DirectorySearch {
  constructor(
    @Inject(UserRepository) private readonly userRepository: UserRepository,
    @Inject(UnitRepository) private readonly unitRepository: UnitRepository,
  ) {}

  async users(
    district: string,
    query: { q?: string; role?: RoleKey; unitId?: string; limit?: number; ids?: string },
  ): Promise<PickerUser[]> {
    const ids = idList(query.ids);
    const found = await this.userRepository.users
      .in(district)
      .find(
        {
          // names of people who did work stay readable after their account is disabled
          ...userFilter({ ...query, activeOnly: ids === undefined }),
          ...(ids && { _id: { $in: ids } }),
        },
        {
          projection: { name: 1, unitId: 1 },
          sort: { _id: 1 },
          limit: ids?.length ?? query.limit ?? MAX_PAGE_SIZE,
        },
      )
      .toArray();
    const unitIds = [...new Set(found.flatMap((user) => (user.unitId ? [user.unitId] : [])))];
    const units = unitIds.length
      ? await this.unitRepository.units
          .in(district)
          .find({ _id: { $in: unitIds } }, { projection: { name: 1 } })
          .toArray()
      : [];
    const unitNames = new Map(units.map((unit) => [unit._id, unit.name]));
    return found.map((user) => {
      const unitName = user.unitId ? unitNames.get(user.unitId) : undefined;
      return { id: user._id, name: user.name, ...(unitName !== undefined && { unitName }) };
    });
  }

  async units(
    district: string,
    query: { q?: string; limit?: number; ids?: string },
  ): Promise<PickerUnit[]> {
    const ids = idList(query.ids);
    const filter = {
      // a deleted unit stays resolvable for finished work (docs/api.md)
      ...(ids ? { _id: { $in: ids } } : { deletedAt: { $exists: false } }),
      ...(query.q && { name: searchPattern(query.q) }),
    };
    const found = await this.unitRepository.units
      .in(district)
      .find(filter, { sort: { _id: 1 }, limit: ids?.length ?? query.limit ?? MAX_PAGE_SIZE })
      .toArray();
    return found.map((unit) => ({ id: unit._id, name: unit.name, kind: unit.kind }));
  }
}

/** `ids=a,b,c` → at most a page of distinct ids; undefined when not asked. */
function idList(ids: string | undefined): string[] | undefined {
  if (ids === undefined) return undefined;
  return [
    ...new Set(
      ids
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_PAGE_SIZE);
}
