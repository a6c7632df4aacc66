import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { LANGUAGES, useLanguage } from './i18n';

/** 中文 / English switch; `light` for the red header bar. */
export function LanguageSwitch({ light }: { light?: boolean }) {
  const { language, setLanguage } = useLanguage();
  const current = LANGUAGES.find((l) => l.value === language);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((l) => ({ key: l.value, label: l.label })),
        onClick: ({ key }) => setLanguage(key as typeof language),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={current?.label}
        style={light ? { color: '#fff' } : undefined}
      >
        <span className="cf-hide-xs">{language === 'zh-CN' ? '中文' : 'EN'}</span>
      </Button>
    </Dropdown>
  );
}
