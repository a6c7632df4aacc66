import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Divider, Form, Input, Select, Typography } from 'antd';
import { useT } from '../../../../shared/i18n';
import { roleLabel } from '../../../../shared/roles';
import { ROLE_KEYS, UNIT_KINDS } from '../../people/people-types';
import '../../people/people-messages';
import '../districts-messages';

/**
 * Step 3: roles and units. The new district's only account is its administrator, so a role can
 * only go to the administrator (docs/api.md); initial units are optional.
 */
export function RolesStep() {
  const t = useT();
  return (
    <>
      <Alert
        type="info"
        showIcon
        message={t('adminDistricts.wizard.roles.intro')}
        style={{ marginBottom: 16 }}
      />
      <Form.Item name="adminRoles" label={t('adminDistricts.wizard.roles.assignToAdmin')}>
        <Checkbox.Group
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))',
            gap: 8,
          }}
          options={ROLE_KEYS.map((key) => ({ value: key, label: roleLabel(t, key) }))}
        />
      </Form.Item>
      <Divider orientation="left" plain>
        {t('adminDistricts.wizard.roles.units')}
      </Divider>
      <Typography.Paragraph type="secondary">
        {t('adminDistricts.wizard.roles.unitsIntro')}
      </Typography.Paragraph>
      <Form.List name="units">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <div
                key={field.key}
                className="cf-admin-list-row"
                style={{ alignItems: 'flex-start' }}
              >
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[
                    { required: true, whitespace: true, message: t('common.required') },
                    { max: 60 },
                    ({ getFieldValue }) => ({
                      validator: (_, value: string) => {
                        const units = (getFieldValue('units') ?? []) as { name?: string }[];
                        const earlier = units
                          .slice(0, field.name)
                          .some((u) => u?.name?.trim() === value?.trim());
                        return earlier
                          ? Promise.reject(
                              new Error(t('adminDistricts.wizard.roles.duplicateUnit')),
                            )
                          : Promise.resolve();
                      },
                    }),
                  ]}
                  style={{ flex: '1 1 220px', margin: 0 }}
                >
                  <Input placeholder={t('adminDistricts.wizard.roles.unitName')} maxLength={60} />
                </Form.Item>
                <Form.Item name={[field.name, 'kind']} style={{ width: 160, margin: 0 }}>
                  <Select
                    aria-label={t('adminDistricts.wizard.roles.unitKind')}
                    options={UNIT_KINDS.map((kind) => ({
                      value: kind,
                      label: t(`adminPeople.kinds.${kind}`),
                    }))}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('adminCommon.delete')}
                  onClick={() => remove(field.name)}
                />
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', kind: 'unit' })}
            >
              {t('adminDistricts.wizard.roles.addUnit')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
