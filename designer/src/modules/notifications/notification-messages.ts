import { registerMessages } from '../../shared/i18n';

registerMessages('notifications', {
  'zh-CN': {
    title: '消息通知',
    bell: '消息通知（{count} 条未读）',
    markAllRead: '全部标为已读',
    onlyUnread: '只看未读',
    empty: '暂无消息',
    emptyUnread: '没有未读消息',
    unread: '未读',
    kind: {
      assigned: '新待办',
      claimable: '待认领',
      reminder: '催办',
      overdue: '已超期',
      returned: '被退回',
      completed: '已办结',
      digest: '催办汇总',
      info: '通知',
    },
  },
  en: {
    title: 'Notifications',
    bell: 'Notifications ({count} unread)',
    markAllRead: 'Mark all as read',
    onlyUnread: 'Unread only',
    empty: 'No notifications',
    emptyUnread: 'No unread notifications',
    unread: 'Unread',
    kind: {
      assigned: 'New task',
      claimable: 'To claim',
      reminder: 'Reminder',
      overdue: 'Overdue',
      returned: 'Returned',
      completed: 'Completed',
      digest: 'Daily digest',
      info: 'Notice',
    },
  },
});
