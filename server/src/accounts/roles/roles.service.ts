import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '../../../../engine/src';
import type { PullOperator } from 'mongodb';
import { AppError } from '../../common/errors/app-error';
import type { UserDoc } from '../users/user.document';
import { CLOCK } from '../../common/tokens';
import { UserRepository } from '../users/user.repository';
import { isRoleKey, ROLE_CATALOG, type RoleKey, roleLabel } from './role-catalog';

export interface RoleMembers {
  key: RoleKey;
  label: string;
  userIds: string[];
}

/**
 * Who holds each role in a district. Membership lives on the user (`roles`), so the session and
 * the directory read it with the user; this service is the role-by-role view of the same data.
 */
@Injectable()
export class RolesService {
  constructor(
    @Inject(UserRepository) private readonly repository: UserRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(district: string): Promise<RoleMembers[]> {
    const holders = await this.repository.users
      .in(district)
      .find({}, { projection: { roles: 1 }, sort: { _id: 1 } })
      .toArray();
    return ROLE_CATALOG.map(({ key, label }) => ({
      key,
      label,
      userIds: holders.filter((user) => user.roles.includes(key)).map((user) => user._id),
    }));
  }

  /** Makes exactly these users hold the role (adding it to them, taking it from everyone else). */
  async setMembers(district: string, key: string, userIds: string[]): Promise<RoleMembers> {
    if (!isRoleKey(key)) throw AppError.notFound('角色');
    const view = this.repository.users.in(district);
    const found = await view.find({ _id: { $in: userIds } }, { projection: { _id: 1 } }).toArray();
    const known = new Set(found.map((user) => user._id));
    const missing = userIds
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !known.has(id))
      .map(({ index }) => ({ path: `userIds[${index}]`, message: '用户不存在' }));
    if (missing.length > 0) throw AppError.validation(missing);

    const now = this.clock.now();
    await view.updateMany(
      { _id: { $in: userIds }, roles: { $ne: key } },
      { $addToSet: { roles: key }, $set: { updatedAt: now } },
    );
    await view.updateMany(
      { _id: { $nin: userIds }, roles: key },
      { $pull: { roles: key } as unknown as PullOperator<UserDoc>, $set: { updatedAt: now } },
    );
    return { key, label: roleLabel(key), userIds: [...userIds].sort() };
  }
}
