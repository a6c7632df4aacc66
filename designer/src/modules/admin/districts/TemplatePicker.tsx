import { Checkbox, Col, Row, Space, Tag, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import type { TemplateSummary } from '../templates/template-types';
import './districts-messages';
import { requiredBy, withDependencies } from './wizard-model';

/**
 * The templates to install, as cards with their descriptions. Choosing one also chooses what it
 * calls (four-party review for suggestion handling); a template another chosen one calls stays.
 */
export function TemplatePicker({
  templates,
  value = [],
  onChange,
}: {
  templates: TemplateSummary[];
  value?: string[];
  onChange?: (value: string[]) => void;
}) {
  const t = useT();
  const nameOf = (key: string) => templates.find((x) => x.key === key)?.name ?? key;
  const toggle = (key: string, on: boolean) =>
    onChange?.(on ? withDependencies([...value, key], templates) : value.filter((k) => k !== key));
  return (
    <Row gutter={[12, 12]}>
      {templates.map((template) => {
        const checked = value.includes(template.key);
        const callers = requiredBy(template.key, value, templates);
        const locked = checked && callers.length > 0;
        const deps = template.dependsOn ?? [];
        return (
          <Col key={template.key} xs={24} lg={12}>
            <div
              className="cf-admin-list-row"
              style={{
                display: 'block',
                height: '100%',
                margin: 0,
                background: checked ? '#f0f5ff' : '#fff',
                borderColor: checked ? '#adc6ff' : '#f0f0f0',
              }}
            >
              <Checkbox
                checked={checked}
                disabled={locked}
                onChange={(event) => toggle(template.key, event.target.checked)}
              >
                <Typography.Text strong>{template.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                  v{template.version} · {template.key}
                </Typography.Text>
              </Checkbox>
              <Typography.Paragraph
                type="secondary"
                style={{ margin: '4px 0 4px 24px', fontSize: 13 }}
                ellipsis={{ rows: 3, expandable: true, symbol: t('adminCommon.expand') }}
              >
                {template.description}
              </Typography.Paragraph>
              <Space size={[4, 4]} wrap style={{ marginInlineStart: 24 }}>
                {deps.length > 0 && (
                  <Tag color="purple" style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
                    {t(
                      checked
                        ? 'adminDistricts.wizard.templates.dependsOnChosen'
                        : 'adminDistricts.wizard.templates.dependsOn',
                      {
                        names: deps.map(nameOf).join('、'),
                      },
                    )}
                  </Tag>
                )}
                {locked && (
                  <Tag color="gold" style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
                    {t('adminDistricts.wizard.templates.requiredBy', {
                      names: callers.map(nameOf).join('、'),
                    })}
                  </Tag>
                )}
              </Space>
            </div>
          </Col>
        );
      })}
    </Row>
  );
}
