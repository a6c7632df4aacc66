import type { ThemeConfig } from 'antd';

/** Brand colours: the deep red of the header bar, a calm blue for actions (red stays for errors). */
export const BRAND_RED = '#a8071a';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5bc4',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: BRAND_RED, headerPadding: '0 16px', siderBg: '#fff' },
  },
};
