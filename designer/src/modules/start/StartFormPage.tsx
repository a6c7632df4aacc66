import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { createForm } from '@formily/core';
import type { ISchema } from '@formily/react';
import { Alert, App, Button, Card, Result, Skeleton, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, isApiError, type FieldError } from '../../shared/api';
import { useErrorMessage } from '../../shared/errors';
import { applyServerErrors, formData, FormRenderer } from '../../shared/form-components';
import { useT } from '../../shared/i18n';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { loadStartable, loadStartSchema, type StartableProcess } from './startable';
import './start-messages';

interface Loaded {
  process: StartableProcess;
  schema: ISchema | null;
}

/** The start form of one process → POST /api/instances → the new case. */
export function StartFormPage() {
  const t = useT();
  const describe = useErrorMessage();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { processKey = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded | null>();
  const [error, setError] = useState<unknown>();
  const [submitting, setSubmitting] = useState(false);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const form = useMemo(() => createForm(), []);

  const load = () => {
    setError(undefined);
    setLoaded(undefined);
    loadStartable()
      .then(async (list) => {
        const process = list.find((p) => p.key === processKey);
        setLoaded(process ? { process, schema: await loadStartSchema(process) } : null);
      })
      .catch(setError);
  };
  useEffect(load, [processKey]);

  const start = async () => {
    setSubmitting(true);
    setUnmatched([]);
    try {
      const created = await api.post<{ id?: string; instance?: { id: string } }>('/instances', {
        processKey,
        data: formData(form),
      });
      message.success(t('start.started'));
      const id = created?.id ?? created?.instance?.id;
      navigate(id ? `/instances/${encodeURIComponent(id)}` : '/inbox/started', { replace: true });
    } catch (err) {
      if (isApiError(err, 400) && err.fieldErrors.length > 0) {
        setUnmatched(applyServerErrors(form, err.fieldErrors));
      }
      message.error(describe(err));
      setSubmitting(false);
    }
  };

  const submit = async () => {
    try {
      await form.validate();
    } catch {
      document
        .querySelector('.ant-formily-item-error')
        ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    modal.confirm({
      title: t('start.confirmTitle'),
      content: t('start.confirmText'),
      okText: t('start.startThis'),
      cancelText: t('common.cancel'),
      onOk: start,
    });
  };

  const backButton = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/start')}>
      {t('start.backToList')}
    </Button>
  );

  if (error) {
    return (
      <Page>
        <LoadError error={error} onRetry={load} />
      </Page>
    );
  }
  if (loaded === undefined) {
    return (
      <Page>
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </Page>
    );
  }
  if (loaded === null) {
    return <Result status="404" title={t('start.notStartable')} extra={backButton} />;
  }

  return (
    <Page
      title={t('start.formTitle', { name: loaded.process.name || loaded.process.key })}
      maxWidth={960}
    >
      <Card>
        {unmatched.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {unmatched.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            }
          />
        )}
        {loaded.schema ? (
          <FormRenderer form={form} schema={loaded.schema} />
        ) : (
          <Alert type="info" showIcon message={t('start.noForm')} style={{ marginBottom: 16 }} />
        )}
        <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 8 }} wrap>
          {backButton}
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={submitting}
            onClick={() => void submit()}
          >
            {t('start.submit')}
          </Button>
        </Space>
      </Card>
    </Page>
  );
}
