import { registerMessages } from '../../shared/i18n';

registerMessages('admin', {
  'zh-CN': {
    title: '系统管理',
    definitions: '已发布流程',
    columns: { name: '流程', version: '版本', status: '状态', deployedAt: '发布时间' },
    active: '启用',
    inactive: '停用',
    empty: '尚未发布流程',
  },
  en: {
    title: 'Administration',
    definitions: 'Deployed processes',
    columns: { name: 'Process', version: 'Version', status: 'Status', deployedAt: 'Deployed' },
    active: 'Active',
    inactive: 'Inactive',
    empty: 'No process deployed yet',
  },
});
