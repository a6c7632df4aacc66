import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Clock } from '../../../engine/src';
import { ROLE_KEYS, type RoleKey, isRoleKey } from '../accounts/roles/role-catalog';
import { UnitRepository } from '../accounts/units/unit.repository';
import { UnitsService } from '../accounts/units/units.service';
import type { UnitKind } from '../accounts/units/unit.document';
import { usernameKeyOf } from '../accounts/users/user.document';
import { UserRepository } from '../accounts/users/user.repository';
import { UsersService } from '../accounts/users/users.service';
import { passwordProblems } from '../accounts/users/password-policy';
import { AppError, type FieldProblem } from '../common/errors/app-error';
import { type Page } from '../common/pagination/pagination';
import { CLOCK, ROOT_LOGGER } from '../common/tokens';
import {
  type CurrentDistrict,
  type DistrictDoc,
  type DistrictSummary,
  PLATFORM_DISTRICT,
  toDistrictSummary,
} from './district.document';
import { DistrictRepository } from './district.repository';
import { DistrictParametersService } from './parameters/district-parameters.service';
import type { TemplateInstaller } from './template-installer.port';

/** `POST /districts`: the clone wizard's request (docs/api.md "Templates"). */
export interface NewDistrict {
  name: string;
  code: string;
  templates: string[];
  roleMapping: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  admin: { username: string; name: string; password: string };
  units?: { name: string; kind: UnitKind }[];
}

@Injectable()
export class DistrictsService {
  private templateInstaller?: TemplateInstaller;

  constructor(
    @Inject(DistrictRepository) private readonly districts: DistrictRepository,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(UnitsService) private readonly units: UnitsService,
    @Inject(UserRepository) private readonly userRepository: UserRepository,
    @Inject(UnitRepository) private readonly unitRepository: UnitRepository,
    @Inject(DistrictParametersService) private readonly parameters: DistrictParametersService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** The template library's module plugs in here (see TemplateInstaller). */
  useTemplateInstaller(installer: TemplateInstaller): void {
    this.templateInstaller = installer;
  }

  async list(query: { cursor?: string; limit?: number }): Promise<Page<DistrictSummary>> {
    const page = await this.districts.list(query);
    return { ...page, items: page.items.map(toDistrictSummary) };
  }

  async current(district: string): Promise<CurrentDistrict> {
    const doc = await this.districts.findById(district);
    if (!doc) throw AppError.notFound('区县');
    return { id: doc._id, name: doc.name, code: doc.code, clonedTemplates: doc.clonedTemplates };
  }

  /** Adds the district record alone (seed, tests, and the first step of `create`). */
  async register(input: {
    code: string;
    name: string;
    kind?: DistrictDoc['kind'];
  }): Promise<DistrictDoc> {
    const now = this.clock.now();
    const doc: DistrictDoc = {
      _id: input.code,
      district: input.code,
      code: input.code,
      name: input.name.trim(),
      kind: input.kind ?? 'district',
      clonedTemplates: [],
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.districts.insert(doc))) {
      throw new AppError('CONFLICT', '区县代码已被使用', [
        { path: 'code', message: '区县代码已被使用' },
      ]);
    }
    return doc;
  }

  /**
   * The clone wizard: checks the whole request first (every problem at once), then creates the
   * district, its administrator, units, role holders, parameters and templates. A failure midway
   * removes what was created, so the code can be used again.
   */
  async create(request: NewDistrict, actor: { userId: string }): Promise<{ id: string }> {
    const roleMapping = await this.checkRequest(request);
    const { code } = request;
    await this.register({ code, name: request.name });
    try {
      const adminKey = usernameKeyOf(request.admin.username);
      const adminRoles = ROLE_KEYS.filter((key) => roleMapping.get(key)?.includes(adminKey));
      await this.users.create(code, { ...request.admin, isDistrictAdmin: true, roles: adminRoles });
      for (const unit of request.units ?? []) await this.units.create(code, unit);
      if (request.templates.length > 0 && this.templateInstaller) {
        const installed = await this.templateInstaller.install(
          code,
          request.templates,
          actor.userId,
        );
        await this.districts.setClonedTemplates(code, installed, this.clock.now());
      }
      // Last: parameter versions are append-only in the kit's store, so nothing after may fail.
      if (request.parameters) await this.parameters.put(code, request.parameters, actor.userId);
    } catch (error) {
      await this.discard(code);
      throw error;
    }
    this.logger.info({ district: code, by: actor.userId }, 'district created');
    return { id: code };
  }

  /** Every problem of the request; returns the role mapping as role → username keys. */
  private async checkRequest(request: NewDistrict): Promise<Map<RoleKey, string[]>> {
    const problems: FieldProblem[] = [];
    if (request.code === PLATFORM_DISTRICT)
      problems.push({ path: 'code', message: '该代码为平台保留' });

    const adminKey = usernameKeyOf(request.admin.username);
    const mapping = new Map<RoleKey, string[]>();
    for (const [key, usernames] of Object.entries(request.roleMapping)) {
      const path = `roleMapping.${key}`;
      if (!isRoleKey(key)) {
        problems.push({ path, message: '未知角色' });
      } else if (!Array.isArray(usernames) || usernames.some((name) => typeof name !== 'string')) {
        problems.push({ path, message: '必须是用户名数组' });
      } else {
        usernames.forEach((name: string, index) => {
          if (usernameKeyOf(name) !== adminKey) {
            problems.push({
              path: `${path}[${index}]`,
              message: '新区县只有管理员账号，角色只能先分配给管理员',
            });
          }
        });
        mapping.set(key, usernames.map(usernameKeyOf));
      }
    }

    problems.push(
      ...passwordProblems(request.admin.password, request.admin.username).map((message) => ({
        path: 'admin.password',
        message,
      })),
    );

    for (const { key, message } of this.parameters.store.check(request.parameters ?? {})) {
      problems.push({ path: `parameters.${key}`, message });
    }

    const seen = new Map<string, number>();
    (request.units ?? []).forEach((unit, index) => {
      const name = unit.name.trim();
      if (seen.has(name))
        problems.push({ path: `units[${index}].name`, message: '与前面的单位重名' });
      seen.set(name, index);
    });

    if (request.templates.length > 0) {
      if (!this.templateInstaller)
        problems.push({ path: 'templates', message: '模板库尚未启用，请先不选模板' });
      else problems.push(...(await this.templateInstaller.check(request.templates)));
    }
    if (problems.length > 0) throw AppError.validation(problems);
    if (await this.userRepository.findByUsername(adminKey)) {
      throw new AppError('CONFLICT', '用户名已被使用', [
        { path: 'admin.username', message: '用户名已被使用' },
      ]);
    }
    return mapping;
  }

  /** Undoes a failed creation: the district's users (and their usernames), units and record. */
  private async discard(code: string): Promise<void> {
    try {
      await this.templateInstaller?.discard?.(code);
      const users = this.userRepository.users.in(code);
      for (const user of await users.find({}, { projection: { usernameKey: 1 } }).toArray()) {
        await this.userRepository.releaseUsername(user.usernameKey, user._id);
      }
      await users.deleteMany({});
      await this.unitRepository.units.in(code).deleteMany({});
      await this.districts.remove(code);
    } catch (error) {
      this.logger.error(
        { err: error, district: code },
        'could not undo a failed district creation',
      );
    }
  }
}
