import { Alert, Button, List, Modal, Result, Spin, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import {
  definitionsApi,
  problemsOf,
  type DefinitionSummary,
  type DeploymentProblem,
} from '../api/definitions-api';

type Stage =
  | { step: 'check' }
  | { step: 'sending' }
  | { step: 'published'; result: Partial<DefinitionSummary> }
  | { step: 'refused'; problems: DeploymentProblem[] }
  | { step: 'failed'; error: unknown };

interface Props {
  open: boolean;
  processName: string;
  /** sentences of the designer's own errors, to warn before sending */
  clientErrors: string[];
  currentXml: () => Promise<string>;
  onClose: () => void;
  onPublished: (result: Partial<DefinitionSummary>, xml: string) => void;
  onSelectProblem: (elementId: string) => void;
}

/** Publish = POST /api/definitions, with its progress and its answer: the version or the problems. */
export function PublishModal({
  open,
  processName,
  clientErrors,
  currentXml,
  onClose,
  onPublished,
  onSelectProblem,
}: Props) {
  const t = useT();
  const describe = useErrorMessage();
  const [stage, setStage] = useState<Stage>({ step: 'check' });

  useEffect(() => {
    if (open) setStage({ step: 'check' });
  }, [open]);

  const publish = async () => {
    setStage({ step: 'sending' });
    try {
      const xml = await currentXml();
      const result = (await definitionsApi.publish(xml)) ?? {};
      setStage({ step: 'published', result });
      onPublished(result, xml);
    } catch (error) {
      const problems = isApiError(error, 400) ? problemsOf(error.details) : [];
      setStage(problems.length > 0 ? { step: 'refused', problems } : { step: 'failed', error });
    }
  };

  // published: every step done; refused or failed: the sending step went wrong
  const current = stage.step === 'check' ? 0 : stage.step === 'published' ? 3 : 1;
  const stepStatus = stage.step === 'refused' || stage.step === 'failed' ? 'error' : undefined;

  let body;
  let footer;
  switch (stage.step) {
    case 'check':
      body = (
        <>
          <Typography.Paragraph>{t('processDesigner.publish.intro')}</Typography.Paragraph>
          {clientErrors.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('processDesigner.publish.clientErrors', { count: clientErrors.length })}
              description={
                <ul className="cf-publish-list">
                  {clientErrors.slice(0, 6).map((text, i) => (
                    <li key={i}>{text}</li>
                  ))}
                  {clientErrors.length > 6 && <li>…</li>}
                </ul>
              }
            />
          )}
        </>
      );
      footer = [
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="go"
          type="primary"
          danger={clientErrors.length > 0}
          onClick={() => void publish()}
        >
          {clientErrors.length > 0
            ? t('processDesigner.publish.publishAnyway')
            : t('processDesigner.publish.confirm')}
        </Button>,
      ];
      break;
    case 'sending':
      body = (
        <div className="cf-publish-sending">
          <Spin tip={t('processDesigner.publish.sending')}>
            <div style={{ height: 64 }} />
          </Spin>
        </div>
      );
      footer = null;
      break;
    case 'published':
      body = (
        <Result
          status="success"
          title={
            stage.result.version !== undefined
              ? t('processDesigner.publish.success', { version: stage.result.version })
              : t('processDesigner.publish.successNoVersion')
          }
          subTitle={t('processDesigner.publish.successText', {
            name: stage.result.name || processName,
          })}
        />
      );
      footer = [
        <Button key="close" type="primary" onClick={onClose}>
          {t('processDesigner.publish.close')}
        </Button>,
      ];
      break;
    case 'refused':
      body = (
        <>
          <Alert
            type="error"
            showIcon
            message={t('processDesigner.publish.refused', { count: stage.problems.length })}
          />
          <List
            size="small"
            className="cf-publish-problems"
            dataSource={stage.problems}
            renderItem={(problem) => (
              <List.Item
                className="cf-problem-row"
                onClick={() => {
                  onClose();
                  onSelectProblem(problem.elementId);
                }}
              >
                {problem.elementId && <Typography.Text code>{problem.elementId}</Typography.Text>}
                <span>{problem.message}</span>
              </List.Item>
            )}
          />
        </>
      );
      footer = [
        <Button key="back" type="primary" onClick={onClose}>
          {t('processDesigner.publish.backToEditor')}
        </Button>,
      ];
      break;
    case 'failed':
      body = (
        <Result
          status="error"
          title={t('processDesigner.publish.failed')}
          subTitle={describe(stage.error)}
        />
      );
      footer = [
        <Button key="close" onClick={onClose}>
          {t('processDesigner.publish.close')}
        </Button>,
        <Button key="retry" type="primary" onClick={() => void publish()}>
          {t('common.retry')}
        </Button>,
      ];
      break;
  }

  return (
    <Modal
      open={open}
      title={t('processDesigner.publish.title')}
      onCancel={stage.step === 'sending' ? undefined : onClose}
      closable={stage.step !== 'sending'}
      maskClosable={false}
      footer={footer}
      width={600}
    >
      <Steps
        size="small"
        current={current}
        status={stepStatus}
        style={{ marginBottom: 20 }}
        items={[
          { title: t('processDesigner.publish.stepCheck') },
          { title: t('processDesigner.publish.stepSend') },
          { title: t('processDesigner.publish.stepDone') },
        ]}
      />
      {body}
    </Modal>
  );
}
