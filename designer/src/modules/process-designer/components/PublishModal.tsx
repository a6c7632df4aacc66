import { Alert, Result, Typography } from 'antd';
import { isApiError } from '../../../shared/api';
import { useT } from '../../../shared/i18n';
import { PublishDialog } from '../../../shared/publish/PublishDialog';
import {
  definitionsApi,
  problemsOf,
  type DefinitionSummary,
  type DeploymentProblem,
} from '../api/definitions-api';

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

interface Published {
  result: Partial<DefinitionSummary>;
  xml: string;
}

/**
 * Publish = POST /api/definitions. The designer's own errors only warn (the server decides, and
 * may know better): publishing anyway is one click.
 */
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
  const warned = clientErrors.length > 0;
  return (
    <PublishDialog<Published, DeploymentProblem>
      open={open}
      messages="processDesigner.publish"
      send={async () => {
        const xml = await currentXml();
        return { result: (await definitionsApi.publish(xml)) ?? {}, xml };
      }}
      problemsOf={(error) => (isApiError(error, 400) ? problemsOf(error.details) : [])}
      onPublished={({ result, xml }) => onPublished(result, xml)}
      onClose={onClose}
      check={{
        body: (
          <>
            <Typography.Paragraph>{t('processDesigner.publish.intro')}</Typography.Paragraph>
            {warned && (
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
        ),
        confirm: {
          label: warned
            ? t('processDesigner.publish.publishAnyway')
            : t('processDesigner.publish.confirm'),
          danger: warned,
        },
      }}
      published={({ result }) => (
        <Result
          status="success"
          title={
            result.version !== undefined
              ? t('processDesigner.publish.success', { version: result.version })
              : t('processDesigner.publish.successNoVersion')
          }
          subTitle={t('processDesigner.publish.successText', {
            name: result.name || processName,
          })}
        />
      )}
      problem={{
        render: (problem) => (
          <>
            {problem.elementId && <Typography.Text code>{problem.elementId}</Typography.Text>}
            <span>{problem.message}</span>
          </>
        ),
        onSelect: (problem) => onSelectProblem(problem.elementId),
      }}
    />
  );
}
