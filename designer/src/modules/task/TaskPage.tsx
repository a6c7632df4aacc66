import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Col, Grid, Result, Row, Skeleton } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError, type FieldError } from '../../shared/api';
import { FormRenderer, topLevelFieldTitles } from '../../shared/form-components';
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { useBack } from '../../shared/useBack';
import { useApiQuery, type ApiQuery } from '../../shared/useApiQuery';
import { TaskActionBar } from './actions/TaskActionBar';
import { useTaskActions } from './actions/useTaskActions';
import { EarlierStepsPanel } from './form/EarlierStepsPanel';
import { useLeaveGuard } from './form/useLeaveGuard';
import { useTaskForm, writableValues, type TaskForm } from './form/useTaskForm';
import { InstanceSectionBody, InstanceTabs } from './instance/InstanceTabs';
import { TaskHeaderMeta } from './TaskHeaderMeta';
import type { InstanceDetail, TaskDetail } from './task-types';
import './task-messages';

/** One task: its form, the actions allowed, and the instance's history, diagram and documents. */
export function TaskPage() {
  const t = useT();
  const navigate = useNavigate();
  const goBack = useBack();
  const { taskId = '' } = useParams();
  const detail = useApiQuery<TaskDetail>(`/tasks/${encodeURIComponent(taskId)}`);
  const instanceId = detail.data?.task.instanceId;
  const instance = useApiQuery<InstanceDetail>(
    instanceId ? `/instances/${encodeURIComponent(instanceId)}` : null,
  );
  const taskForm = useTaskForm(detail.data);
  const wide = Grid.useBreakpoint().lg ?? true;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={goBack}>
      {t('common.back')}
    </Button>
  );

  if (detail.error && !detail.data) {
    if (isApiError(detail.error, 404)) {
      return (
        <Result
          status="404"
          title={t('common.notFoundTitle')}
          subTitle={t('errors.NOT_FOUND')}
          extra={<Button onClick={() => navigate('/inbox')}>{t('common.backHome')}</Button>}
        />
      );
    }
    return (
      <Page>
        <LoadError error={detail.error} onRetry={() => void detail.reload()} />
      </Page>
    );
  }
  if (!detail.data || !taskForm) {
    return (
      <Page>
        <Card>
          <Skeleton active title paragraph={{ rows: 8 }} />
        </Card>
      </Page>
    );
  }

  const { task } = detail.data;
  return (
    <Page
      title={task.name}
      subtitle={<TaskHeaderMeta task={task} />}
      extra={wide ? back : undefined}
    >
      <TaskWorkspace
        key={`${task.id}:${detail.data.actions.join(',')}`}
        detail={detail.data}
        taskForm={taskForm}
        instance={instance}
        wide={wide}
        onReload={() => {
          void detail.reload();
          void instance.reload();
        }}
      />
    </Page>
  );
}

function TaskWorkspace({
  detail,
  taskForm,
  instance,
  wide,
  onReload,
}: {
  detail: TaskDetail;
  taskForm: TaskForm;
  instance: ApiQuery<InstanceDetail>;
  wide: boolean;
  onReload: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const snapshot = useCallback(
    () => JSON.stringify(writableValues(taskForm.form, taskForm.readOnlyKeys)),
    [taskForm],
  );
  const { markSaved } = useLeaveGuard(taskForm.editable ? snapshot : null);
  const actions = useTaskActions({
    taskId: detail.task.id,
    taskForm,
    onUnmatchedErrors: setUnmatched,
    onReload,
    onHistoryChanged: () => void instance.reload(),
    onSaved: markSaved,
  });

  const titles = useMemo(() => {
    const fromSchema = detail.form?.schema ? topLevelFieldTitles(detail.form.schema) : new Map();
    return Object.fromEntries(fromSchema) as Record<string, string>;
  }, [detail.form]);

  const validate = async () => {
    setUnmatched([]);
    try {
      await taskForm.form.validate();
      return true;
    } catch (errors) {
      const count = Array.isArray(errors) ? errors.length : 1;
      message.error(t('task.validationFailed', { count }));
      window.setTimeout(() => {
        document
          .querySelector(
            '.ant-formily-item-error, .ant-formily-item-feedback-layout-terse.ant-formily-item-error',
          )
          ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      }, 50);
      return false;
    }
  };

  const allowed = detail.actions as string[];
  const { task } = detail;

  const notices = (
    <>
      {allowed.includes('claim') && (
        <Alert type="info" showIcon message={t('task.claimFirst')} style={{ marginBottom: 16 }} />
      )}
      {task.status === 'completed' && (
        <Alert
          type="success"
          showIcon
          message={t('task.completedNotice', { when: formatDateTime(task.completedAt) })}
          style={{ marginBottom: 16 }}
        />
      )}
      {unmatched.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('task.unmatchedErrors')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {unmatched.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );

  const formPane = (
    <div>
      {notices}
      {task.description && (
        <Alert type="info" message={task.description} style={{ marginBottom: 16 }} />
      )}
      <EarlierStepsPanel entries={taskForm.extraReadOnly} titles={titles} />
      {taskForm.schema ? (
        <FormRenderer form={taskForm.form} schema={taskForm.schema} />
      ) : (
        <Alert type="info" showIcon message={t('task.noForm')} style={{ marginBottom: 16 }} />
      )}
    </div>
  );

  const actionBar = (
    <TaskActionBar
      allowed={allowed}
      returnTargets={detail.returnTargets ?? []}
      actions={actions}
      validate={validate}
      compact={!wide}
    />
  );
  const stickyBar = (
    <div
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 10,
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        padding: wide ? '12px 24px' : '10px 12px',
        margin: wide ? '16px -24px -24px' : '12px -12px -12px',
        borderRadius: '0 0 8px 8px',
        boxShadow: '0 -2px 8px rgba(0,0,0,0.04)',
      }}
    >
      {actionBar}
    </div>
  );

  if (!wide) {
    return (
      <Card styles={{ body: { padding: '0 12px 12px' } }}>
        <InstanceTabs
          instance={instance}
          sections={['history', 'diagram', 'documents']}
          leading={{ key: 'form', label: t('task.sections.form'), children: formPane }}
        />
        {stickyBar}
      </Card>
    );
  }
  return (
    <Row gutter={16} align="top">
      <Col span={16}>
        <Card styles={{ body: { padding: '0 24px 24px' } }}>
          <InstanceTabs
            instance={instance}
            sections={['diagram', 'documents']}
            leading={{ key: 'form', label: t('task.sections.form'), children: formPane }}
          />
          {stickyBar}
        </Card>
      </Col>
      <Col span={8}>
        <Card
          title={t('task.sections.history')}
          size="small"
          style={{ position: 'sticky', top: 72 }}
        >
          <div style={{ maxHeight: 'calc(100vh - 160px)', overflow: 'auto', paddingTop: 8 }}>
            <InstanceSectionBody instance={instance} section="history" />
          </div>
        </Card>
      </Col>
    </Row>
  );
}
