import { Form, Input, Modal } from 'antd';
import { useT } from '../i18n';

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

interface Props {
  open: boolean;
  /** Message namespace holding title, submit, name, namePlaceholder, key, keyHelp, required, keyInvalid, keyTaken. */
  messages: string;
  keyPlaceholder: string;
  takenKeys: string[];
  onCancel: () => void;
  onCreate: (key: string, name: string) => void;
}

/**
 * Name and key of a new process or form: the key must be valid and free before the editor opens,
 * because both are published and referenced by key.
 */
export function NewKeyedItemModal(props: Props) {
  const { open, messages, keyPlaceholder, takenKeys, onCancel, onCreate } = props;
  const t = useT();
  const m = (key: string) => t(`${messages}.${key}`);
  const [form] = Form.useForm<{ name: string; key: string }>();
  return (
    <Modal
      open={open}
      title={m('title')}
      okText={m('submit')}
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
          label={m('name')}
          rules={[{ required: true, whitespace: true, message: m('required') }]}
        >
          <Input placeholder={m('namePlaceholder')} autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item
          name="key"
          label={m('key')}
          extra={m('keyHelp')}
          rules={[
            { required: true, message: m('required') },
            { pattern: KEY, message: m('keyInvalid') },
            {
              validator: (_, value: string) =>
                takenKeys.includes((value ?? '').trim())
                  ? Promise.reject(new Error(m('keyTaken')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input placeholder={keyPlaceholder} maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
