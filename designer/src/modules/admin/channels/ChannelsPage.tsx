import {
  Alert,
  App,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import { useApiQuery } from '../../../shared/useApiQuery';
import { applyFieldErrors, fieldErrorsOf } from '../../../shared/field-errors';
import { SaveBar } from '../common/SaveBar';
import { useUnsavedGuard } from '../../../shared/useUnsavedGuard';
import './channels-messages';

const KINDS = ['assigned', 'claimable', 'reminder', 'overdue', 'returned', 'completed', 'digest'];

interface SettingsView {
  email?: {
    host: string;
    port: number;
    secure: boolean;
    user?: string;
    from: string;
    passwordSet: boolean;
  };
  sms?: {
    url: string;
    appKey: string;
    signName: string;
    templates: Record<string, string>;
    appSecretSet: boolean;
  };
}

interface Draft {
  emailOn: boolean;
  email: {
    host?: string;
    port?: number;
    secure?: boolean;
    user?: string;
    password?: string;
    from?: string;
  };
  smsOn: boolean;
  sms: {
    url?: string;
    appKey?: string;
    appSecret?: string;
    signName?: string;
    templates?: Record<string, string>;
  };
}

function draftOf(view: SettingsView): Draft {
  return {
    emailOn: Boolean(view.email),
    email: { port: 465, secure: true, ...view.email, password: '' },
    smsOn: Boolean(view.sms),
    sms: { templates: {}, ...view.sms, appSecret: '' },
  };
}

/** GET/PUT /api/notification-settings: the district's mail server and SMS gateway. */
export function ChannelsPage() {
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const loaded = useApiQuery<SettingsView>('/notification-settings');
  const [form] = Form.useForm<Draft>();
  const [view, setView] = useState<SettingsView>();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  useUnsavedGuard(dirty, t('adminChannels.unsaved'));

  useEffect(() => {
    if (!loaded.data) return;
    setView(loaded.data);
    form.setFieldsValue(draftOf(loaded.data));
    setDirty(false);
  }, [loaded.data, form]);

  const emailOn = Form.useWatch('emailOn', form);
  const smsOn = Form.useWatch('smsOn', form);

  const save = async () => {
    await form.validateFields();
    // every value, also of a channel switched off (its fields are not rendered then)
    const draft = form.getFieldsValue(true) as Draft;
    setSaving(true);
    setFailure(undefined);
    try {
      const templates = Object.fromEntries(
        Object.entries(draft.sms?.templates ?? {}).filter(([, id]) => id && id.trim()),
      );
      const saved = await api.put<SettingsView>('/notification-settings', {
        email: draft.emailOn
          ? {
              host: draft.email.host,
              port: draft.email.port,
              secure: draft.email.secure ?? false,
              ...(draft.email.user && { user: draft.email.user }),
              ...(draft.email.password && { password: draft.email.password }),
              from: draft.email.from,
            }
          : null,
        sms: draft.smsOn
          ? {
              url: draft.sms.url,
              appKey: draft.sms.appKey,
              ...(draft.sms.appSecret && { appSecret: draft.sms.appSecret }),
              signName: draft.sms.signName,
              templates,
            }
          : null,
      });
      setView(saved);
      form.setFieldsValue(draftOf(saved));
      setDirty(false);
      message.success(t('adminChannels.saved'));
    } catch (error) {
      const { unmatched } = applyFieldErrors(form, fieldErrorsOf(error));
      if (unmatched.length > 0 || fieldErrorsOf(error).length === 0) setFailure(describe(error));
    } finally {
      setSaving(false);
    }
  };

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const required = [{ required: true, whitespace: true, message: t('adminChannels.required') }];
  return (
    <Page title={t('adminChannels.title')} maxWidth={960}>
      <Typography.Paragraph type="secondary">{t('adminChannels.intro')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      {!view ? (
        <Skeleton active />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onValuesChange={() => setDirty(true)}
          requiredMark={false}
        >
          <Card
            title={t('adminChannels.email')}
            extra={
              <Form.Item name="emailOn" valuePropName="checked" noStyle>
                <Switch aria-label={`${t('adminChannels.email')} ${t('adminChannels.enabled')}`} />
              </Form.Item>
            }
            style={{ marginBottom: 16 }}
          >
            {emailOn && (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={['email', 'host']}
                    label={t('adminChannels.host')}
                    rules={required}
                  >
                    <Input placeholder="smtp.example.gov.cn" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={['email', 'port']}
                    label={t('adminChannels.port')}
                    rules={[{ required: true, message: t('adminChannels.required') }]}
                  >
                    <InputNumber min={1} max={65535} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={['email', 'secure']}
                    label={t('adminChannels.secure')}
                    valuePropName="checked"
                  >
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={['email', 'user']} label={t('adminChannels.user')}>
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={['email', 'password']}
                    label={t('adminChannels.password')}
                    extra={view.email?.passwordSet ? t('adminChannels.passwordKept') : undefined}
                  >
                    <Input.Password autoComplete="new-password" />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item
                    name={['email', 'from']}
                    label={t('adminChannels.from')}
                    rules={required}
                  >
                    <Input placeholder='"示范区人大常委会" <noreply@example.gov.cn>' />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Card>
          <Card
            title={t('adminChannels.sms')}
            extra={
              <Form.Item name="smsOn" valuePropName="checked" noStyle>
                <Switch aria-label={`${t('adminChannels.sms')} ${t('adminChannels.enabled')}`} />
              </Form.Item>
            }
          >
            {smsOn && (
              <Row gutter={16}>
                <Col span={24}>
                  <Form.Item name={['sms', 'url']} label={t('adminChannels.url')} rules={required}>
                    <Input placeholder="https://sms.example.com/api/send" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={['sms', 'appKey']}
                    label={t('adminChannels.appKey')}
                    rules={required}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={['sms', 'appSecret']}
                    label={t('adminChannels.appSecret')}
                    extra={view.sms?.appSecretSet ? t('adminChannels.secretKept') : undefined}
                  >
                    <Input.Password autoComplete="new-password" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={['sms', 'signName']}
                    label={t('adminChannels.signName')}
                    rules={required}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Typography.Text strong>{t('adminChannels.templates')}</Typography.Text>
                  <Typography.Paragraph type="secondary">
                    {t('adminChannels.templateHint')}
                  </Typography.Paragraph>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={['sms', 'templates', 'default']}
                    label={t('adminChannels.templateDefault')}
                  >
                    <Input placeholder="SMS_000000" />
                  </Form.Item>
                </Col>
                {KINDS.map((kind) => (
                  <Col xs={24} md={8} key={kind}>
                    <Form.Item
                      name={['sms', 'templates', kind]}
                      label={t(`adminChannels.kinds.${kind}`)}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </Form>
      )}
      <SaveBar
        status={dirty ? t('adminChannels.unsaved') : t('adminChannels.upToDate')}
        dirty={dirty}
        saving={saving}
        saveLabel={t('adminChannels.save')}
        discardLabel={t('adminChannels.discard')}
        onSave={() => void save().catch(() => undefined)}
        onDiscard={() => {
          if (view) form.setFieldsValue(draftOf(view));
          setDirty(false);
        }}
      />
    </Page>
  );
}
