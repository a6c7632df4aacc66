import { Form, Input, Modal, Select } from 'antd';
import { useT } from '../../../shared/i18n';
import '../task-messages';

export interface ReturnInput {
  targetActivityId?: string;
  reason: string;
}

/** 退回: pick the step to return to (default: the previous one) and say why. */
export function ReturnModal({
  open,
  targets,
  busy,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  targets: { activityId: string; name: string }[];
  busy: boolean;
  onSubmit: (input: ReturnInput) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<ReturnInput>();
  return (
    <Modal
      open={open}
      title={t('task.returnModal.title')}
      okText={t('task.actions.return')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void form.validateFields().then(onSubmit, () => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        {targets.length > 0 && (
          <Form.Item name="targetActivityId" label={t('task.returnModal.target')}>
            <Select
              allowClear
              placeholder={t('task.returnModal.targetPlaceholder')}
              options={targets.map((target) => ({ value: target.activityId, label: target.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('task.returnModal.reason')}
          rules={[{ required: true, whitespace: true, message: t('task.reasonRequired') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={1000}
            showCount
            placeholder={t('task.returnModal.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
