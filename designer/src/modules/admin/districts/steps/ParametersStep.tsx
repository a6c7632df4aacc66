import { Alert, Form } from 'antd';
import { useT } from '../../../../shared/i18n';
import { changedFromDefaults, type ParameterValues } from '../../parameters/parameter-catalog';
import { ParameterGroupsCollapse } from '../../parameters/ParameterGroupsCollapse';
import '../districts-messages';

/** Step 4: the library defaults, editable; only what differs is sent. */
export function ParametersStep() {
  const t = useT();
  const values = Form.useWatch<ParameterValues | undefined>('parameters');
  const changed = Object.keys(changedFromDefaults(values ?? {})).length;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('adminDistricts.wizard.parameters.intro')}
        description={
          changed > 0
            ? t('adminDistricts.wizard.parameters.changed', { count: changed })
            : undefined
        }
      />
      <ParameterGroupsCollapse namePrefix={['parameters']} />
    </>
  );
}
