import { Alert, Button, List, Modal, Result, Spin, Steps } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useErrorMessage } from '../errors';
import { type TranslateVars, useT } from '../i18n';
import './publish-dialog.css';

type Stage<R, P> =
  | { step: 'check' }
  | { step: 'sending' }
  | { step: 'published'; result: R }
  | { step: 'refused'; problems: P[] }
  | { step: 'failed'; error: unknown };

export interface PublishDialogProps<R, P> {
  open: boolean;
  /**
   * Where the dialog's texts live, e.g. `processDesigner.publish`: `.title`, `.stepCheck`,
   * `.stepSend`, `.stepDone`, `.sending`, `.refused` ({count}), `.failed`, `.close`,
   * `.backToEditor`.
   */
  messages: string;
  /** Sends the draft; its answer is the published result. */
  send: () => Promise<R>;
  /** The server's refusal as problems (none: the error is a failure, shown with a retry). */
  problemsOf: (error: unknown) => P[];
  onPublished: (result: R) => void;
  onClose: () => void;
  /** What the author reads before sending: an introduction, or what the designer found. */
  check: {
    body: ReactNode;
    /** The designer's own checks failed: the first step shows as an error. */
    blocked?: boolean;
    confirm: { label: string; danger?: boolean; disabled?: boolean };
  };
  published: (result: R) => ReactNode;
  /** One refused problem as a row; choosing it closes the dialog and shows the problem. */
  problem: { render: (problem: P) => ReactNode; onSelect: (problem: P) => void };
}

/**
 * Publishing a draft, the same way for processes and forms: check → send → the new version, or
 * the server's problems (each row leads back to its place in the editor), or a failure with a
 * retry. The dialog cannot be closed while the draft is on its way.
 */
export function PublishDialog<R, P>(props: PublishDialogProps<R, P>) {
  const { open, messages, send, problemsOf, onPublished, onClose, check, published, problem } =
    props;
  const t = useT();
  const describe = useErrorMessage();
  const [stage, setStage] = useState<Stage<R, P>>({ step: 'check' });
  const m = (key: string, vars?: TranslateVars) => t(`${messages}.${key}`, vars);

  useEffect(() => {
    if (open) setStage({ step: 'check' });
  }, [open]);

  const publish = async () => {
    setStage({ step: 'sending' });
    try {
      const result = await send();
      setStage({ step: 'published', result });
      onPublished(result);
    } catch (error) {
      const problems = problemsOf(error);
      setStage(problems.length > 0 ? { step: 'refused', problems } : { step: 'failed', error });
    }
  };

  const { body, footer } = stageView();
  const failed = stage.step === 'refused' || stage.step === 'failed';
  return (
    <Modal
      open={open}
      title={m('title')}
      onCancel={stage.step === 'sending' ? undefined : onClose}
      closable={stage.step !== 'sending'}
      maskClosable={false}
      footer={footer}
      width={600}
    >
      <Steps
        size="small"
        // published: every step done; refused or failed: the sending step went wrong
        current={stage.step === 'check' ? 0 : stage.step === 'published' ? 3 : 1}
        status={failed || (stage.step === 'check' && check.blocked) ? 'error' : undefined}
        style={{ marginBottom: 20 }}
        items={[{ title: m('stepCheck') }, { title: m('stepSend') }, { title: m('stepDone') }]}
      />
      {body}
    </Modal>
  );

  function stageView(): { body: ReactNode; footer: ReactNode[] | null } {
    switch (stage.step) {
      case 'check':
        return {
          body: check.body,
          footer: [
            <Button key="cancel" onClick={onClose}>
              {t('common.cancel')}
            </Button>,
            <Button
              key="go"
              type="primary"
              danger={check.confirm.danger}
              disabled={check.confirm.disabled}
              onClick={() => void publish()}
            >
              {check.confirm.label}
            </Button>,
          ],
        };
      case 'sending':
        return {
          body: (
            <div className="cf-publish-sending">
              <Spin tip={m('sending')}>
                <div style={{ height: 64 }} />
              </Spin>
            </div>
          ),
          footer: null,
        };
      case 'published':
        return {
          body: published(stage.result),
          footer: [
            <Button key="close" type="primary" onClick={onClose}>
              {m('close')}
            </Button>,
          ],
        };
      case 'refused':
        return {
          body: (
            <>
              <Alert
                type="error"
                showIcon
                message={m('refused', { count: stage.problems.length })}
              />
              <ProblemList
                problems={stage.problems}
                render={problem.render}
                onSelect={(chosen) => {
                  onClose();
                  problem.onSelect(chosen);
                }}
              />
            </>
          ),
          footer: [
            <Button key="back" type="primary" onClick={onClose}>
              {m('backToEditor')}
            </Button>,
          ],
        };
      case 'failed':
        return {
          body: <Result status="error" title={m('failed')} subTitle={describe(stage.error)} />,
          footer: [
            <Button key="close" onClick={onClose}>
              {m('close')}
            </Button>,
            <Button key="retry" type="primary" onClick={() => void publish()}>
              {t('common.retry')}
            </Button>,
          ],
        };
    }
  }
}

/** Problems as clickable rows (the designer's own checks and the server's refusal alike). */
export function ProblemList<P>({
  problems,
  render,
  onSelect,
}: {
  problems: P[];
  render: (problem: P) => ReactNode;
  onSelect: (problem: P) => void;
}) {
  return (
    <List
      size="small"
      className="cf-publish-problems"
      dataSource={problems}
      renderItem={(problem) => (
        <List.Item className="cf-problem-row" onClick={() => onSelect(problem)}>
          {render(problem)}
        </List.Item>
      )}
    />
  );
}
