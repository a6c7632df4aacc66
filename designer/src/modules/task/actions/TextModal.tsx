import { Form, Input, Modal } from 'antd';
import { useT } from '../../../shared/i18n';

/** A modal asking for one text: 评论 (required) or 催办 (optional message). */
export function TextModal({
  open,
  title,
  label,
  placeholder,
  okText,
  required,
  busy,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  title: string;
  label: string;
  placeholder: string;
  okText: string;
  required: boolean;
  busy: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ text?: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() =>
        void form.validateFields().then(
          (v) => onSubmit((v.text ?? '').trim()),
          () => undefined,
        )
      }
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="text"
          label={label}
          rules={
            required ? [{ required: true, whitespace: true, message: t('common.required') }] : []
          }
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
