import { Space, Tag, Typography } from 'antd';
import type { Translate } from '../../../shared/i18n';
import type { UnitRecord, UserRecord } from './people-types';
import './people-messages';

export interface UserOption {
  value: string;
  label: string;
  /** what typing matches: name, username and unit */
  search: string;
  user: UserRecord;
  unitName?: string;
}

/** Select options for people: name first, username and unit after, disabled accounts marked. */
export function userOptions(users: UserRecord[], unitsById: Map<string, UnitRecord>): UserOption[] {
  return users.map((user) => {
    const unitName = user.unitId ? unitsById.get(user.unitId)?.name : undefined;
    return {
      value: user.id,
      label: user.name,
      search: `${user.name} ${user.username} ${unitName ?? ''}`.toLowerCase(),
      user,
      unitName,
    };
  });
}

export function renderUserOption(option: UserOption, t: Translate) {
  return (
    <Space size={6} wrap={false}>
      <span>{option.user.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {option.user.username}
        {option.unitName ? ` · ${option.unitName}` : ''}
      </Typography.Text>
      {option.user.disabled && <Tag>{t('adminPeople.roles.disabledUser')}</Tag>}
    </Space>
  );
}

export function filterUserOption(input: string, option?: UserOption): boolean {
  return Boolean(option?.search.includes(input.trim().toLowerCase()));
}
