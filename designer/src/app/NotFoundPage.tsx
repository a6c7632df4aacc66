import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../shared/i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('common.notFoundTitle')}
      subTitle={t('common.notFoundText')}
      extra={
        <Link to="/inbox">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
