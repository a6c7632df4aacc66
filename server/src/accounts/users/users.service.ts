import { Inject, Injectable } from '@nestjs/common';
import type { Filter } from 'mongodb';
import type { Clock } from '../../../../engine/src';
import type { Caller } from '../../auth/caller';
import { newId } from '../../common/database/ids';
import { AppError, type FieldProblem } from '../../common/errors/app-error';
import { type Page, pageById } from '../../common/pagination/pagination';
import { CLOCK } from '../../common/tokens';
import type { RoleKey } from '../roles/role-catalog';
import { UnitRepository } from '../units/unit.repository';
import { PasswordHasher } from './password-hasher';
import { passwordProblems } from './password-policy';
import { toUserView, type UserDoc, usernameKeyOf, type UserView } from './user.document';
import { UserRepository } from './user.repository';
import { searchPattern } from '../../common/database/search-pattern';

export interface NewUser {
  username: string;
  name: string;
  password: string;
  phone?: string | null;
  unitId?: string | null;
  roles?: RoleKey[] | null;
  isDistrictAdmin?: boolean | null;
  /** Only the seed and district creation set this; no API route does. */
  isPlatformAdmin?: boolean;
}

export interface UserChanges {
  name?: string;
  phone?: string | null;
  unitId?: string | null;
  roles?: RoleKey[];
  isDistrictAdmin?: boolean;
  password?: string;
  disabled?: boolean;
}

export interface UserFilter {
  q?: string;
  role?: RoleKey;
  unitId?: string;
  /** Leave disabled accounts out (pickers); the administration list shows them. */
  activeOnly?: boolean;
}

/** A district's accounts. Every read and write goes through `users.in(district)`. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(UserRepository) private readonly repository: UserRepository,
    @Inject(UnitRepository) private readonly units: UnitRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(
    district: string,
    query: UserFilter & { cursor?: string; limit?: number },
  ): Promise<Page<UserView>> {
    return pageById(this.repository.users.in(district), userFilter(query), query, toUserView);
  }

  async get(district: string, id: string): Promise<UserView> {
    const user = await this.repository.users.in(district).findById(id);
    if (!user) throw AppError.notFound('用户');
    return toUserView(user);
  }

  async create(district: string, input: NewUser): Promise<UserView> {
    const problems = [
      ...passwordProblems(input.password, input.username).map((message) => ({
        path: 'password',
        message,
      })),
      ...(await this.unitProblems(district, input.unitId)),
    ];
    if (problems.length > 0) throw AppError.validation(problems);

    const id = newId();
    const usernameKey = usernameKeyOf(input.username);
    if (!(await this.repository.claimUsername(usernameKey, id, district))) {
      throw new AppError('CONFLICT', '用户名已被使用', [
        { path: 'username', message: '用户名已被使用' },
      ]);
    }
    const now = this.clock.now();
    const doc: UserDoc = {
      _id: id,
      district,
      username: input.username.trim(),
      usernameKey,
      name: input.name.trim(),
      roles: input.roles ?? [],
      isDistrictAdmin: input.isDistrictAdmin ?? false,
      isPlatformAdmin: input.isPlatformAdmin ?? false,
      passwordHash: await this.hasher.hash(input.password),
      passwordChangedAt: now,
      sessionEpoch: newId(),
      disabled: false,
      createdAt: now,
      updatedAt: now,
    };
    if (input.phone) doc.phone = input.phone;
    if (input.unitId) doc.unitId = input.unitId;
    try {
      await this.repository.users.in(district).insertOne(doc);
    } catch (error) {
      await this.repository.releaseUsername(usernameKey, id);
      throw error;
    }
    return toUserView(doc);
  }

  /**
   * Applies an administrator's changes. A new password or disabling ends the user's sessions
   * (by a new session epoch); administrators may not disable or demote themselves, so a district
   * cannot lose its last administrator by a slip.
   */
  async update(
    district: string,
    id: string,
    changes: UserChanges,
    actor: Caller,
  ): Promise<UserView> {
    const view = this.repository.users.in(district);
    const user = await view.findById(id);
    if (!user) throw AppError.notFound('用户');
    if (user._id === actor.userId) {
      if (changes.disabled === true) throw AppError.conflict('不能停用自己的账号');
      if (changes.isDistrictAdmin === false) throw AppError.conflict('不能取消自己的管理员身份');
    }
    const problems: FieldProblem[] = [...(await this.unitProblems(district, changes.unitId))];
    if (changes.password !== undefined) {
      problems.push(
        ...passwordProblems(changes.password, user.username).map((message) => ({
          path: 'password',
          message,
        })),
      );
    }
    if (problems.length > 0) throw AppError.validation(problems);

    const now = this.clock.now();
    const set: Partial<UserDoc> = { updatedAt: now };
    const unset: Record<string, ''> = {};
    if (changes.name !== undefined) set.name = changes.name.trim();
    if (changes.roles !== undefined) set.roles = changes.roles;
    if (changes.isDistrictAdmin !== undefined) set.isDistrictAdmin = changes.isDistrictAdmin;
    if (changes.disabled !== undefined) set.disabled = changes.disabled;
    if (changes.phone === null) unset.phone = '';
    else if (changes.phone !== undefined) set.phone = changes.phone;
    if (changes.unitId === null) unset.unitId = '';
    else if (changes.unitId !== undefined) set.unitId = changes.unitId;
    if (changes.password !== undefined) {
      set.passwordHash = await this.hasher.hash(changes.password);
      set.passwordChangedAt = now;
    }
    if (changes.password !== undefined || changes.disabled === true) set.sessionEpoch = newId();

    await view.updateOne(
      { _id: id },
      Object.keys(unset).length ? { $set: set, $unset: unset } : { $set: set },
    );
    const updated = await view.findById(id);
    if (!updated) throw AppError.notFound('用户');
    return toUserView(updated);
  }

  /** Sets a user's own new password after the caller proved the current one (auth module). */
  async replacePassword(district: string, id: string, password: string): Promise<UserDoc> {
    const view = this.repository.users.in(district);
    const now = this.clock.now();
    const set = {
      passwordHash: await this.hasher.hash(password),
      passwordChangedAt: now,
      sessionEpoch: newId(),
      updatedAt: now,
    };
    await view.updateOne({ _id: id }, { $set: set });
    const updated = await view.findById(id);
    if (!updated) throw AppError.notFound('用户');
    return updated;
  }

  private async unitProblems(
    district: string,
    unitId: string | null | undefined,
  ): Promise<FieldProblem[]> {
    if (unitId === undefined || unitId === null) return [];
    return (await this.units.findActive(district, unitId))
      ? []
      : [{ path: 'unitId', message: '单位不存在' }];
  }
}

/** The filter of a user list or picker query. */
export function userFilter(query: UserFilter): Filter<UserDoc> {
  const filter: Filter<UserDoc> = {};
  if (query.role) filter.roles = query.role;
  if (query.unitId) filter.unitId = query.unitId;
  if (query.activeOnly) filter.disabled = false;
  if (query.q) {
    const pattern = searchPattern(query.q);
    filter.$or = [{ name: pattern }, { usernameKey: pattern }];
  }
  return filter;
}
