import {
  CheckCircleOutlined,
  CloseCircleFilled,
  DownOutlined,
  ExclamationCircleFilled,
  LoadingOutlined,
  UpOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, List, Space, Typography } from 'antd';
import type Modeler from 'bpmn-js/lib/Modeler';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { type DeploymentProblem } from '../api/definitions-api';
import { type ServerCheck } from '../hooks/useProcessLint';
import { describeFinding, elementTypeLabel } from '../model/describe-finding';
import { entryIdOf } from '../model/lint-entry-ids';
import { type LintFinding } from '../model/process-lint';

interface Props {
  modeler: Modeler | null;
  findings: LintFinding[];
  server: ServerCheck;
  expanded: boolean;
  onToggle: () => void;
  onSelect: (elementId: string, entryId?: string) => void;
}

interface Row {
  key: string;
  elementId: string;
  entryId?: string;
  severity: 'error' | 'warning';
  message: string;
}

/**
 * The checks under the canvas: the designer's own findings at once, then the server's dry run.
 * A click selects the element and opens the field the problem is about.
 */
export function ProblemsPanel({ modeler, findings, server, expanded, onToggle, onSelect }: Props) {
  const t = useT();
  const describeError = useErrorMessage();
  const ordered = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const clientRows: Row[] = ordered.map((finding, i) => ({
    key: `c${i}`,
    elementId: finding.elementId,
    entryId: entryIdOf(finding),
    severity: finding.severity,
    message: describeFinding(t, finding),
  }));
  const serverRows: Row[] =
    server.status === 'done'
      ? [
          ...server.problems.map((p, i) => serverRow(p, i, 'error')),
          ...server.warnings.map((p, i) => serverRow(p, i, 'warning')),
        ]
      : [];
  const errors = clientRows.filter((row) => row.severity === 'error').length;
  const warnings = clientRows.length - errors;
  const serverErrors = server.status === 'done' ? server.problems.length : 0;

  const elementLabel = (elementId: string) => {
    const element = elementId
      ? modeler?.get<ElementRegistry>('elementRegistry').get(elementId)
      : undefined;
    if (!element || element.type === 'bpmn:Process') return t('processDesigner.problems.process');
    const bo = (element as { businessObject?: { name?: string } }).businessObject;
    return `${elementTypeLabel(t, element.type)}「${bo?.name || elementId}」`;
  };

  const renderRows = (rows: Row[]) => (
    <List<Row>
      size="small"
      dataSource={rows}
      renderItem={(row) => (
        <List.Item
          className="cf-problem-row"
          onClick={() => onSelect(row.elementId, row.entryId)}
          title={t('processDesigner.problems.select')}
        >
          <Space align="start">
            {row.severity === 'error' ? (
              <CloseCircleFilled style={{ color: '#cf1322' }} />
            ) : (
              <ExclamationCircleFilled style={{ color: '#d48806' }} />
            )}
            <span>
              <Typography.Text strong>{elementLabel(row.elementId)}</Typography.Text>
              <span className="cf-problem-message">{row.message}</span>
            </span>
          </Space>
        </List.Item>
      )}
    />
  );

  return (
    <section
      className={expanded ? 'cf-problems cf-problems-open' : 'cf-problems'}
      aria-label={t('processDesigner.problems.title')}
    >
      <div className="cf-problems-bar">
        <Button
          type="text"
          size="small"
          onClick={onToggle}
          icon={expanded ? <DownOutlined /> : <UpOutlined />}
        >
          {t('processDesigner.problems.title')}
        </Button>
        <Space size="middle" wrap>
          {errors + warnings === 0 ? (
            <Typography.Text type="success">
              <CheckCircleOutlined /> {t('processDesigner.problems.none')}
            </Typography.Text>
          ) : (
            <>
              {errors > 0 && (
                <Typography.Text type="danger" strong>
                  <CloseCircleFilled /> {t('processDesigner.problems.errors', { count: errors })}
                </Typography.Text>
              )}
              {warnings > 0 && (
                <Typography.Text type="warning">
                  <WarningOutlined /> {t('processDesigner.problems.warnings', { count: warnings })}
                </Typography.Text>
              )}
            </>
          )}
          <ServerStatus server={server} describeError={describeError} serverErrors={serverErrors} />
        </Space>
      </div>
      {expanded && (
        <div className="cf-problems-list">
          {clientRows.length > 0 && (
            <>
              <div className="cf-problems-heading">{t('processDesigner.problems.client')}</div>
              {renderRows(clientRows)}
            </>
          )}
          {serverRows.length > 0 && (
            <>
              <div className="cf-problems-heading">{t('processDesigner.problems.server')}</div>
              {renderRows(serverRows)}
            </>
          )}
          {clientRows.length + serverRows.length === 0 && (
            <Typography.Text type="secondary" className="cf-problems-empty">
              {t('processDesigner.problems.none')}
            </Typography.Text>
          )}
        </div>
      )}
    </section>
  );
}

function severityRank(severity: Row['severity']): number {
  return severity === 'error' ? 0 : 1;
}

function serverRow(problem: DeploymentProblem, i: number, severity: Row['severity']): Row {
  return {
    key: `s${severity}${i}`,
    elementId: problem.elementId,
    severity,
    message: problem.message,
  };
}

function ServerStatus({
  server,
  serverErrors,
  describeError,
}: {
  server: ServerCheck;
  serverErrors: number;
  describeError: (error: unknown) => string;
}) {
  const t = useT();
  switch (server.status) {
    case 'checking':
      return (
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('processDesigner.problems.serverChecking')}
        </Typography.Text>
      );
    case 'done':
      return serverErrors === 0 ? (
        <Typography.Text type="secondary">
          <CheckCircleOutlined /> {t('processDesigner.problems.serverOk')}
        </Typography.Text>
      ) : (
        <Typography.Text type="danger">
          {t('processDesigner.problems.server')}:{' '}
          {t('processDesigner.problems.errors', { count: serverErrors })}
        </Typography.Text>
      );
    case 'unavailable':
      return (
        <Typography.Text type="secondary">
          {t('processDesigner.problems.serverFailed', { reason: describeError(server.error) })}
        </Typography.Text>
      );
    default:
      return null;
  }
}
