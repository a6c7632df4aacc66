import {
  ApartmentOutlined,
  BarChartOutlined,
  BankOutlined,
  CalendarOutlined,
  MailOutlined,
  FormOutlined,
  GlobalOutlined,
  MonitorOutlined,
  SlidersOutlined,
  TeamOutlined,
  UserOutlined,
  AppstoreOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import { registerMessages } from '../../shared/i18n';

/**
 * The administration destinations, for the side menu and the administration start page:
 * `t(labelKey)` names one, `textKey` describes it. `platformOnly` entries are for platform
 * administrators. Small on purpose: the shell's menu may import it without pulling in any screen.
 */
export interface AdminNavEntry {
  path: string;
  icon: ComponentType;
  labelKey: string;
  textKey: string;
  section: 'processes' | 'people' | 'settings' | 'monitoring' | 'platform';
  platformOnly?: boolean;
}

export const adminNavEntries: AdminNavEntry[] = [
  {
    path: '/admin/processes',
    icon: ApartmentOutlined,
    labelKey: 'adminNav.processes',
    textKey: 'adminNav.processesText',
    section: 'processes',
  },
  {
    path: '/admin/forms',
    icon: FormOutlined,
    labelKey: 'adminNav.forms',
    textKey: 'adminNav.formsText',
    section: 'processes',
  },
  {
    path: '/admin/templates',
    icon: AppstoreOutlined,
    labelKey: 'adminNav.templates',
    textKey: 'adminNav.templatesText',
    section: 'processes',
  },
  {
    path: '/admin/users',
    icon: UserOutlined,
    labelKey: 'adminNav.users',
    textKey: 'adminNav.usersText',
    section: 'people',
  },
  {
    path: '/admin/units',
    icon: BankOutlined,
    labelKey: 'adminNav.units',
    textKey: 'adminNav.unitsText',
    section: 'people',
  },
  {
    path: '/admin/roles',
    icon: TeamOutlined,
    labelKey: 'adminNav.roles',
    textKey: 'adminNav.rolesText',
    section: 'people',
  },
  {
    path: '/admin/parameters',
    icon: SlidersOutlined,
    labelKey: 'adminNav.parameters',
    textKey: 'adminNav.parametersText',
    section: 'settings',
  },
  {
    path: '/admin/calendar',
    icon: CalendarOutlined,
    labelKey: 'adminNav.calendar',
    textKey: 'adminNav.calendarText',
    section: 'settings',
  },
  {
    path: '/admin/channels',
    icon: MailOutlined,
    labelKey: 'adminNav.channels',
    textKey: 'adminNav.channelsText',
    section: 'settings',
  },
  {
    path: '/admin/instances',
    icon: MonitorOutlined,
    labelKey: 'adminNav.instances',
    textKey: 'adminNav.instancesText',
    section: 'monitoring',
  },
  {
    path: '/admin/statistics',
    icon: BarChartOutlined,
    labelKey: 'adminNav.statistics',
    textKey: 'adminNav.statisticsText',
    section: 'monitoring',
  },
  {
    path: '/admin/districts',
    icon: GlobalOutlined,
    labelKey: 'adminNav.districts',
    textKey: 'adminNav.districtsText',
    section: 'platform',
    platformOnly: true,
  },
];

export const ADMIN_SECTIONS = [
  'processes',
  'people',
  'settings',
  'monitoring',
  'platform',
] as const;

/** The entry a path belongs to (longest match), to highlight it in a menu. */
export function adminNavEntryOf(pathname: string): AdminNavEntry | undefined {
  return adminNavEntries
    .filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

registerMessages('adminNav', {
  'zh-CN': {
    processes: '流程设计',
    processesText: '查看、修改和发布本级的 BPMN 流程定义',
    forms: '表单设计',
    formsText: '设计各环节的办理表单并发布新版本',
    templates: '模板库',
    templatesText: '查看流程模板，检查并应用模板更新',
    users: '用户管理',
    usersText: '新建和编辑账号，停用账号，重置密码',
    units: '单位管理',
    unitsText: '承办单位、专委/工委、办公室等',
    roles: '角色成员',
    rolesText: '主任会议、代表工委、承办单位等角色由谁担任',
    parameters: '区县参数',
    parametersText: '答复期限、整改轮次、答复类别、测评规则',
    calendar: '工作日历',
    calendarText: '法定节假日和调休上班日，用于按工作日计算期限',
    channels: '通知渠道',
    channelsText: '邮件服务器与短信网关：通知同时发邮件、短信',
    instances: '流程监控',
    instancesText: '查看全部流程实例，处理故障，挂起、撤销或迁移',
    statistics: '统计分析',
    statisticsText: '按期办结率、满意率、答复类别和各单位情况',
    districts: '区县管理',
    districtsText: '平台上的全部区县，从模板库新建区县',
    sections: {
      processes: '流程与表单',
      people: '组织与人员',
      settings: '区县设置',
      monitoring: '运行监控',
      platform: '平台管理',
    },
  },
  en: {
    processes: 'Processes',
    processesText: 'View, change and deploy the BPMN process definitions',
    forms: 'Forms',
    formsText: 'Design the forms of each step and publish new versions',
    templates: 'Template library',
    templatesText: 'Process templates; review and apply template updates',
    users: 'Users',
    usersText: 'Create and edit accounts, disable them, reset passwords',
    units: 'Units',
    unitsText: 'Handling units, committees, offices',
    roles: 'Role members',
    rolesText: 'Who holds the council, deputy affairs, unit and other roles',
    parameters: 'Parameters',
    parametersText: 'Reply deadlines, rectification rounds, reply codes, voting rules',
    calendar: 'Working calendar',
    calendarText: 'Public holidays and make-up working days for working-day deadlines',
    channels: 'Notification channels',
    channelsText: 'Mail server and SMS gateway, so notifications also go by mail and SMS',
    instances: 'Process monitor',
    instancesText: 'Every process instance; resolve incidents, suspend, cancel or migrate',
    statistics: 'Statistics',
    statisticsText: 'On-time and satisfaction rates, reply codes, units',
    districts: 'Districts',
    districtsText: 'Every district of the platform; create one from the templates',
    sections: {
      processes: 'Processes and forms',
      people: 'Organisation and people',
      settings: 'District settings',
      monitoring: 'Monitoring',
      platform: 'Platform',
    },
  },
});
