import { registerMessages } from '../../shared/i18n';

registerMessages('admin', {
  'zh-CN': {
    title: '系统管理',
    processes: '流程设计',
    processesText: '查看、修改和发布本级的 BPMN 流程定义',
    forms: '表单设计',
    formsText: '设计各环节的办理表单并发布新版本',
    definitions: '已发布流程',
    columns: { name: '流程', version: '版本', status: '状态', deployedAt: '发布时间' },
    active: '启用',
    inactive: '停用',
    empty: '尚未发布流程',
  },
  en: {
    title: 'Administration',
    processes: 'Processes',
    processesText: 'View, change and deploy the BPMN process definitions',
    forms: 'Forms',
    formsText: 'Design the forms of each step and publish new versions',
    definitions: 'Deployed processes',
    columns: { name: 'Process', version: 'Version', status: 'Status', deployedAt: 'Deployed' },
    active: 'Active',
    inactive: 'Inactive',
    empty: 'No process deployed yet',
  },
});
