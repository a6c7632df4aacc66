import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { applyFieldErrors, fieldErrorsOf } from '../../../shared/field-errors';
import type { AdminInstance } from './instance-types';
import './instances-messages';

/** POST /instances/:id/cancel { reason }: the reason is required and goes into the history. */
export function CancelInstanceModal({
  open,
  instanceId,
  onClose,
  onCancelled,
}: {
  open: boolean;
  instanceId: string;
  onClose: () => void;
  onCancelled: (summary: AdminInstance) => void;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSaving(true);
    try {
      const summary = await api.post<AdminInstance>(
        `/instances/${encodeURIComponent(instanceId)}/cancel`,
        { reason: values.reason.trim() },
      );
      message.success(t('adminInstances.actions.cancelled'));
      onCancelled(summary);
    } catch (error) {
      const problems = fieldErrorsOf(error);
      if (problems.length) applyFieldErrors(form, problems);
      else message.error(describe(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('adminInstances.actions.cancelTitle')}
      okText={t('adminInstances.actions.cancel')}
      okButtonProps={{ danger: true, loading: saving }}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      <Alert
        type="warning"
        showIcon
        message={t('adminInstances.actions.cancelText')}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('common.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('adminInstances.actions.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
