import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useT } from '../../../shared/i18n';
import './parameters-messages';

/** Move up, move down and remove for one row of an editable list. */
export function RowActions({
  index,
  count,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const t = useT();
  return (
    <Space size={0}>
      <Tooltip title={t('adminParams.codes.moveUp')}>
        <Button
          type="text"
          size="small"
          icon={<ArrowUpOutlined />}
          aria-label={t('adminParams.codes.moveUp')}
          disabled={index === 0}
          onClick={() => onMove(index, index - 1)}
        />
      </Tooltip>
      <Tooltip title={t('adminParams.codes.moveDown')}>
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined />}
          aria-label={t('adminParams.codes.moveDown')}
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1)}
        />
      </Tooltip>
      <Tooltip title={t('adminParams.codes.remove')}>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('adminParams.codes.remove')}
          disabled={count <= 1}
          onClick={() => onRemove(index)}
        />
      </Tooltip>
    </Space>
  );
}

/** The list with one entry moved. */
export function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [entry] = next.splice(from, 1);
  next.splice(to, 0, entry);
  return next;
}
