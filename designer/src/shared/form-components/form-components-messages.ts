import { registerMessages } from '../i18n';

registerMessages('formComponents', {
  'zh-CN': {
    searchUser: '输入姓名搜索人员',
    searchUnit: '输入名称搜索单位',
    noMatch: '无匹配结果',
    loadFailed: '人员/单位列表加载失败',
    attachmentsTitle: '附件',
    attachmentsPending: '在线上传附件即将开放，请暂以纸质材料或内网邮件报送，并在此登记文件名。',
    attachmentName: '文件名（如：整改报告.pdf）',
    addAttachment: '登记',
    removeAttachment: '移除',
    noAttachments: '无附件',
    empty: '—',
  },
  en: {
    searchUser: 'Type a name to search people',
    searchUnit: 'Type to search units',
    noMatch: 'No match',
    loadFailed: 'Could not load the directory',
    attachmentsTitle: 'Attachments',
    attachmentsPending:
      'Online upload is coming soon. Send the files on paper or by intranet mail for now and list their names here.',
    attachmentName: 'File name (e.g. report.pdf)',
    addAttachment: 'Add',
    removeAttachment: 'Remove',
    noAttachments: 'No attachments',
    empty: '—',
  },
});
