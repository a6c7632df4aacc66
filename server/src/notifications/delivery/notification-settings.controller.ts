import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { DistrictAdminOnly } from '../../auth/decorators/access.decorators';
import { CurrentUser } from '../../auth/decorators/current-user.decorator';
import { NotificationSettingsDto } from './notification-settings.dto';
import { type NotificationSettingsDoc, NotificationSettingsStore } from './notification-settings';

/** What an administrator sees: everything but the secrets, which only say whether they are set. */
export interface NotificationSettingsView {
  email?: Omit<NonNullable<NotificationSettingsDoc['email']>, 'password'> & {
    passwordSet: boolean;
  };
  sms?: Omit<NonNullable<NotificationSettingsDoc['sms']>, 'appSecret'> & { appSecretSet: boolean };
}

function toView(doc: NotificationSettingsDoc | null): NotificationSettingsView {
  if (!doc) return {};
  const view: NotificationSettingsView = {};
  if (doc.email) {
    const { password, ...email } = doc.email;
    view.email = { ...email, passwordSet: password !== undefined && password !== '' };
  }
  if (doc.sms) {
    const { appSecret, ...sms } = doc.sms;
    view.sms = { ...sms, appSecretSet: appSecret !== undefined && appSecret !== '' };
  }
  return view;
}

/** The district's mail server and SMS gateway (district administrators). */
@ApiTags('区县管理')
@Controller('notification-settings')
@DistrictAdminOnly()
export class NotificationSettingsController {
  constructor(
    @Inject(NotificationSettingsStore) private readonly settings: NotificationSettingsStore,
  ) {}

  @Get()
  @ApiOkResponse({ description: '{ email?, sms? }；密码与密钥只返回是否已设置' })
  async get(@CurrentUser() caller: Caller): Promise<NotificationSettingsView> {
    return toView(await this.settings.of(caller.district));
  }

  @Put()
  @ApiBody({ type: NotificationSettingsDto })
  @ApiOkResponse({ description: '保存后的设置（同 GET）' })
  async put(
    @CurrentUser() caller: Caller,
    @Body() body: NotificationSettingsDto,
  ): Promise<NotificationSettingsView> {
    const saved = await this.settings.put(
      caller.district,
      { email: body.email ?? null, sms: body.sms ?? null },
      caller.userId,
    );
    return toView(saved);
  }
}
