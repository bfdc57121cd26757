import type { ThemeConfig } from 'antd';

/**
 * The antd theme, set for WCAG 2.1 AA contrast (issue 17): text >= 4.5:1 on white and on the page's
 * #f5f5f5, tags and traffic-light colours >= 4.5:1 as text and under white text. antd's defaults
 * (secondary text #8c8c8c, links #1677ff, green-7 on green-1 tags) are 2.5-4.1:1.
 */

/**
 * Preset tag colours: antd draws a filled tag's text in `<colour>7` on `<colour>1` and a solid tag's
 * background in `<colour>6` under white text. Each is set to the first shade of its palette that
 * reaches 4.5:1 on `<colour>1` (so on white, too).
 */
const PRESET_TEXT: Record<string, string> = {
  red: '#cf1322',
  volcano: '#ad2102',
  orange: '#ad4e00',
  gold: '#874d00',
  yellow: '#876800',
  lime: '#3f6600',
  green: '#237804',
  cyan: '#006d75',
  blue: '#0958d9',
  geekblue: '#1d39c4',
  purple: '#531dab',
  magenta: '#c41d7f',
};
// Both spellings: `green7` and the legacy `green-7` become the same CSS variable (--ant-green-7), and
// whichever is written last wins.
const presetTokens = Object.fromEntries(
  Object.entries(PRESET_TEXT).flatMap(([name, color]) =>
    [6, 7].flatMap((shade) => [
      [`${name}${shade}`, color],
      [`${name}-${shade}`, color],
    ]),
  ),
);

export type TextSize = 'normal' | 'large';

/** Base font size by screen (leaders read meeting-room screens from a distance) and chosen text size. */
export function baseFontSize(wideScreen: boolean, size: TextSize): number {
  const normal = wideScreen ? 16 : 14;
  return size === 'large' ? Math.round(normal * 1.25) : normal;
}

export function appTheme(fontSize: number): ThemeConfig {
  return {
    token: {
      ...presetTokens,
      colorPrimary: '#1d4f91',
      // Links, info and 'processing' tags: antd derives them from colorInfo (#1677ff is 4.1:1 on white).
      colorInfo: '#0958d9',
      colorLink: '#1d4f91',
      // Hover and press states are read too (the pointer rests on a link after a click): darker, not lighter.
      colorLinkHover: '#0b2e5c',
      colorLinkActive: '#0b2e5c',
      // A primary button's hover keeps white text at 6.4:1 (antd's derived hover is lighter).
      colorPrimaryHover: '#2a5fa3',
      colorSuccess: '#237804',
      colorWarning: '#a15c00',
      colorError: '#cf1322',
      // antd derives the alert/result backgrounds from these seeds; from dark seeds it derives dull greys
      // (#adb8a5 behind a success alert, under 4.5:1 for a link): keep its usual light backgrounds.
      colorSuccessBg: '#f6ffed',
      colorSuccessBorder: '#b7eb8f',
      colorWarningBg: '#fffbe6',
      colorWarningBorder: '#ffe58f',
      colorErrorBg: '#fff2f0',
      colorErrorBorder: '#ffccc7',
      colorInfoBg: '#e6f4ff',
      colorInfoBorder: '#91caff',
      // Secondary/tertiary text (antd's Typography secondary, descriptions, empty states): 5.3:1 on #f5f5f5.
      colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
      colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
      colorTextDescription: 'rgba(0, 0, 0, 0.6)',
      // Placeholders are read before anything is typed: 4.7:1 on white. Disabled controls stay lighter (WCAG exempts them).
      colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
      colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
      colorTextDisabled: 'rgba(0, 0, 0, 0.35)',
      borderRadius: 6,
      fontSize,
      fontFamily:
        '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", Roboto, sans-serif',
    },
  };
}
