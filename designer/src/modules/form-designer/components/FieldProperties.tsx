import {
  Alert,
  Divider,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useT } from '../../../shared/i18n';
import { type FormBuilderState } from '../hooks/useFormBuilder';
import {
  changeKind,
  convertibleKinds,
  keyProblem,
  locateField,
  ruleSources,
  updateField,
} from '../model/builder-operations';
import { type FieldKind, type FieldModel } from '../model/form-model';
import { FIELD_ICONS } from './field-icons';
import { OptionsEditor } from './OptionsEditor';
import { ValidationEditor } from './ValidationEditor';
import { VisibilityEditor } from './VisibilityEditor';

interface Props {
  builder: FormBuilderState;
  roles: { key: string; label: string }[];
}

const WITH_OPTIONS: FieldKind[] = ['select', 'radio', 'checkbox'];
const WITH_PLACEHOLDER: FieldKind[] = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'user',
  'unit',
];
const WITH_MULTIPLE: FieldKind[] = ['select', 'user', 'unit'];
const WITH_VALIDATION: FieldKind[] = [
  'text',
  'textarea',
  'number',
  'checkbox',
  'attachment',
  'table',
  'select',
];
const UNIT_KINDS = ['unit', 'committee', 'office', 'govOffice', 'other'];

/** The property editor of the selected field (or table column). */
export function FieldProperties({ builder, roles }: Props) {
  const t = useT();
  const location = builder.selectedId ? locateField(builder.model, builder.selectedId) : undefined;
  if (!location) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('formDesigner.builder.noSelection')}
      />
    );
  }
  const { field, container } = location;
  const isColumn = container !== 'root';
  const patch = (change: Partial<FieldModel>, coalesce?: string) =>
    builder.apply(
      (model) => updateField(model, field.id, change),
      coalesce && `${field.id}:${coalesce}`,
    );
  const setProp = (name: string, value: unknown) => {
    const componentProps = { ...field.componentProps };
    if (value === undefined || value === '') delete componentProps[name];
    else componentProps[name] = value;
    patch({ componentProps });
  };
  const problem = keyProblem(builder.model, field.id, field.key);

  if (field.kind === 'custom') {
    return (
      <Form layout="vertical" className="cf-fb-props">
        <Alert
          type="info"
          showIcon
          message={t('formDesigner.props.customField', {
            component: String(field.rest['x-component'] ?? field.rest.type ?? ''),
          })}
        />
        <Form.Item label={t('formDesigner.props.label')} style={{ marginTop: 12 }}>
          <Input
            value={field.label}
            onChange={(event) => patch({ label: event.target.value }, 'label')}
          />
        </Form.Item>
        <KeyInput field={field} problem={problem} onChange={(key) => patch({ key }, 'key')} />
      </Form>
    );
  }

  return (
    <Form layout="vertical" className="cf-fb-props">
      <div className="cf-fb-props-kind">
        {FIELD_ICONS[field.kind]}
        {convertibleKinds(field.kind).length > 1 ? (
          <Select<FieldKind>
            size="small"
            variant="borderless"
            value={field.kind}
            onChange={(kind) => builder.apply((model) => changeKind(model, field.id, kind))}
            options={convertibleKinds(field.kind).map((kind) => ({
              value: kind,
              label: t(`formDesigner.kind.${kind}`),
            }))}
            aria-label={t('formDesigner.props.kind')}
          />
        ) : (
          <Typography.Text strong>{t(`formDesigner.kind.${field.kind}`)}</Typography.Text>
        )}
        {isColumn && <Tag>{t('formDesigner.props.column')}</Tag>}
      </div>
      <Form.Item label={t('formDesigner.props.label')} required>
        <Input
          value={field.label}
          onChange={(event) => patch({ label: event.target.value }, 'label')}
          maxLength={80}
        />
      </Form.Item>
      <KeyInput field={field} problem={problem} onChange={(key) => patch({ key }, 'key')} />
      {field.kind !== 'display' && !field.readsEarlierValue && (
        <Form.Item>
          <Switch checked={field.required} onChange={(required) => patch({ required })} />{' '}
          <Typography.Text>{t('formDesigner.props.required')}</Typography.Text>
        </Form.Item>
      )}
      {!isColumn && field.kind !== 'table' && (
        <Form.Item
          extra={
            field.readsEarlierValue
              ? t('formDesigner.props.readsEarlierHelp', { key: field.key })
              : undefined
          }
        >
          <Switch
            checked={field.readsEarlierValue}
            disabled={field.kind === 'display'}
            onChange={(readsEarlierValue) =>
              patch({ readsEarlierValue, required: readsEarlierValue ? false : field.required })
            }
          />{' '}
          <Typography.Text>{t('formDesigner.props.readsEarlier')}</Typography.Text>
        </Form.Item>
      )}
      {!isColumn && (
        <Form.Item label={t('formDesigner.props.description')}>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={field.description}
            placeholder={t('formDesigner.props.descriptionPlaceholder')}
            onChange={(event) => patch({ description: event.target.value }, 'description')}
          />
        </Form.Item>
      )}
      {WITH_PLACEHOLDER.includes(field.kind) && (
        <Form.Item label={t('formDesigner.props.placeholder')}>
          <Input
            value={field.placeholder}
            onChange={(event) => patch({ placeholder: event.target.value }, 'placeholder')}
          />
        </Form.Item>
      )}
      {field.kind === 'textarea' && (
        <Form.Item label={t('formDesigner.props.rows')}>
          <InputNumber
            min={2}
            max={20}
            value={Number(field.componentProps.rows) || undefined}
            onChange={(rows) => setProp('rows', rows ?? undefined)}
          />
        </Form.Item>
      )}
      {WITH_MULTIPLE.includes(field.kind) && (
        <Form.Item>
          <Switch checked={field.multiple} onChange={(multiple) => patch({ multiple })} />{' '}
          <Typography.Text>{t('formDesigner.props.multiple')}</Typography.Text>
        </Form.Item>
      )}
      {field.kind === 'number' && (
        <Form.Item>
          <Switch checked={field.integer} onChange={(integer) => patch({ integer })} />{' '}
          <Typography.Text>{t('formDesigner.props.integer')}</Typography.Text>
        </Form.Item>
      )}
      {field.kind === 'user' && (
        <Form.Item label={t('formDesigner.props.role')}>
          <Select
            value={(field.componentProps.role as string | undefined) ?? ''}
            onChange={(role: string) => setProp('role', role || undefined)}
            options={[
              { value: '', label: t('formDesigner.props.anyRole') },
              ...roles.map((role) => ({ value: role.key, label: role.label })),
            ]}
          />
        </Form.Item>
      )}
      {field.kind === 'unit' && (
        <Form.Item label={t('formDesigner.props.unitKind')}>
          <Select
            value={(field.componentProps.kind as string | undefined) ?? ''}
            onChange={(kind: string) => setProp('kind', kind || undefined)}
            options={[
              { value: '', label: t('formDesigner.props.anyUnitKind') },
              ...UNIT_KINDS.map((kind) => ({
                value: kind,
                label: t(`formDesigner.props.unitKinds.${kind}`),
              })),
            ]}
          />
        </Form.Item>
      )}
      {WITH_OPTIONS.includes(field.kind) && (
        <>
          <Divider orientation="left" plain>
            {t('formDesigner.props.options')}
          </Divider>
          <OptionsEditor
            options={field.options}
            onChange={(options) => patch({ options }, 'options')}
          />
        </>
      )}
      {field.kind === 'table' && (
        <>
          <Divider orientation="left" plain>
            {t('formDesigner.props.columns')}
          </Divider>
          <Typography.Paragraph type="secondary">
            {t('formDesigner.props.columnsHint')}
          </Typography.Paragraph>
          <div className="cf-fb-column-list">
            {field.columns.map((column) => (
              <Tag
                key={column.id}
                icon={FIELD_ICONS[column.kind]}
                className="cf-clickable"
                onClick={() => builder.select(column.id)}
              >
                {column.label || column.key}
              </Tag>
            ))}
          </div>
        </>
      )}
      {WITH_VALIDATION.includes(field.kind) &&
        !field.readsEarlierValue &&
        (field.kind !== 'select' || field.multiple) && (
          <>
            <Divider orientation="left" plain>
              {t('formDesigner.props.validation')}
            </Divider>
            <ValidationEditor
              field={field}
              onChange={(validation) => patch({ validation }, 'validation')}
            />
          </>
        )}
      {!isColumn && (
        <>
          <Divider orientation="left" plain>
            {t('formDesigner.props.visibility')}
          </Divider>
          <VisibilityEditor
            field={field}
            sources={ruleSources(builder.model, field.id)}
            onChange={(visibility) => patch({ visibility })}
          />
        </>
      )}
    </Form>
  );
}

function KeyInput({
  field,
  problem,
  onChange,
}: {
  field: FieldModel;
  problem: string | null;
  onChange: (key: string) => void;
}) {
  const t = useT();
  return (
    <Form.Item
      label={t('formDesigner.props.key')}
      required
      validateStatus={problem ? 'error' : undefined}
      help={
        problem ? t(`formDesigner.props.keyProblems.${problem}`) : t('formDesigner.props.keyHelp')
      }
    >
      <Input
        value={field.key}
        onChange={(event) => onChange(event.target.value.trim())}
        className="cf-mono"
        maxLength={64}
      />
    </Form.Item>
  );
}
