import { connect, mapReadPretty } from '@formily/react';
import { searchUnits } from '../directory';
import { useT } from '../i18n';
import { DirectorySelect, DirectoryTags, type DirectoryValue } from './DirectorySelect';
import './form-components-messages';
import { useDirectoryOptions } from './useDirectoryOptions';

export interface UnitPickerProps {
  value?: DirectoryValue;
  onChange?: (value: DirectoryValue) => void;
  /** choose several units (e.g. co-handling units); the value is then an array of unit ids */
  multiple?: boolean;
  /** only units of this kind: `unit`, `committee`, `office`, `govOffice`, `other` */
  kind?: string;
  disabled?: boolean;
  placeholder?: string;
}

function useUnits(kind?: string) {
  return useDirectoryOptions(
    async (q) =>
      (await searchUnits({ q }))
        .filter((u) => !kind || u.kind === kind)
        .map((u) => ({ value: u.id, label: u.name })),
    [kind],
  );
}

/** Picks units from /api/directory/units; the value is a unit id (or ids when `multiple`). */
export function UnitPickerInput(props: UnitPickerProps) {
  const t = useT();
  const units = useUnits(props.kind);
  return (
    <DirectorySelect
      {...props}
      placeholder={props.placeholder ?? t('formComponents.searchUnit')}
      options={units.options}
      loading={units.loading}
      failed={units.failed}
      onSearch={units.setSearch}
      labelOf={units.labelOf}
    />
  );
}

function UnitPickerText(props: UnitPickerProps) {
  const units = useUnits(props.kind);
  return <DirectoryTags value={props.value} labelOf={units.labelOf} />;
}

export const UnitPicker = connect(UnitPickerInput, mapReadPretty(UnitPickerText));
