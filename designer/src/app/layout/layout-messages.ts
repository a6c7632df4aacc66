import { registerMessages } from '../../shared/i18n';

registerMessages('layout', {
  'zh-CN': {
    nav: {
      inbox: '我的待办',
      start: '发起事项',
      admin: '系统管理',
      adminHome: '管理首页',
      processes: '流程设计',
      forms: '表单设计',
    },
    menu: '菜单',
    platformAdmin: '平台管理员',
    districtAdmin: '管理员',
  },
  en: {
    nav: {
      inbox: 'Inbox',
      start: 'Start',
      admin: 'Administration',
      adminHome: 'Overview',
      processes: 'Processes',
      forms: 'Forms',
    },
    menu: 'Menu',
    platformAdmin: 'Platform admin',
    districtAdmin: 'Administrator',
  },
});
