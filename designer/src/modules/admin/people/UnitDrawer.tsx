import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, type FieldError } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { applyFieldErrors, fieldErrorsOf } from '../../../shared/field-errors';
import { UNIT_KINDS, type UnitRecord } from './people-types';
import './people-messages';

/** Create (POST /units) or edit (PATCH /units/:id) a unit: its name and kind. */
export function UnitDrawer({
  open,
  unit,
  onClose,
  onSaved,
}: {
  open: boolean;
  unit?: UnitRecord;
  onClose: () => void;
  onSaved: (unit: UnitRecord) => void;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; kind: string }>();
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  useEffect(() => {
    if (!open) return;
    setUnmatched([]);
    form.resetFields();
    form.setFieldsValue(unit ? { name: unit.name, kind: unit.kind } : { kind: 'unit' });
  }, [open, unit, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSaving(true);
    try {
      const body = { name: values.name.trim(), kind: values.kind };
      const answer = unit
        ? await api.patch<UnitRecord>(`/units/${encodeURIComponent(unit.id)}`, body)
        : await api.post<UnitRecord>('/units', body);
      message.success(
        unit
          ? t('adminPeople.unitForm.saved')
          : t('adminPeople.unitForm.created', { name: answer.name }),
      );
      onSaved(answer);
    } catch (error) {
      const problems = fieldErrorsOf(error);
      // a taken name is a 409 without details: put it on the name field
      if (problems.length === 0 && (error as { status?: number }).status === 409)
        form.setFields([{ name: 'name', errors: [describe(error)] }]);
      else if (problems.length === 0) message.error(describe(error));
      else setUnmatched(applyFieldErrors(form, problems).unmatched);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width="min(440px, 100vw)"
      title={
        unit
          ? t('adminPeople.unitForm.editTitle', { name: unit.name })
          : t('adminPeople.unitForm.createTitle')
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {unmatched.map((problem, index) => (
        <Alert
          key={index}
          type="error"
          showIcon
          message={problem.message}
          style={{ marginBottom: 12 }}
        />
      ))}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="name"
          label={t('adminPeople.unitForm.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 60 }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('adminPeople.unitForm.kind')} rules={[{ required: true }]}>
          <Select
            options={UNIT_KINDS.map((kind) => ({
              value: kind,
              label: t(`adminPeople.kinds.${kind}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
