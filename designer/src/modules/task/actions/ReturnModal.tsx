import { Form, Input, Modal, Select } from 'antd';
import { useT } from '../../../shared/i18n';
import { useUserNames } from '../../../shared/useUserNames';
import type { ReturnTarget } from '../task-types';
import '../task-messages';

export interface ReturnInput {
  targetActivityId?: string;
  /** One element of a multi-instance step (a unit's or signer's part); none: the whole step. */
  targetElement?: string;
  reason: string;
}

/**
 * 退回: pick the step to return to (default: the previous one), for a co-handled or co-signed
 * step optionally the one part to do again, and say why.
 */
export function ReturnModal({
  open,
  targets,
  busy,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  targets: ReturnTarget[];
  busy: boolean;
  onSubmit: (input: ReturnInput) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<ReturnInput>();
  const chosenId = Form.useWatch('targetActivityId', form) as string | undefined;
  const chosen =
    chosenId === undefined ? targets[0] : targets.find((t) => t.activityId === chosenId);
  const elements = chosen?.elements ?? [];
  const names = useUserNames(elements.map((element) => element.completedBy));
  const elementLabel = (element: { key: string; completedBy?: string }) => {
    const name = element.completedBy ? names.nameOf(element.completedBy) : undefined;
    return name ? t('task.returnModal.elementOf', { name }) : element.key;
  };
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
              onChange={() => form.setFieldValue('targetElement', undefined)}
            />
          </Form.Item>
        )}
        {elements.length > 0 && (
          <Form.Item name="targetElement" label={t('task.returnModal.element')}>
            <Select
              allowClear
              placeholder={t('task.returnModal.elementPlaceholder')}
              options={elements.map((element) => ({
                value: element.key,
                label: elementLabel(element),
              }))}
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
