import { Button, Descriptions, Form, Grid, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../../shared/i18n';
import { roleLabel } from '../../../../shared/roles';
import { changedFromDefaults, PARAMETERS_BY_KEY } from '../../parameters/parameter-catalog';
import { useParameterText } from '../../parameters/useParameterText';
import '../../people/people-messages';
import type { TemplateSummary } from '../../templates/template-types';
import '../districts-messages';
import type { WizardValues } from '../wizard-model';

/** Step 6: everything chosen, each part with a link back to its step. */
export function ReviewStep({
  templates,
  onEdit,
}: {
  templates: TemplateSummary[];
  onEdit: (step: number) => void;
}) {
  const t = useT();
  const text = useParameterText();
  const screens = Grid.useBreakpoint();
  const form = Form.useFormInstance<WizardValues>();
  Form.useWatch([], form); // re-render on any change
  const values = form.getFieldsValue(true) as WizardValues;
  const changed = Object.entries(changedFromDefaults(values.parameters ?? {}));
  const none = (key: string) => <Typography.Text type="secondary">{t(key)}</Typography.Text>;
  const label = (title: string, step: number): ReactNode => (
    <Space size={4} wrap>
      <span>{title}</span>
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto' }}
        onClick={() => onEdit(step)}
      >
        {t('adminDistricts.wizard.review.edit')}
      </Button>
    </Space>
  );
  const tags = (items: string[]) => (
    <Space size={[4, 4]} wrap>
      {items.map((item) => (
        <Tag key={item} style={{ marginInlineEnd: 0 }}>
          {item}
        </Tag>
      ))}
    </Space>
  );
  const units = (values.units ?? []).filter((u) => u?.name?.trim());

  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('adminDistricts.wizard.review.intro')}
      </Typography.Paragraph>
      <Descriptions
        bordered
        column={1}
        size="small"
        layout={screens.sm ? 'horizontal' : 'vertical'}
        styles={{ label: screens.sm ? { width: 180 } : {} }}
      >
        <Descriptions.Item label={label(t('adminDistricts.wizard.review.basics'), 0)}>
          <Typography.Text strong>{values.name}</Typography.Text>{' '}
          <Typography.Text code>{values.code}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={label(t('adminDistricts.wizard.review.templates'), 1)}>
          {(values.templates ?? []).length
            ? tags(values.templates.map((key) => templates.find((x) => x.key === key)?.name ?? key))
            : none('adminDistricts.wizard.review.noTemplates')}
        </Descriptions.Item>
        <Descriptions.Item label={label(t('adminDistricts.wizard.review.roles'), 2)}>
          {(values.adminRoles ?? []).length
            ? tags(values.adminRoles.map((key) => roleLabel(t, key)))
            : none('adminDistricts.wizard.review.noRoles')}
        </Descriptions.Item>
        <Descriptions.Item label={label(t('adminDistricts.wizard.review.units'), 2)}>
          {units.length
            ? tags(units.map((u) => `${u.name}（${t(`adminPeople.kinds.${u.kind}`)}）`))
            : none('adminDistricts.wizard.review.noUnits')}
        </Descriptions.Item>
        <Descriptions.Item label={label(t('adminDistricts.wizard.review.parameters'), 3)}>
          {changed.length === 0
            ? none('adminDistricts.wizard.review.noParameters')
            : changed.map(([key, value]) => {
                const definition = PARAMETERS_BY_KEY.get(key);
                return (
                  <div key={key}>
                    {definition ? text.name(definition) : key}：
                    <Typography.Text strong>
                      {definition ? text.describeValue(definition, value) : String(value)}
                    </Typography.Text>
                  </div>
                );
              })}
        </Descriptions.Item>
        <Descriptions.Item label={label(t('adminDistricts.wizard.review.admin'), 4)}>
          {values.admin?.name}（<Typography.Text code>{values.admin?.username}</Typography.Text>）
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
