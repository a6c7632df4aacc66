import {
  ArrowLeftOutlined,
  CloudUploadOutlined,
  ImportOutlined,
  RedoOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Badge, Button, Divider, Space, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../../shared/i18n';

interface Props {
  title: string;
  formKey: string;
  latestVersion?: number;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onBack: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onImport: () => void;
  onPublish: () => void;
}

/** The form builder's title row: which form and version, its state, and the commands. */
export function FormToolbar(props: Props) {
  const t = useT();
  const status = props.dirty
    ? t('formDesigner.builder.unpublished')
    : props.latestVersion === undefined
      ? t('formDesigner.builder.notPublishedYet')
      : t('formDesigner.builder.published');
  return (
    <header className="cf-editor-toolbar">
      <Space size="small" className="cf-editor-title">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={props.onBack}>
          {t('formDesigner.builder.back')}
        </Button>
        <Divider type="vertical" />
        <Typography.Text strong ellipsis style={{ maxWidth: 320, fontSize: 16 }}>
          {props.title || t('formDesigner.builder.untitled')}
        </Typography.Text>
        <Tag bordered={false}>{props.formKey}</Tag>
        {props.latestVersion !== undefined && (
          <Tag color="blue" bordered={false}>
            {t('formDesigner.list.versionTag', { version: props.latestVersion })}
          </Tag>
        )}
        <Badge
          status={props.dirty ? 'warning' : 'success'}
          text={<Typography.Text type="secondary">{status}</Typography.Text>}
        />
      </Space>
      <Space size="small" wrap>
        <Tooltip title={`${t('formDesigner.builder.undo')} (Ctrl+Z)`}>
          <Button
            icon={<UndoOutlined />}
            disabled={!props.canUndo}
            onClick={props.onUndo}
            aria-label={t('formDesigner.builder.undo')}
          />
        </Tooltip>
        <Tooltip title={`${t('formDesigner.builder.redo')} (Ctrl+Y)`}>
          <Button
            icon={<RedoOutlined />}
            disabled={!props.canRedo}
            onClick={props.onRedo}
            aria-label={t('formDesigner.builder.redo')}
          />
        </Tooltip>
        <Button icon={<ImportOutlined />} onClick={props.onImport}>
          {t('formDesigner.builder.importJson')}
        </Button>
        <Button type="primary" icon={<CloudUploadOutlined />} onClick={props.onPublish}>
          {t('formDesigner.builder.publish')}
        </Button>
      </Space>
    </header>
  );
}
