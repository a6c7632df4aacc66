import { Form, Input } from 'antd';
import { useT } from '../../../../shared/i18n';
import '../districts-messages';
import { DISTRICT_CODE } from '../wizard-model';

/** Step 1: the district's name and code (its id). */
export function BasicsStep() {
  const t = useT();
  return (
    <div style={{ maxWidth: 520 }}>
      <Form.Item
        name="name"
        label={t('adminDistricts.wizard.basics.name')}
        extra={t('adminDistricts.wizard.basics.nameHelp')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 40 }]}
      >
        <Input maxLength={40} placeholder={t('adminDistricts.wizard.basics.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('adminDistricts.wizard.basics.code')}
        extra={t('adminDistricts.wizard.basics.codeHelp')}
        normalize={(value: string) => value?.toLowerCase().replace(/\s/g, '')}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: DISTRICT_CODE, message: t('adminDistricts.wizard.basics.codeRule') },
          {
            validator: (_, value: string) =>
              value === 'platform'
                ? Promise.reject(new Error(t('adminDistricts.wizard.basics.codeReserved')))
                : Promise.resolve(),
          },
        ]}
      >
        <Input maxLength={32} style={{ fontFamily: 'monospace' }} placeholder="xxq" />
      </Form.Item>
    </div>
  );
}
