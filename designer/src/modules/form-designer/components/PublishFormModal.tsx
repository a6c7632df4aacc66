import { Alert, Button, List, Modal, Result, Spin, Steps, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { formsApi, schemaProblemsOf, type SchemaProblem } from '../api/forms-api';
import { type FormModel } from '../model/form-model';
import { checkForm, fieldOfPath } from '../model/publish-checks';
import { RepublishProcesses } from './RepublishProcesses';
import { modelToSchema } from '../model/schema-model';

type Stage =
  | { step: 'check' }
  | { step: 'sending' }
  | { step: 'published'; version?: number }
  | { step: 'refused'; problems: SchemaProblem[] }
  | { step: 'failed'; error: unknown };

interface Props {
  open: boolean;
  formKey: string;
  model: FormModel;
  onClose: () => void;
  onPublished: (version: number | undefined) => void;
  onSelectField: (id: string) => void;
}

/** Publish = POST /api/forms/:key/versions, after the builder's own checks; progress and answer. */
export function PublishFormModal({
  open,
  formKey,
  model,
  onClose,
  onPublished,
  onSelectField,
}: Props) {
  const t = useT();
  const describe = useErrorMessage();
  const [stage, setStage] = useState<Stage>({ step: 'check' });
  const checks = useMemo(() => (open ? checkForm(model) : []), [open, model]);

  useEffect(() => {
    if (open) setStage({ step: 'check' });
  }, [open]);

  const publish = async () => {
    setStage({ step: 'sending' });
    try {
      const answer = await formsApi.publish(formKey, modelToSchema(model), model.title.trim());
      setStage({ step: 'published', version: answer?.version });
      onPublished(answer?.version);
    } catch (error) {
      const problems = isApiError(error, 400) ? schemaProblemsOf(error.details) : [];
      setStage(problems.length > 0 ? { step: 'refused', problems } : { step: 'failed', error });
    }
  };

  const goTo = (fieldId: string | undefined) => {
    onClose();
    if (fieldId) onSelectField(fieldId);
  };

  let body;
  let footer;
  switch (stage.step) {
    case 'check':
      body =
        checks.length > 0 ? (
          <>
            <Alert
              type="error"
              showIcon
              message={t('formDesigner.publish.problems', { count: checks.length })}
            />
            <List
              size="small"
              className="cf-publish-problems"
              dataSource={checks}
              renderItem={(check) => (
                <List.Item className="cf-problem-row" onClick={() => goTo(check.fieldId)}>
                  {t(`formDesigner.check.${check.key}`, {
                    ...check.vars,
                    problem: check.vars?.problem
                      ? t(`formDesigner.props.keyProblems.${check.vars.problem}`)
                      : undefined,
                  })}
                </List.Item>
              )}
            />
          </>
        ) : (
          <Typography.Paragraph>{t('formDesigner.publish.intro')}</Typography.Paragraph>
        );
      footer = [
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="go" type="primary" disabled={checks.length > 0} onClick={() => void publish()}>
          {t('formDesigner.publish.confirm')}
        </Button>,
      ];
      break;
    case 'sending':
      body = (
        <div className="cf-publish-sending">
          <Spin tip={t('formDesigner.publish.sending')}>
            <div style={{ height: 64 }} />
          </Spin>
        </div>
      );
      footer = null;
      break;
    case 'published':
      body = (
        <>
          <Result
            status="success"
            title={
              stage.version !== undefined
                ? t('formDesigner.publish.success', { version: stage.version })
                : t('formDesigner.publish.successNoVersion')
            }
            subTitle={model.title}
          />
          {stage.version !== undefined && (
            <RepublishProcesses formKey={formKey} version={stage.version} />
          )}
        </>
      );
      footer = [
        <Button key="close" type="primary" onClick={onClose}>
          {t('formDesigner.publish.close')}
        </Button>,
      ];
      break;
    case 'refused':
      body = (
        <>
          <Alert
            type="error"
            showIcon
            message={t('formDesigner.publish.refused', { count: stage.problems.length })}
          />
          <List
            size="small"
            className="cf-publish-problems"
            dataSource={stage.problems}
            renderItem={(problem) => {
              const field = fieldOfPath(model, problem.path);
              return (
                <List.Item className="cf-problem-row" onClick={() => goTo(field?.id)}>
                  <span>
                    {field ? (
                      <Typography.Text strong>{field.label || field.key}：</Typography.Text>
                    ) : (
                      problem.path && <Typography.Text code>{problem.path}</Typography.Text>
                    )}{' '}
                    {problem.message}
                  </span>
                </List.Item>
              );
            }}
          />
        </>
      );
      footer = [
        <Button key="back" type="primary" onClick={onClose}>
          {t('formDesigner.publish.backToEditor')}
        </Button>,
      ];
      break;
    case 'failed':
      body = (
        <Result
          status="error"
          title={t('formDesigner.publish.failed')}
          subTitle={describe(stage.error)}
        />
      );
      footer = [
        <Button key="close" onClick={onClose}>
          {t('formDesigner.publish.close')}
        </Button>,
        <Button key="retry" type="primary" onClick={() => void publish()}>
          {t('common.retry')}
        </Button>,
      ];
      break;
  }

  const current = stage.step === 'check' ? 0 : stage.step === 'published' ? 3 : 1;
  return (
    <Modal
      open={open}
      title={t('formDesigner.publish.title')}
      onCancel={stage.step === 'sending' ? undefined : onClose}
      closable={stage.step !== 'sending'}
      maskClosable={false}
      footer={footer}
      width={600}
    >
      <Steps
        size="small"
        current={current}
        status={
          stage.step === 'refused' ||
          stage.step === 'failed' ||
          (stage.step === 'check' && checks.length > 0)
            ? 'error'
            : undefined
        }
        style={{ marginBottom: 20 }}
        items={[
          { title: t('formDesigner.publish.stepCheck') },
          { title: t('formDesigner.publish.stepSend') },
          { title: t('formDesigner.publish.stepDone') },
        ]}
      />
      {body}
    </Modal>
  );
}
