import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import '../inbox-messages';

/** 认领: take a group task and open it. */
export function ClaimButton({
  taskId,
  block,
  onFailed,
}: {
  taskId: string;
  block?: boolean;
  onFailed: () => void;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const claim = async () => {
    setBusy(true);
    try {
      await api.post(`/tasks/${encodeURIComponent(taskId)}/claim`);
      message.success(t('inbox.actions.claimed'));
      navigate(`/tasks/${encodeURIComponent(taskId)}`);
    } catch (error) {
      message.error(describe(error));
      setBusy(false);
      onFailed();
    }
  };
  return (
    <Button
      type="primary"
      size="small"
      block={block}
      loading={busy}
      onClick={(e) => {
        e.stopPropagation();
        void claim();
      }}
    >
      {t('inbox.actions.claim')}
    </Button>
  );
}
