import {
  ArrowLeftOutlined,
  CloudUploadOutlined,
  DownloadOutlined,
  ExpandOutlined,
  HistoryOutlined,
  ImportOutlined,
  RedoOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Badge, Button, Divider, Dropdown, Space, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../../shared/i18n';

interface Props {
  name: string;
  processKey: string;
  latestVersion?: number;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  busy: boolean;
  onBack: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onFit: () => void;
  onImport: () => void;
  onExport: (kind: 'bpmn' | 'svg') => void;
  onHistory: () => void;
  onPublish: () => void;
}

/** The editor's title row: which process and version, its state, and every command. */
export function EditorToolbar(props: Props) {
  const t = useT();
  const { name, processKey, latestVersion, dirty } = props;
  const status = dirty
    ? t('processDesigner.editor.unpublished')
    : latestVersion === undefined
      ? t('processDesigner.editor.notPublishedYet')
      : t('processDesigner.editor.published');
  return (
    <header className="cf-editor-toolbar">
      <Space size="small" className="cf-editor-title">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={props.onBack}>
          {t('processDesigner.editor.back')}
        </Button>
        <Divider type="vertical" />
        <Typography.Text strong ellipsis style={{ maxWidth: 320, fontSize: 16 }}>
          {name || t('processDesigner.editor.newProcess')}
        </Typography.Text>
        <Tag bordered={false}>{processKey}</Tag>
        {latestVersion !== undefined && (
          <Tag color="blue" bordered={false}>
            {t('processDesigner.list.versionTag', { version: latestVersion })}
          </Tag>
        )}
        <Badge
          status={dirty ? 'warning' : 'success'}
          text={<Typography.Text type="secondary">{status}</Typography.Text>}
        />
      </Space>
      <Space size="small" wrap>
        <Tooltip title={`${t('processDesigner.editor.undo')} (Ctrl+Z)`}>
          <Button
            icon={<UndoOutlined />}
            disabled={!props.canUndo}
            onClick={props.onUndo}
            aria-label={t('processDesigner.editor.undo')}
          />
        </Tooltip>
        <Tooltip title={`${t('processDesigner.editor.redo')} (Ctrl+Y)`}>
          <Button
            icon={<RedoOutlined />}
            disabled={!props.canRedo}
            onClick={props.onRedo}
            aria-label={t('processDesigner.editor.redo')}
          />
        </Tooltip>
        <Tooltip title={t('processDesigner.editor.fit')}>
          <Button
            icon={<ExpandOutlined />}
            onClick={props.onFit}
            aria-label={t('processDesigner.editor.fit')}
          />
        </Tooltip>
        <Button icon={<ImportOutlined />} onClick={props.onImport}>
          {t('processDesigner.editor.import')}
        </Button>
        <Dropdown
          menu={{
            items: [
              { key: 'bpmn', label: t('processDesigner.editor.exportBpmn') },
              { key: 'svg', label: t('processDesigner.editor.exportSvg') },
            ],
            onClick: ({ key }) => props.onExport(key as 'bpmn' | 'svg'),
          }}
        >
          <Button icon={<DownloadOutlined />}>{t('processDesigner.editor.export')}</Button>
        </Dropdown>
        <Button icon={<HistoryOutlined />} onClick={props.onHistory}>
          {t('processDesigner.editor.history')}
        </Button>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          onClick={props.onPublish}
          disabled={props.busy}
        >
          {t('processDesigner.editor.publish')}
        </Button>
      </Space>
    </header>
  );
}
