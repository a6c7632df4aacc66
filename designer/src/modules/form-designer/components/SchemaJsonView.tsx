import { CopyOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import { type JsonSchema } from '../model/schema-model';

/** The schema as the server will store it, read-only, with copy and import. */
export function SchemaJsonView({ schema, onImport }: { schema: JsonSchema; onImport: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const text = JSON.stringify(schema, null, 2);
  return (
    <div className="cf-fb-json">
      <Space className="cf-fb-json-bar" wrap>
        <Typography.Text type="secondary">{t('formDesigner.json.hint')}</Typography.Text>
        <Button
          size="small"
          icon={<CopyOutlined />}
          onClick={() =>
            void navigator.clipboard
              ?.writeText(text)
              .then(() => message.success(t('formDesigner.json.copied')))
          }
        >
          {t('formDesigner.json.copy')}
        </Button>
        <Button size="small" icon={<ImportOutlined />} onClick={onImport}>
          {t('formDesigner.builder.importJson')}
        </Button>
      </Space>
      <pre className="cf-fb-json-code" aria-label="JSON">
        {text}
      </pre>
    </div>
  );
}
