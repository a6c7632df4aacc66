import { Form, Input, Modal } from 'antd';
import { useT } from '../../../shared/i18n';

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

interface Props {
  open: boolean;
  takenKeys: string[];
  onCancel: () => void;
  onCreate: (key: string, title: string) => void;
}

/** Title and key of a new form; the key must be free and valid before the builder opens. */
export function NewFormModal({ open, takenKeys, onCancel, onCreate }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ title: string; key: string }>();
  return (
    <Modal
      open={open}
      title={t('formDesigner.create.title')}
      okText={t('formDesigner.create.submit')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ key, title }) => onCreate(key.trim(), title.trim())}
      >
        <Form.Item
          name="title"
          label={t('formDesigner.create.name')}
          rules={[{ required: true, whitespace: true, message: t('formDesigner.create.required') }]}
        >
          <Input placeholder={t('formDesigner.create.namePlaceholder')} autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('formDesigner.create.key')}
          extra={t('formDesigner.create.keyHelp')}
          rules={[
            { required: true, message: t('formDesigner.create.required') },
            { pattern: KEY, message: t('formDesigner.create.keyInvalid') },
            {
              validator: (_, value: string) =>
                takenKeys.includes((value ?? '').trim())
                  ? Promise.reject(new Error(t('formDesigner.create.keyTaken')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input placeholder="suggestion-reply" maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
