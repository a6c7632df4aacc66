import { Alert, Anchor, App, Col, Form, Grid, Row, Skeleton } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, type FieldError } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import { useApiQuery } from '../../../shared/useApiQuery';
import { applyFieldErrors, fieldErrorsOf } from '../../../shared/field-errors';
import { SaveBar } from '../common/SaveBar';
import { useUnsavedGuard } from '../../../shared/useUnsavedGuard';
import {
  changedFromDefaults,
  defaultParameterValues,
  parameterGroups,
  sameValue,
  type ParameterValues,
} from './parameter-catalog';
import { groupAnchor, ParameterGroups } from './ParameterGroups';
import './parameters-messages';
import { useParameterText } from './useParameterText';

/** GET/PUT /api/parameters: the district's deadlines, rounds, codes and rules, by group. */
export function ParametersPage() {
  const t = useT();
  const text = useParameterText();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm();
  const loaded = useApiQuery<ParameterValues>('/parameters');
  const [saved, setSaved] = useState<ParameterValues>();
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [errorCount, setErrorCount] = useState(0);

  useEffect(() => {
    if (!loaded.data) return;
    const values = { ...defaultParameterValues(), ...loaded.data };
    setSaved(values);
    form.setFieldsValue(values);
  }, [loaded.data, form]);

  const current = Form.useWatch((values: ParameterValues) => values, form);
  const changedKeys = useMemo(
    () =>
      saved && current
        ? Object.keys(saved).filter((key) => key in current && !sameValue(current[key], saved[key]))
        : [],
    [saved, current],
  );
  const dirty = changedKeys.length > 0;
  useUnsavedGuard(dirty, t('adminParams.leaveConfirm'));

  const save = async () => {
    setUnmatched([]);
    let values: ParameterValues;
    try {
      await form.validateFields();
      values = { ...saved, ...form.getFieldsValue(true) } as ParameterValues;
      setErrorCount(0);
    } catch (invalid) {
      const fields = (invalid as { errorFields?: { name: (string | number)[] }[] }).errorFields;
      setErrorCount(fields?.length ?? 0);
      if (fields?.[0]) form.scrollToField(fields[0].name, { block: 'center' });
      return;
    }
    setSaving(true);
    try {
      const answer = await api.put<ParameterValues>('/parameters', changedFromDefaults(values));
      const next = { ...defaultParameterValues(), ...answer };
      setSaved(next);
      form.setFieldsValue(next);
      message.success(t('adminParams.saved'));
    } catch (error) {
      const problems = fieldErrorsOf(error);
      if (problems.length === 0) {
        message.error(describe(error));
        return;
      }
      const { unmatched: rest, first } = applyFieldErrors(form, problems, (path) => [
        path.split(/[.[]/)[0],
      ]);
      setUnmatched(rest);
      setErrorCount(problems.length - rest.length);
      if (first) form.scrollToField(first, { block: 'center' });
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    if (saved) form.setFieldsValue(structuredClone(saved));
    form.setFields(Object.keys(saved ?? {}).map((name) => ({ name, errors: [] })));
    setErrorCount(0);
    setUnmatched([]);
  };

  let body;
  if (loaded.error && !saved) {
    body = <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />;
  } else if (!saved) {
    body = <Skeleton active paragraph={{ rows: 12 }} />;
  } else {
    body = (
      <>
        {errorCount > 0 && (
          <Alert
            type="error"
            showIcon
            message={t('adminParams.fixErrors', { count: errorCount })}
            style={{ marginBottom: 16 }}
          />
        )}
        {unmatched.map((problem, index) => (
          <Alert
            key={index}
            type="error"
            showIcon
            message={problem.message}
            style={{ marginBottom: 8 }}
          />
        ))}
        <Form form={form} layout="vertical" requiredMark={false} scrollToFirstError={false}>
          <ParameterGroups extraKeys={Object.keys(saved)} compact={!screens.md} />
        </Form>
        <SaveBar
          dirty={dirty}
          saving={saving}
          status={
            dirty
              ? t('adminParams.unsaved', { count: changedKeys.length })
              : t('adminParams.noChanges')
          }
          saveLabel={t('adminParams.save')}
          discardLabel={t('adminParams.discard')}
          onSave={() => void save()}
          onDiscard={discard}
        />
      </>
    );
  }

  return (
    <Page title={t('adminParams.title')} subtitle={t('adminParams.subtitle')}>
      {screens.lg && saved ? (
        <Row gutter={24} wrap={false}>
          <Col flex="176px">
            <Anchor
              offsetTop={72}
              items={parameterGroups().map(({ group }, index) => ({
                key: group,
                href: `#${groupAnchor(index)}`,
                title: text.group(group),
              }))}
            />
          </Col>
          <Col flex="auto" style={{ minWidth: 0 }}>
            {body}
          </Col>
        </Row>
      ) : (
        body
      )}
    </Page>
  );
}
