import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api, isApiError } from '../../shared/api';
import { useErrorMessage } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { useSessionState, type Me } from '../../shared/session';
import { BRAND_RED } from '../../shared/theme';
import './auth-messages';
import { safeNext } from './safeNext';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { state, signedIn } = useSessionState();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();
  const next = safeNext(params.get('next'));

  if (state.status === 'signedIn' && !submitting) return <Navigate to={next} replace />;

  const loginFailure = (error: unknown): string => {
    if (isApiError(error, 401)) return t('auth.badCredentials');
    if (isApiError(error, 423)) {
      const until = (error.details as { lockedUntil?: string } | undefined)?.lockedUntil;
      if (until) return t('auth.lockedUntil', { time: formatDateTime(until) });
    }
    if (isApiError(error, 429) && error.retryAfter) {
      return t('auth.tooManyAttempts', { seconds: error.retryAfter });
    }
    return describe(error);
  };

  const submit = async (values: Credentials) => {
    setSubmitting(true);
    setFailure(undefined);
    try {
      const me = await api.post<Me>('/auth/login', values);
      signedIn(me);
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(loginFailure(error));
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        background: `linear-gradient(180deg, ${BRAND_RED} 0, ${BRAND_RED} 240px, #f3f4f6 240px)`,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: '0 16px',
      }}
    >
      <div
        style={{
          width: '100%',
          maxWidth: 400,
          display: 'flex',
          justifyContent: 'flex-end',
          paddingTop: 12,
        }}
      >
        <LanguageSwitch light />
      </div>
      <div style={{ textAlign: 'center', color: '#fff', margin: '24px 0 28px' }}>
        <div style={{ fontSize: 26, fontWeight: 600, letterSpacing: 2 }}>{t('auth.title')}</div>
        <div style={{ opacity: 0.85, marginTop: 8 }}>{t('auth.subtitle')}</div>
      </div>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.08)' }}>
        <Form<Credentials>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void submit(values)}
          disabled={submitting}
          autoComplete="on"
        >
          {failure && (
            <Alert
              type="error"
              showIcon
              message={failure}
              style={{ marginBottom: 16 }}
              role="alert"
            />
          )}
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input
              size="large"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password
              size="large"
              prefix={<LockOutlined />}
              autoComplete="current-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
            {submitting ? t('auth.signingIn') : t('auth.signIn')}
          </Button>
        </Form>
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}
        >
          {t('auth.footer')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
