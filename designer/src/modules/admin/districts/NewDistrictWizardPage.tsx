import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Result, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { Page } from '../../../shared/ui/Page';
import { useApiQuery } from '../../../shared/useApiQuery';
import '../admin.css';
import { applyFieldErrors, fieldErrorsOf } from '../../../shared/field-errors';
import { useUnsavedGuard } from '../../../shared/useUnsavedGuard';
import { defaultParameterValues, PARAMETER_DEFINITIONS } from '../parameters/parameter-catalog';
import { randomPassword } from '../people/random-password';
import type { TemplateSummary } from '../templates/template-types';
import { CreatedView, type CreatedDistrict } from './CreatedView';
import { CreatingView } from './CreatingView';
import './districts-messages';
import { AdminStep } from './steps/AdminStep';
import { BasicsStep } from './steps/BasicsStep';
import { ParametersStep } from './steps/ParametersStep';
import { ReviewStep } from './steps/ReviewStep';
import { RolesStep } from './steps/RolesStep';
import { TemplatesStep } from './steps/TemplatesStep';
import {
  districtRequest,
  firstErrorStep,
  stepFieldNames,
  WIZARD_STEPS,
  wizardField,
  type WizardValues,
} from './wizard-model';
import { WizardSteps } from './WizardSteps';

const LAST = WIZARD_STEPS.length - 1;
const PARAMETER_KEYS = PARAMETER_DEFINITIONS.map((d) => d.key);

const initialValues = (): Partial<WizardValues> => ({
  templates: [],
  adminRoles: [],
  units: [],
  parameters: defaultParameterValues(),
  admin: { username: '', name: '', password: randomPassword() },
});

type Failure = { fields: number } | { message: string };

/** The clone wizard (platform administrators): six steps, then POST /districts and the result. */
export function NewDistrictWizardPage() {
  const t = useT();
  const { isPlatformAdmin } = useSession();
  const describe = useErrorMessage();
  const templates = useApiQuery<TemplateSummary[]>(isPlatformAdmin ? '/templates' : null);
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState(0);
  const [touched, setTouched] = useState(false);
  const [creating, setCreating] = useState<{ name: string; templateCount: number }>();
  const [failure, setFailure] = useState<Failure>();
  const [errorStep, setErrorStep] = useState<number>();
  const [created, setCreated] = useState<CreatedDistrict>();
  useUnsavedGuard(
    !created && (touched || Boolean(creating)),
    t('adminDistricts.wizard.leaveConfirm'),
  );

  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [step, created]);

  const goTo = (next: number) => {
    setStep(next);
    setErrorStep(undefined);
  };

  /** Validates this step and the ones before it; lands on the first failing step. */
  const validate = async (): Promise<boolean> => {
    try {
      const names = Array.from({ length: step + 1 }, (_, i) =>
        stepFieldNames(i, PARAMETER_KEYS),
      ).flat();
      await form.validateFields(names, { recursive: true });
      return true;
    } catch (invalid) {
      const fields =
        (invalid as { errorFields?: { name: (string | number)[] }[] }).errorFields ?? [];
      const steps = fields.map((f) => wizardField(f.name.join('.')).step).filter((s) => s <= step);
      if (steps.length === 0) return true; // only later steps are incomplete
      const first = Math.min(...steps);
      setStep(first);
      setErrorStep(first);
      return false;
    }
  };

  const next = async () => {
    if (await validate()) goTo(step + 1);
  };

  const submit = async () => {
    if (!(await validate())) return;
    const values = form.getFieldsValue(true) as WizardValues;
    const body = districtRequest(values);
    setFailure(undefined);
    setCreating({ name: body.name, templateCount: body.templates.length });
    try {
      const { id } = await api.post<{ id: string }>('/districts', body);
      setCreated({ id, name: body.name, templateCount: body.templates.length, admin: body.admin });
    } catch (error) {
      const problems = fieldErrorsOf(error);
      if (problems.length === 0) {
        setFailure({ message: describe(error) });
      } else {
        applyFieldErrors(form, problems, (path) => wizardField(path).name);
        const first = firstErrorStep(problems);
        setStep(first);
        setErrorStep(first);
        setFailure({ fields: problems.length });
      }
    } finally {
      setCreating(undefined);
    }
  };

  const restart = () => {
    form.resetFields();
    form.setFieldsValue(initialValues() as never);
    setCreated(undefined);
    setTouched(false);
    setFailure(undefined);
    goTo(0);
  };

  if (!isPlatformAdmin) {
    return (
      <Result
        status="403"
        title={t('adminCommon.platformOnlyTitle')}
        subTitle={t('adminCommon.platformOnlyText')}
      />
    );
  }
  return (
    <Page
      title={t('adminDistricts.wizard.title')}
      extra={
        <Link to="/admin/districts">
          <Button icon={<ArrowLeftOutlined />}>{t('adminDistricts.wizard.back')}</Button>
        </Link>
      }
      maxWidth={1100}
    >
      {created ? (
        <CreatedView created={created} onAnother={restart} />
      ) : creating ? (
        <CreatingView name={creating.name} templateCount={creating.templateCount} />
      ) : null}
      <Card style={{ display: created || creating ? 'none' : undefined }}>
        <WizardSteps current={step} errorStep={errorStep} onPick={goTo} />
        {failure && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('adminDistricts.wizard.failed.title')}
            description={
              'fields' in failure
                ? t('adminDistricts.wizard.failed.fields', { count: failure.fields })
                : `${failure.message} ${t('adminDistricts.wizard.failed.other')}`
            }
          />
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues()}
          onValuesChange={() => setTouched(true)}
          requiredMark="optional"
        >
          {[
            <BasicsStep key="basics" />,
            <TemplatesStep key="templates" templates={templates} />,
            <RolesStep key="roles" />,
            <ParametersStep key="parameters" />,
            <AdminStep key="admin" />,
            <ReviewStep key="review" templates={templates.data ?? []} onEdit={goTo} />,
          ].map((panel, index) => (
            <div key={index} hidden={index !== step}>
              {panel}
            </div>
          ))}
        </Form>
        <Space style={{ display: 'flex', justifyContent: 'space-between', marginTop: 24 }}>
          <Button disabled={step === 0} onClick={() => goTo(step - 1)}>
            {t('adminDistricts.wizard.prev')}
          </Button>
          {step < LAST ? (
            <Button type="primary" onClick={() => void next()}>
              {t('adminDistricts.wizard.next')}
            </Button>
          ) : (
            <Button type="primary" onClick={() => void submit()}>
              {t('adminDistricts.wizard.submit')}
            </Button>
          )}
        </Space>
      </Card>
    </Page>
  );
}
