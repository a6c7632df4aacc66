import { ImportOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../shared/i18n';
import { dateColumn, KeyedItemList } from '../../../shared/keyed-items/KeyedItemList';
import { NewKeyedItemModal } from '../../../shared/keyed-items/NewKeyedItemModal';
import { type DefinitionSummary } from '../api/definitions-api';
import { useDefinitionList } from '../hooks/useDefinitionList';
import { processKeyOf } from '../model/new-process-xml';

const nameOf = (definition: DefinitionSummary) => definition.name;

/** GET /api/definitions as a searchable table, with "new" and "import a .bpmn file". */
export function ProcessList() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { definitions, error, loading, reload } = useDefinitionList();
  const [creating, setCreating] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const open = (key: string) => navigate(`/admin/processes/${encodeURIComponent(key)}`);

  const importFile = async (file: File) => {
    const xml = await file.text();
    const key = processKeyOf(xml);
    if (!key) {
      message.error(t('processDesigner.editor.importFailed', { reason: file.name }));
      return;
    }
    navigate(`/admin/processes/${encodeURIComponent(key)}`, { state: { importedXml: xml } });
  };

  return (
    <KeyedItemList<DefinitionSummary>
      messages="processDesigner.list"
      items={definitions}
      error={error}
      loading={loading}
      reload={reload}
      nameOf={nameOf}
      nameTitle={t('processDesigner.list.name')}
      columns={[
        {
          title: t('processDesigner.list.status'),
          dataIndex: 'active',
          width: 90,
          render: (active: boolean | undefined) =>
            active === false ? (
              <Tag>{t('processDesigner.list.inactive')}</Tag>
            ) : (
              <Tag color="green">{t('processDesigner.list.active')}</Tag>
            ),
        },
        dateColumn<DefinitionSummary>(t('processDesigner.list.deployedAt'), 'deployedAt'),
        { title: t('processDesigner.list.deployedBy'), dataIndex: 'deployedBy', width: 140 },
      ]}
      open={open}
      onCreate={() => setCreating(true)}
      actions={
        <Button icon={<ImportOutlined />} onClick={() => fileInput.current?.click()}>
          {t('processDesigner.list.import')}
        </Button>
      }
    >
      <input
        ref={fileInput}
        type="file"
        accept=".bpmn,.xml,application/xml,text/xml"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <NewKeyedItemModal
        open={creating}
        messages="processDesigner.create"
        keyPlaceholder="suggestion-handling"
        takenKeys={(definitions ?? []).map((d) => d.key)}
        onCancel={() => setCreating(false)}
        onCreate={(key, name) =>
          navigate(`/admin/processes/${encodeURIComponent(key)}`, {
            state: { newProcessName: name },
          })
        }
      />
    </KeyedItemList>
  );
}
