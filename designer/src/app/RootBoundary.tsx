import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { registerMessages, useT } from '../shared/i18n';

registerMessages('boundary', {
  'zh-CN': {
    title: '页面出错了',
    text: '页面未能正常显示。可能是系统刚刚更新，请刷新页面后重试。',
  },
  en: {
    title: 'Something went wrong',
    text: 'This page could not be shown. The system may have just been updated; please refresh.',
  },
});

/** Shown instead of a stack trace when a screen throws or its chunk cannot be loaded. */
export function RootBoundary() {
  const error = useRouteError();
  const t = useT();
  console.error(error);
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <Result status="404" title={t('common.notFoundTitle')} />;
  }
  return (
    <Result
      status="warning"
      title={t('boundary.title')}
      subTitle={t('boundary.text')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
