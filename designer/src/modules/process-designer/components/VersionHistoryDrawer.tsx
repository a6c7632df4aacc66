import { HistoryOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, List, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useErrorMessage } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { definitionsApi, type DefinitionSummary } from '../api/definitions-api';
import {
  compareOutlines,
  type ProcessChanges,
  type ProcessOutline,
} from '../model/process-changes';
import { readProcessOutline } from '../model/process-outline';
import { VersionChanges } from './VersionChanges';

const CURRENT = 'current';

interface Props {
  open: boolean;
  processKey: string;
  /** bumps when a new version was published, to reload the list */
  refreshToken: number;
  dirty: boolean;
  currentXml: () => Promise<string>;
  onOpenVersion: (xml: string, version: number) => void;
  onClose: () => void;
}

type Comparison =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; changes: ProcessChanges; before: ProcessOutline; after: ProcessOutline }
  | { status: 'error'; error: unknown };

/** GET /api/definitions/:key/versions, and what changed between any two (or the current edit). */
export function VersionHistoryDrawer(props: Props) {
  const { open, processKey, refreshToken, dirty, currentXml, onOpenVersion, onClose } = props;
  const t = useT();
  const { modal } = App.useApp();
  const describe = useErrorMessage();
  const [versions, setVersions] = useState<DefinitionSummary[]>();
  const [loadError, setLoadError] = useState<unknown>();
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>(CURRENT);
  const [comparison, setComparison] = useState<Comparison>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const xmlCache = useRef(new Map<number, Promise<string>>());

  const xmlOf = (version: number) => {
    let hit = xmlCache.current.get(version);
    if (!hit) {
      hit = definitionsApi.xml(processKey, version);
      hit.catch(() => xmlCache.current.delete(version));
      xmlCache.current.set(version, hit);
    }
    return hit;
  };

  useEffect(() => {
    if (!open) return;
    let alive = true;
    setLoadError(undefined);
    definitionsApi
      .versions(processKey)
      .then((list) => {
        if (!alive) return;
        setVersions(list);
        setTo(dirty || list.length === 0 ? CURRENT : String(list[0].version));
        setFrom(
          list.length > 0 ? String(list[dirty || list.length === 1 ? 0 : 1].version) : undefined,
        );
      })
      .catch((error) => alive && setLoadError(error));
    return () => {
      alive = false;
    };
    // dirty only picks the first comparison when the drawer opens, so it is no dependency
  }, [open, processKey, refreshToken, attempt]);

  useEffect(() => {
    if (!open || from === undefined) return;
    let alive = true;
    setComparison({ status: 'loading' });
    const read = (which: string) => (which === CURRENT ? currentXml() : xmlOf(Number(which)));
    Promise.all([read(from), read(to)])
      .then(([a, b]) => {
        const before = readProcessOutline(a);
        const after = readProcessOutline(b);
        if (alive)
          setComparison({ status: 'done', changes: compareOutlines(before, after), before, after });
      })
      .catch((error) => alive && setComparison({ status: 'error', error }));
    return () => {
      alive = false;
    };
    // xmlOf reads through a ref-held cache, so it is no dependency
  }, [open, from, to, currentXml]);

  const options = useMemo(
    () =>
      (versions ?? []).map((v) => ({
        value: String(v.version),
        label: t('processDesigner.history.version', { version: v.version }),
      })),
    [versions, t],
  );

  const openVersion = (version: number) => {
    modal.confirm({
      title: t('processDesigner.history.open'),
      content: t('processDesigner.history.openConfirm', { version }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => onOpenVersion(await xmlOf(version), version),
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={560}
      title={
        <Space>
          <HistoryOutlined />
          {t('processDesigner.history.title')}
        </Space>
      }
    >
      {loadError ? (
        <LoadError compact error={loadError} onRetry={() => setAttempt((n) => n + 1)} />
      ) : !versions ? (
        <Spin />
      ) : versions.length === 0 ? (
        <Empty description={t('processDesigner.history.empty')} />
      ) : (
        <>
          <List<DefinitionSummary>
            size="small"
            dataSource={versions}
            className="cf-version-list"
            rowKey={(version) => String(version.version)}
            renderItem={(version) => (
              <List.Item
                actions={[
                  <Button
                    key="open"
                    size="small"
                    type="link"
                    onClick={() => openVersion(version.version)}
                  >
                    {t('processDesigner.history.open')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      {t('processDesigner.history.version', { version: version.version })}
                      {version.active === false ? (
                        <Tag>{t('processDesigner.history.inactive')}</Tag>
                      ) : (
                        <Tag color="green">{t('processDesigner.history.active')}</Tag>
                      )}
                    </Space>
                  }
                  description={[
                    version.deployedAt
                      ? dayjs(version.deployedAt).format('YYYY-MM-DD HH:mm')
                      : null,
                    version.deployedBy
                      ? t('processDesigner.history.by', { name: version.deployedBy })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </List.Item>
            )}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('processDesigner.history.compare')}
          </Typography.Title>
          <Space wrap style={{ marginBottom: 12 }}>
            {t('processDesigner.history.from')}
            <Select style={{ width: 130 }} value={from} onChange={setFrom} options={options} />
            {t('processDesigner.history.to')}
            <Select
              style={{ width: 150 }}
              value={to}
              onChange={setTo}
              options={[
                { value: CURRENT, label: t('processDesigner.history.current') },
                ...options,
              ]}
            />
          </Space>
          {comparison.status === 'loading' && (
            <Spin tip={t('processDesigner.history.loadingChanges')}>
              <div style={{ height: 48 }} />
            </Spin>
          )}
          {comparison.status === 'error' && (
            <Typography.Text type="danger">{describe(comparison.error)}</Typography.Text>
          )}
          {comparison.status === 'done' && (
            <VersionChanges
              changes={comparison.changes}
              before={comparison.before}
              after={comparison.after}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
