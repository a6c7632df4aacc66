import { Inject, Injectable } from '@nestjs/common';
import { newId } from '../../common/database/ids';
import { AppError } from '../../common/errors/app-error';
import { type Page, pageById } from '../../common/pagination/pagination';
import { CLOCK } from '../../common/tokens';
import type { Clock } from '../../../../engine/src';
import { UserRepository } from '../users/user.repository';
import { toUnitView, type UnitKind, type UnitView } from './unit.document';
import { UnitRepository } from './unit.repository';

export interface UnitInput {
  name: string;
  kind: UnitKind;
}

/** A district's units. Names are unique among a district's current units. */
@Injectable()
export class UnitsService {
  constructor(
    @Inject(UnitRepository) private readonly repository: UnitRepository,
    @Inject(UserRepository) private readonly userRepository: UserRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(district: string, query: { cursor?: string; limit?: number }): Promise<Page<UnitView>> {
    const view = this.repository.units.in(district);
    return pageById(view, { deletedAt: { $exists: false } }, query, toUnitView);
  }

  async create(district: string, input: UnitInput): Promise<UnitView> {
    const name = input.name.trim();
    await this.assertNameFree(district, name);
    const now = this.clock.now();
    const doc = { _id: newId(), name, kind: input.kind, createdAt: now, updatedAt: now };
    await this.repository.units.in(district).insertOne(doc);
    return toUnitView({ ...doc, district });
  }

  async update(district: string, id: string, patch: Partial<UnitInput>): Promise<UnitView> {
    const unit = await this.repository.findActive(district, id);
    if (!unit) throw AppError.notFound('单位');
    const name = patch.name?.trim();
    if (name !== undefined && name !== unit.name) await this.assertNameFree(district, name);
    const changes = {
      ...(name !== undefined && { name }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      updatedAt: this.clock.now(),
    };
    await this.repository.units.in(district).updateOne({ _id: id }, { $set: changes });
    return toUnitView({ ...unit, ...changes });
  }

  /** Marks the unit deleted; refused while people still belong to it. */
  async remove(district: string, id: string): Promise<void> {
    const unit = await this.repository.findActive(district, id);
    if (!unit) throw AppError.notFound('单位');
    const members = await this.userRepository.users
      .in(district)
      .count({ unitId: id, disabled: false });
    if (members > 0) {
      throw AppError.conflict(`该单位下还有 ${members} 个用户，请先将他们调整到其他单位`, {
        users: members,
      });
    }
    const now = this.clock.now();
    await this.repository.units
      .in(district)
      .updateOne({ _id: id }, { $set: { deletedAt: now, updatedAt: now } });
  }

  /**
   * Best effort: two concurrent creations of one name can both pass (FerretDB has no atomic
   * conditional write but `_id`); a duplicate name is an inconvenience, not a corruption.
   */
  private async assertNameFree(district: string, name: string): Promise<void> {
    if (await this.repository.findActiveByName(district, name)) {
      throw new AppError('CONFLICT', '已有同名单位', [{ path: 'name', message: '已有同名单位' }]);
    }
  }
}
