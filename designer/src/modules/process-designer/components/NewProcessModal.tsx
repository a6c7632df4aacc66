import { Form, Input, Modal } from 'antd';
import { useT } from '../../../shared/i18n';

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

interface Props {
  open: boolean;
  takenKeys: string[];
  onCancel: () => void;
  onCreate: (key: string, name: string) => void;
}

/** Name and key of a new process; the key must be free and valid before the editor opens. */
export function NewProcessModal({ open, takenKeys, onCancel, onCreate }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ name: string; key: string }>();
  return (
    <Modal
      open={open}
      title={t('processDesigner.create.title')}
      okText={t('processDesigner.create.submit')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ key, name }) => onCreate(key.trim(), name.trim())}
      >
        <Form.Item
          name="name"
          label={t('processDesigner.create.name')}
          rules={[
            { required: true, whitespace: true, message: t('processDesigner.create.required') },
          ]}
        >
          <Input
            placeholder={t('processDesigner.create.namePlaceholder')}
            autoFocus
            maxLength={60}
          />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('processDesigner.create.key')}
          extra={t('processDesigner.create.keyHelp')}
          rules={[
            { required: true, message: t('processDesigner.create.required') },
            { pattern: KEY, message: t('processDesigner.create.keyInvalid') },
            {
              validator: (_, value: string) =>
                takenKeys.includes((value ?? '').trim())
                  ? Promise.reject(new Error(t('processDesigner.create.keyTaken')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input placeholder="suggestion-handling" maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
