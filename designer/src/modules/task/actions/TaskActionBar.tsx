import {
  CheckOutlined,
  CommentOutlined,
  DownOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  SwapOutlined,
  UndoOutlined,
  UserAddOutlined,
  UserDeleteOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Space, type MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../../../shared/i18n';
import type { ReturnTarget, TaskAction } from '../task-types';
import '../task-messages';
import { DelegateModal } from './DelegateModal';
import { ReturnModal } from './ReturnModal';
import { TextModal } from './TextModal';
import type { TaskActions } from './useTaskActions';

type Dialog = 'return' | 'delegate' | 'comment' | 'remind' | null;

interface Props {
  allowed: readonly string[];
  returnTargets: ReturnTarget[];
  actions: TaskActions;
  /** runs client-side validation; false when the form has errors */
  validate: () => Promise<boolean>;
  compact: boolean;
}

const ICONS: Record<string, ReactNode> = {
  return: <RollbackOutlined />,
  delegate: <SwapOutlined />,
  retrieve: <UndoOutlined />,
  comment: <CommentOutlined />,
  remind: <SendOutlined />,
  unclaim: <UserDeleteOutlined />,
};

/** 提交 / 暂存 / 退回 / 转办 / 取回 / 催办 / 评论 / 认领 / 释放 — only those the server allows. */
export function TaskActionBar({ allowed, returnTargets, actions, validate, compact }: Props) {
  const t = useT();
  const { modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const can = (a: TaskAction) => allowed.includes(a);
  const busy = actions.busy;

  const submit = async () => {
    if (!(await validate())) return;
    modal.confirm({
      title: t('task.confirm.completeTitle'),
      content: t('task.confirm.completeText'),
      okText: t('task.actions.complete'),
      cancelText: t('common.cancel'),
      onOk: () => actions.complete(),
    });
  };
  const confirmThen = (title: string, content: string, ok: () => Promise<void>) =>
    modal.confirm({
      title,
      content,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: ok,
    });

  const secondary: { key: TaskAction; onClick: () => void; danger?: boolean }[] = [];
  if (can('return'))
    secondary.push({ key: 'return', onClick: () => setDialog('return'), danger: true });
  if (can('delegate')) secondary.push({ key: 'delegate', onClick: () => setDialog('delegate') });
  if (can('retrieve')) {
    secondary.push({
      key: 'retrieve',
      onClick: () =>
        confirmThen(
          t('task.confirm.retrieveTitle'),
          t('task.confirm.retrieveText'),
          actions.retrieve,
        ),
    });
  }
  if (can('unclaim')) {
    secondary.push({
      key: 'unclaim',
      onClick: () =>
        confirmThen(t('task.confirm.unclaimTitle'), t('task.confirm.unclaimText'), actions.unclaim),
    });
  }
  if (can('remind')) secondary.push({ key: 'remind', onClick: () => setDialog('remind') });
  if (can('comment')) secondary.push({ key: 'comment', onClick: () => setDialog('comment') });

  const primary: ReactNode[] = [];
  if (can('claim')) {
    primary.push(
      <Button
        key="claim"
        type="primary"
        icon={<UserAddOutlined />}
        loading={busy === 'claim'}
        onClick={() => void actions.claim()}
      >
        {t('task.actions.claim')}
      </Button>,
    );
  }
  if (can('draft')) {
    primary.push(
      <Button
        key="draft"
        icon={<SaveOutlined />}
        loading={busy === 'draft'}
        onClick={() => void actions.saveDraft()}
      >
        {t('task.actions.draft')}
      </Button>,
    );
  }
  if (can('complete')) {
    primary.push(
      <Button
        key="complete"
        type="primary"
        icon={<CheckOutlined />}
        loading={busy === 'complete'}
        onClick={() => void submit()}
      >
        {t('task.actions.complete')}
      </Button>,
    );
  }

  if (primary.length === 0 && secondary.length === 0) return null;

  const menu: MenuProps = {
    items: secondary.map((a) => ({
      key: a.key,
      icon: ICONS[a.key],
      label: t(`task.actions.${a.key}`),
      danger: a.danger,
    })),
    onClick: ({ key }) => secondary.find((a) => a.key === key)?.onClick(),
  };

  // on a phone only about three buttons fit: the rest goes under 更多
  const folded =
    compact && (secondary.length > 1 || (secondary.length === 1 && primary.length >= 3));
  const inlineSecondary = folded ? [] : secondary;

  return (
    <>
      <div
        style={{
          display: 'flex',
          gap: 8,
          justifyContent: 'space-between',
          alignItems: 'center',
          flexWrap: 'wrap',
        }}
      >
        <Space wrap size={8}>
          {folded ? (
            <Dropdown menu={menu} trigger={['click']}>
              <Button loading={busy !== null && secondary.some((a) => a.key === busy)}>
                {t('task.actions.more')} <DownOutlined />
              </Button>
            </Dropdown>
          ) : (
            inlineSecondary.map((a) => (
              <Button
                key={a.key}
                icon={ICONS[a.key]}
                danger={a.danger}
                loading={busy === a.key}
                onClick={a.onClick}
              >
                {t(`task.actions.${a.key}`)}
              </Button>
            ))
          )}
        </Space>
        <Space size={8} style={{ marginInlineStart: 'auto' }}>
          {primary}
        </Space>
      </div>
      <ReturnModal
        open={dialog === 'return'}
        targets={returnTargets}
        busy={busy === 'return'}
        onCancel={() => setDialog(null)}
        onSubmit={(input) => void actions.returnTask(input).then((ok) => ok && setDialog(null))}
      />
      <DelegateModal
        open={dialog === 'delegate'}
        busy={busy === 'delegate'}
        onCancel={() => setDialog(null)}
        onSubmit={(input) => void actions.delegate(input).then((ok) => ok && setDialog(null))}
      />
      <TextModal
        open={dialog === 'comment'}
        title={t('task.commentModal.title')}
        label={t('task.commentModal.text')}
        placeholder={t('task.commentModal.placeholder')}
        okText={t('task.actions.comment')}
        required
        busy={busy === 'comment'}
        onCancel={() => setDialog(null)}
        onSubmit={(text) => void actions.comment(text).then((ok) => ok && setDialog(null))}
      />
      <TextModal
        open={dialog === 'remind'}
        title={t('task.remindModal.title')}
        label={t('task.remindModal.message')}
        placeholder={t('task.remindModal.placeholder')}
        okText={t('task.actions.remind')}
        required={false}
        busy={busy === 'remind'}
        onCancel={() => setDialog(null)}
        onSubmit={(text) => void actions.remind(text).then((ok) => ok && setDialog(null))}
      />
    </>
  );
}
