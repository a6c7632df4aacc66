import { Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import '../admin.css';

/** The sticky bar at the bottom of an editor page: what is unsaved, undo, save. */
export function SaveBar({
  status,
  dirty,
  saving,
  saveLabel,
  discardLabel,
  onSave,
  onDiscard,
}: {
  status: ReactNode;
  dirty: boolean;
  saving: boolean;
  saveLabel: string;
  discardLabel: string;
  onSave: () => void;
  onDiscard: () => void;
}) {
  return (
    <div className="cf-admin-save-bar" role="region" aria-label={saveLabel}>
      <Typography.Text
        type={dirty ? 'warning' : 'secondary'}
        style={{ marginInlineEnd: 'auto', minWidth: 0 }}
      >
        {status}
      </Typography.Text>
      <Button disabled={!dirty || saving} onClick={onDiscard}>
        {discardLabel}
      </Button>
      <Button type="primary" disabled={!dirty} loading={saving} onClick={onSave}>
        {saveLabel}
      </Button>
    </div>
  );
}
