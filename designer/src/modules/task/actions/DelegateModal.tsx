import { Form, Input, Modal } from 'antd';
import { UserPickerInput } from '../../../shared/form-components/UserPicker';
import { useT } from '../../../shared/i18n';
import '../task-messages';

export interface DelegateInput {
  userId: string;
  reason?: string;
}

/** 转办: hand the task to another person, with an optional note. */
export function DelegateModal({
  open,
  busy,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  busy: boolean;
  onSubmit: (input: DelegateInput) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<DelegateInput>();
  return (
    <Modal
      open={open}
      title={t('task.delegateModal.title')}
      okText={t('task.actions.delegate')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void form.validateFields().then(onSubmit, () => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="userId"
          label={t('task.delegateModal.user')}
          rules={[{ required: true, message: t('task.delegateModal.userRequired') }]}
        >
          <UserPickerInput />
        </Form.Item>
        <Form.Item name="reason" label={t('task.delegateModal.reason')}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('task.delegateModal.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
