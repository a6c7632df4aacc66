import { registerMessages } from '../i18n';

registerMessages('formComponents', {
  'zh-CN': {
    searchUser: '输入姓名搜索人员',
    searchUnit: '输入名称搜索单位',
    noMatch: '无匹配结果',
    loadFailed: '人员/单位列表加载失败',
    attachmentsTitle: '附件',
    addAttachment: '上传附件',
    uploadFailed: '上传失败，请重试',
    download: '下载',
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
    addAttachment: 'Upload a file',
    uploadFailed: 'Upload failed; try again',
    download: 'Download',
    removeAttachment: 'Remove',
    noAttachments: 'No attachments',
    empty: '—',
  },
});
