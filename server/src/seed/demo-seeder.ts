import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import type { Clock } from '../../../engine/src';
import { roleLabel } from '../accounts/roles/role-catalog';
import { UnitRepository } from '../accounts/units/unit.repository';
import { type UserDoc, usernameKeyOf } from '../accounts/users/user.document';
import { UserRepository } from '../accounts/users/user.repository';
import { type NewUser, UsersService } from '../accounts/users/users.service';
import { collectionOf } from '../common/database/collections';
import { isDuplicateKey } from '../common/database/duplicate-key';
import { AppError } from '../common/errors/app-error';
import { CLOCK, DATABASE, ROOT_LOGGER } from '../common/tokens';
import type { Database } from '../database/database';
import { PLATFORM_DISTRICT } from '../districts/district.document';
import { DistrictRepository } from '../districts/district.repository';
import { DistrictsService } from '../districts/districts.service';
import { credentialsBanner, type SeededAccount } from './credentials-banner';
import { DEMO_DISTRICT, DEMO_UNITS, DEMO_USERS, PLATFORM_ADMIN } from './demo-data';
import { randomPassword } from './random-password';
import type { SeedSettings } from './seed-settings';
import { SEED_SETTINGS } from './seed-settings.token';

/** What a later seed step gets to work with (ids of the demo district's people and units). */
export interface DemoSeedContext {
  district: string;
  platformAdminId: string;
  /** User ids by username (`office`, `deputy`, `unit-fgj`, `demo-admin`, ...). */
  users: Record<string, string>;
  /** Unit ids by name (`区发改局`, ...). */
  units: Record<string, string>;
  clock: Clock;
  logger: Logger;
}

/**
 * A step other modules add to the demo (templates, instances in flight). Each runs once per
 * database: its name is recorded after it succeeds. It should still tolerate a rerun (a crash
 * between its work and the record), e.g. by fixed ids.
 */
export interface DemoSeedStep {
  name: string;
  run(context: DemoSeedContext): Promise<void>;
}

/** `seed_marks`: which seed steps have run, `_id` = the step's name. */
interface SeedMark {
  _id: string;
  district: string;
  at: Date;
}

/**
 * At start-up (before the server listens): the platform administrator, and — unless turned off —
 * the demo district 示范区 with its units and users, then the steps other modules added. Every
 * part is "create if missing", so restarts, a crash midway and two servers starting together all
 * end with one copy.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly steps: DemoSeedStep[] = [];
  private readonly marks: Collection<SeedMark>;

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(SEED_SETTINGS) private readonly settings: SeedSettings | undefined,
    @Inject(DistrictsService) private readonly districts: DistrictsService,
    @Inject(DistrictRepository) private readonly districtRepository: DistrictRepository,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(UserRepository) private readonly userRepository: UserRepository,
    @Inject(UnitRepository) private readonly unitRepository: UnitRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.marks = collectionOf<SeedMark>(database, 'seed_marks');
  }

  /** Call from your module's onModuleInit; steps run in the order added. */
  addStep(step: DemoSeedStep): void {
    if (this.steps.some((existing) => existing.name === step.name)) {
      throw new Error(`demo seed step "${step.name}" is added twice`);
    }
    this.steps.push(step);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings) await this.seed(this.settings);
  }

  async seed(settings: SeedSettings): Promise<void> {
    const created: SeededAccount[] = [];
    await this.ensureDistrict(PLATFORM_DISTRICT, '平台管理', 'platform');
    const adminPassword = settings.adminPassword ?? randomPassword();
    const admin = await this.ensureUser(PLATFORM_DISTRICT, {
      ...PLATFORM_ADMIN,
      password: adminPassword,
      isPlatformAdmin: true,
    });
    if (admin.created)
      created.push({ ...PLATFORM_ADMIN, password: adminPassword, note: '平台管理员' });

    if (settings.demo) {
      const context = await this.seedDemoDistrict(settings, admin.user._id, created);
      await this.runSteps(context);
    }

    if (created.length > 0) {
      (settings.print ?? ((text) => process.stdout.write(text)))(credentialsBanner(created));
      this.logger.info(
        { accounts: created.map((account) => account.username) },
        'seed accounts created',
      );
    } else {
      this.logger.info({ demo: settings.demo }, 'seed data present');
    }
  }

  private async seedDemoDistrict(
    settings: SeedSettings,
    platformAdminId: string,
    created: SeededAccount[],
  ): Promise<DemoSeedContext> {
    const district = DEMO_DISTRICT.code;
    await this.ensureDistrict(district, DEMO_DISTRICT.name, 'district');
    const units: Record<string, string> = {};
    for (const unit of DEMO_UNITS) {
      await this.ensureUnit(district, unit);
      units[unit.name] = unit.id;
    }
    const password = settings.demoPassword ?? randomPassword();
    const users: Record<string, string> = {};
    for (const spec of DEMO_USERS) {
      const { user, created: isNew } = await this.ensureUser(district, {
        username: spec.username,
        name: spec.name,
        password,
        roles: spec.roles,
        unitId: spec.unit ? units[spec.unit] : undefined,
        isDistrictAdmin: spec.isDistrictAdmin ?? false,
      });
      users[spec.username] = user._id;
      const note = spec.isDistrictAdmin
        ? '示范区管理员'
        : spec.roles.map((role) => roleLabel(role)).join('、');
      if (isNew) created.push({ username: spec.username, name: spec.name, password, note });
    }
    return { district, platformAdminId, users, units, clock: this.clock, logger: this.logger };
  }

  private async runSteps(context: DemoSeedContext): Promise<void> {
    for (const step of this.steps) {
      const id = `${context.district}:${step.name}`;
      if (await this.marks.findOne({ _id: id })) continue;
      this.logger.info({ step: step.name }, 'demo seed step');
      await step.run(context);
      await this.marks
        .insertOne({ _id: id, district: context.district, at: this.clock.now() })
        .catch((error) => {
          if (!isDuplicateKey(error)) throw error;
        });
    }
  }

  private async ensureDistrict(
    code: string,
    name: string,
    kind: 'district' | 'platform',
  ): Promise<void> {
    if (await this.districtRepository.findById(code)) return;
    await this.districts.register({ code, name, kind }).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    });
  }

  private async ensureUnit(district: string, unit: (typeof DEMO_UNITS)[number]): Promise<void> {
    const view = this.unitRepository.units.in(district);
    if (await view.findById(unit.id)) return;
    const now = this.clock.now();
    await view
      .insertOne({ _id: unit.id, name: unit.name, kind: unit.kind, createdAt: now, updatedAt: now })
      .catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
  }

  private async ensureUser(
    district: string,
    input: NewUser,
  ): Promise<{ user: UserDoc; created: boolean }> {
    const key = usernameKeyOf(input.username);
    const existing = await this.userRepository.findByUsername(key);
    if (existing) return { user: existing, created: false };
    try {
      await this.users.create(district, input);
      return { user: (await this.userRepository.findByUsername(key))!, created: true };
    } catch (error) {
      // Another server process seeding at the same moment claimed the name first.
      const raced =
        error instanceof AppError &&
        error.code === 'CONFLICT' &&
        (await this.userRepository.findByUsername(key));
      if (raced) return { user: raced, created: false };
      throw error;
    }
  }
}
