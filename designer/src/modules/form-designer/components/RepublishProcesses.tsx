import { Alert, Button, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { formsApi, type ProcessUsingForms } from '../api/forms-api';
import '../form-designer-messages';

type Outcome = { process: ProcessUsingForms } & (
  { ok: true; version: number } | { ok: false; error: unknown }
);

/**
 * After a form is published: a published process keeps the form version it pinned, so new cases
 * would still show the old form. Lists those processes and publishes them again on request (the
 * running cases are not touched).
 */
export function RepublishProcesses({ formKey, version }: { formKey: string; version: number }) {
  const t = useT();
  const describe = useErrorMessage();
  const [processes, setProcesses] = useState<ProcessUsingForms[]>();
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>();

  useEffect(() => {
    let alive = true;
    formsApi
      .processesOnOlderVersion(formKey, version)
      .then((found) => alive && setProcesses(found))
      .catch(() => alive && setProcesses([]));
    return () => {
      alive = false;
    };
  }, [formKey, version]);

  if (!processes || processes.length === 0) return null;

  const republish = async () => {
    setBusy(true);
    const done: Outcome[] = [];
    for (const process of processes) {
      try {
        const published = await formsApi.republish(process);
        done.push({ process, ok: true, version: published.version });
      } catch (error) {
        done.push({ process, ok: false, error });
      }
    }
    setOutcomes(done);
    setBusy(false);
  };

  const name = (p: ProcessUsingForms) => p.name || p.key;
  if (outcomes) {
    const failed = outcomes.filter((o) => !o.ok);
    return (
      <Alert
        type={failed.length ? 'warning' : 'success'}
        showIcon
        message={t('formDesigner.republish.done', { version })}
        description={
          <List
            size="small"
            dataSource={outcomes}
            renderItem={(o) => (
              <List.Item>
                {o.ok
                  ? t('formDesigner.republish.published', {
                      name: name(o.process),
                      version: o.version,
                    })
                  : t('formDesigner.republish.failed', {
                      name: name(o.process),
                      reason: describe(o.error),
                    })}
              </List.Item>
            )}
          />
        }
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      message={t('formDesigner.republish.notice', { version })}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {processes
              .map((p) =>
                t('formDesigner.republish.process', {
                  name: name(p),
                  pinned: p.forms?.find((f) => f.key === formKey)?.version ?? '?',
                }),
              )
              .join('、')}
          </Typography.Paragraph>
          <Button type="primary" loading={busy} onClick={() => void republish()}>
            {t('formDesigner.republish.action')}
          </Button>
        </>
      }
    />
  );
}
