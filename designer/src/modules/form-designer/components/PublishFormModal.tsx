import { Alert, Result, Typography } from 'antd';
import { useMemo } from 'react';
import { isApiError } from '../../../shared/api';
import { useT } from '../../../shared/i18n';
import { ProblemList, PublishDialog } from '../../../shared/publish/PublishDialog';
import { formsApi, schemaProblemsOf, type SchemaProblem } from '../api/forms-api';
import { type FormModel } from '../model/form-model';
import { checkForm, fieldOfPath } from '../model/publish-checks';
import { modelToSchema } from '../model/schema-model';
import { RepublishProcesses } from './RepublishProcesses';

interface Props {
  open: boolean;
  formKey: string;
  model: FormModel;
  onClose: () => void;
  onPublished: (version: number | undefined) => void;
  onSelectField: (id: string) => void;
}

/**
 * Publish = POST /api/forms/:key/versions. Unlike a process, a form the builder's own checks
 * refuse is not sent: each problem leads to its field instead.
 */
export function PublishFormModal({
  open,
  formKey,
  model,
  onClose,
  onPublished,
  onSelectField,
}: Props) {
  const t = useT();
  const checks = useMemo(() => (open ? checkForm(model) : []), [open, model]);
  const goTo = (fieldId: string | undefined) => {
    onClose();
    if (fieldId) onSelectField(fieldId);
  };

  return (
    <PublishDialog<number | undefined, SchemaProblem>
      open={open}
      messages="formDesigner.publish"
      send={async () =>
        (await formsApi.publish(formKey, modelToSchema(model), model.title.trim()))?.version
      }
      problemsOf={(error) => (isApiError(error, 400) ? schemaProblemsOf(error.details) : [])}
      onPublished={onPublished}
      onClose={onClose}
      check={{
        body:
          checks.length > 0 ? (
            <>
              <Alert
                type="error"
                showIcon
                message={t('formDesigner.publish.problems', { count: checks.length })}
              />
              <ProblemList
                problems={checks}
                onSelect={(check) => goTo(check.fieldId)}
                render={(check) =>
                  t(`formDesigner.check.${check.key}`, {
                    ...check.vars,
                    problem: check.vars?.problem
                      ? t(`formDesigner.props.keyProblems.${check.vars.problem}`)
                      : undefined,
                  })
                }
              />
            </>
          ) : (
            <Typography.Paragraph>{t('formDesigner.publish.intro')}</Typography.Paragraph>
          ),
        blocked: checks.length > 0,
        confirm: { label: t('formDesigner.publish.confirm'), disabled: checks.length > 0 },
      }}
      published={(version) => (
        <>
          <Result
            status="success"
            title={
              version !== undefined
                ? t('formDesigner.publish.success', { version })
                : t('formDesigner.publish.successNoVersion')
            }
            subTitle={model.title}
          />
          {version !== undefined && <RepublishProcesses formKey={formKey} version={version} />}
        </>
      )}
      problem={{
        render: (problem) => {
          const field = fieldOfPath(model, problem.path);
          return (
            <span>
              {field ? (
                <Typography.Text strong>{field.label || field.key}：</Typography.Text>
              ) : (
                problem.path && <Typography.Text code>{problem.path}</Typography.Text>
              )}{' '}
              {problem.message}
            </span>
          );
        },
        onSelect: (problem) => {
          const field = fieldOfPath(model, problem.path);
          if (field) onSelectField(field.id);
        },
      }}
    />
  );
}
