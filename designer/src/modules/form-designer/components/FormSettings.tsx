import { Form, Input, Select, Switch, Tag, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import { type FormBuilderState } from '../hooks/useFormBuilder';
import { FIELD_KEY, variablesOf } from '../model/form-model';

/** Form-level settings: the title and the variables it reads and writes (`x-cf`). */
export function FormSettings({ builder, formKey }: { builder: FormBuilderState; formKey: string }) {
  const t = useT();
  const { model, apply } = builder;
  const { writes } = variablesOf(model);
  const fromFields = model.fields
    .filter((field) => field.readsEarlierValue)
    .map((field) => field.key);
  const invalid = model.extraReads.filter((name) => !FIELD_KEY.test(name));
  return (
    <Form layout="vertical" className="cf-fb-props">
      <Form.Item
        label={t('formDesigner.settings.title')}
        required
        validateStatus={model.title.trim() ? undefined : 'error'}
        help={model.title.trim() ? undefined : t('formDesigner.settings.titleRequired')}
      >
        <Input
          value={model.title}
          maxLength={60}
          onChange={(event) => apply((m) => ({ ...m, title: event.target.value }), 'form:title')}
        />
      </Form.Item>
      <Form.Item label={t('formDesigner.settings.key')}>
        <Typography.Text code>{formKey}</Typography.Text>
      </Form.Item>
      <Form.Item
        label={t('formDesigner.settings.reads')}
        extra={t('formDesigner.settings.readsHelp')}
        validateStatus={invalid.length ? 'error' : undefined}
        help={
          invalid.length ? t('formDesigner.settings.invalidName', { name: invalid[0] }) : undefined
        }
      >
        {fromFields.length > 0 && (
          <div className="cf-fb-tags">
            {fromFields.map((name) => (
              <Tag key={name} color="blue">
                {name}
              </Tag>
            ))}
          </div>
        )}
        <Select
          mode="tags"
          value={model.extraReads}
          placeholder={t('formDesigner.settings.readsPlaceholder')}
          tokenSeparators={[',', ' ', '，']}
          onChange={(names: string[]) =>
            apply((m) => ({
              ...m,
              extraReads: [...new Set(names.map((n) => n.trim()).filter(Boolean))],
            }))
          }
          open={false}
          suffixIcon={null}
        />
      </Form.Item>
      <Form.Item
        label={t('formDesigner.settings.writes')}
        extra={t('formDesigner.settings.writesHelp')}
      >
        <div className="cf-fb-tags">
          {writes.length === 0 ? (
            <Typography.Text type="secondary">—</Typography.Text>
          ) : (
            writes.map((name) => <Tag key={name}>{name}</Tag>)
          )}
        </div>
      </Form.Item>
      <Form.Item extra={t('formDesigner.settings.anonymousHelp')}>
        <Switch
          checked={model.anonymous}
          onChange={(anonymous) => apply((m) => ({ ...m, anonymous }))}
        />{' '}
        <Typography.Text>{t('formDesigner.settings.anonymous')}</Typography.Text>
      </Form.Item>
    </Form>
  );
}
