import { connect, mapReadPretty } from '@formily/react';
import { searchUsers } from '../directory';
import { useT } from '../i18n';
import { DirectorySelect, DirectoryTags, type DirectoryValue } from './DirectorySelect';
import './form-components-messages';
import { useDirectoryOptions } from './useDirectoryOptions';

export interface UserPickerProps {
  value?: DirectoryValue;
  onChange?: (value: DirectoryValue) => void;
  /** choose several people; the value is then an array of user ids */
  multiple?: boolean;
  /** only people holding this role key (e.g. `deputy`) */
  role?: string;
  /** only people of this unit */
  unitId?: string;
  disabled?: boolean;
  placeholder?: string;
}

function useUsers(role?: string, unitId?: string) {
  return useDirectoryOptions(
    async (q) =>
      (await searchUsers({ q, role, unitId })).map((u) => ({
        value: u.id,
        label: u.name,
        description: u.unitName,
      })),
    [role, unitId],
  );
}

/** Picks people from /api/directory/users; the value is a user id (or ids when `multiple`). */
export function UserPickerInput(props: UserPickerProps) {
  const t = useT();
  const users = useUsers(props.role, props.unitId);
  return (
    <DirectorySelect
      {...props}
      placeholder={props.placeholder ?? t('formComponents.searchUser')}
      options={users.options}
      loading={users.loading}
      failed={users.failed}
      onSearch={users.setSearch}
      labelOf={users.labelOf}
    />
  );
}

function UserPickerText(props: UserPickerProps) {
  const users = useUsers(props.role, props.unitId);
  return <DirectoryTags value={props.value} labelOf={users.labelOf} />;
}

export const UserPicker = connect(UserPickerInput, mapReadPretty(UserPickerText));
