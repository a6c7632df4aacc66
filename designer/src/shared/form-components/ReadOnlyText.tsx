import { Typography } from 'antd';
import { formatPlainValue } from '../format';
import { useT } from '../i18n';
import './form-components-messages';

export interface ReadOnlyTextProps {
  value?: unknown;
  /** keep line breaks of long texts (default true) */
  multiline?: boolean;
}

/**
 * Shows a value that the person reads but never edits (an earlier step's answer, a computed
 * tally). Never renders raw JSON.
 */
export function ReadOnlyText({ value, multiline = true }: ReadOnlyTextProps) {
  const t = useT();
  const text = formatPlainValue(value, {
    yes: t('common.yes'),
    no: t('common.no'),
    empty: t('formComponents.empty'),
  });
  return (
    <Typography.Text
      style={{ whiteSpace: multiline ? 'pre-wrap' : undefined, wordBreak: 'break-word' }}
    >
      {text}
    </Typography.Text>
  );
}
