import { Collapse, Form, Space, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../../shared/i18n';
import { parameterGroups, sameValue } from './parameter-catalog';
import { ParameterField } from './ParameterField';
import './parameters-messages';
import { useParameterText } from './useParameterText';

/**
 * The parameters folded by group (the wizard: mostly defaults). Folded groups stay mounted, so
 * their values and checks count; a group with an error opens by itself.
 */
export function ParameterGroupsCollapse({ namePrefix }: { namePrefix: string[] }) {
  const t = useT();
  const text = useParameterText();
  const [open, setOpen] = useState<string[]>([]);
  const groups = parameterGroups();
  return (
    <Form.Item noStyle shouldUpdate>
      {(form) => {
        const name = (key: string) => [...namePrefix, key];
        const failing = groups
          .filter((g) => g.definitions.some((d) => form.getFieldError(name(d.key)).length > 0))
          .map((g) => g.group);
        return (
          <Collapse
            activeKey={[...new Set([...open, ...failing])]}
            onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
            items={groups.map(({ group, definitions }) => {
              const changed = definitions.filter(
                (d) => !sameValue(form.getFieldValue(name(d.key)), d.default),
              ).length;
              return {
                key: group,
                forceRender: true,
                label: (
                  <Space size={8} wrap>
                    <span>{text.group(group)}</span>
                    {changed > 0 && (
                      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                        {t('adminParams.changedCount', { count: changed })}
                      </Tag>
                    )}
                    {failing.includes(group) && (
                      <Tag color="error" style={{ marginInlineEnd: 0 }}>
                        {t('adminParams.needsFix')}
                      </Tag>
                    )}
                  </Space>
                ),
                children: definitions.map((definition) => (
                  <ParameterField
                    key={definition.key}
                    definition={definition}
                    namePrefix={namePrefix}
                  />
                )),
              };
            })}
          />
        );
      }}
    </Form.Item>
  );
}
