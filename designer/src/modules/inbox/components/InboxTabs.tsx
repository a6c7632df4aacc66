import { Badge, Tabs } from 'antd';
import { useT } from '../../../shared/i18n';
import type { TaskCounts } from '../../../shared/workflow-types';
import { INBOX_VIEWS, type InboxView } from '../inbox-view';
import '../inbox-messages';

/** 待办 / 待认领 / 已办 / 抄送我的 / 我发起的, each with its count (actionable ones as badges). */
export function InboxTabs({
  view,
  counts,
  onChange,
}: {
  view: InboxView;
  counts?: TaskCounts;
  onChange: (view: InboxView) => void;
}) {
  const t = useT();
  return (
    <Tabs
      activeKey={view}
      onChange={(key) => onChange(key as InboxView)}
      style={{ marginBottom: 0 }}
      items={INBOX_VIEWS.map((key) => {
        const count = counts?.[key];
        const actionable = key === 'mine' || key === 'claimable';
        return {
          key,
          label: (
            <span>
              {t(`inbox.views.${key}`)}
              {count !== undefined &&
                (actionable ? (
                  <Badge
                    count={count}
                    overflowCount={999}
                    size="small"
                    style={{
                      marginInlineStart: 6,
                      background: key === 'mine' ? '#cf1322' : '#1f5bc4',
                    }}
                  />
                ) : (
                  <span style={{ marginInlineStart: 4, color: '#8c8c8c' }}>{count}</span>
                ))}
            </span>
          ),
        };
      })}
    />
  );
}
