import { hasMessage, registerMessages, type Translate } from './i18n';

/** The domain's role keys (shared/domain/processes.md) and their names. */
registerMessages('roles', {
  'zh-CN': {
    council: '主任会议',
    committee: '牵头专委/工委',
    deputyAffairs: '代表工委',
    office: '办公室',
    member: '常委会组成人员',
    deputy: '人大代表',
    govOffice: '政府督查室',
    unit: '承办单位',
    leader: '常委会领导',
  },
  en: {
    council: 'Council of chairpersons',
    committee: 'Lead committee',
    deputyAffairs: 'Deputy affairs',
    office: 'General office',
    member: 'Committee member',
    deputy: 'Deputy',
    govOffice: 'Government office',
    unit: 'Handling unit',
    leader: 'Supervising leader',
  },
});

/** A role key or a candidate group: its name when known (`role:deputy` works too), else as given. */
export function roleLabel(t: Translate, group: string): string {
  const key = group.replace(/^role:/, '');
  return hasMessage(`roles.${key}`) ? t(`roles.${key}`) : key;
}
