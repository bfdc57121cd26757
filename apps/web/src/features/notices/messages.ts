import type { Lang } from '../../shared/i18n';

/**
 * UI text of the notice bell (站内通知); in the three display languages, the traditional strings written out
 * (see app/catalogue.ts).
 */
const zhHans = {
  'notices.bell': '通知',
  'notices.bellUnread': '通知，{count} 条未读',
  'notices.title': '通知',
  'notices.empty': '暂无通知',
  'notices.loadError': '通知加载失败，请稍后再试',
  'notices.justNow': '刚刚',
  'notices.minutesAgo': '{n} 分钟前',
  'notices.hoursAgo': '{n} 小时前',
  'notices.daysAgo': '{n} 天前',
  'notices.date': '{date}',
  'notices.open': '去办理',
  'notices.kind.CHASE': '催办',
  'notices.kind.CHASE_SUMMARY': '催办情况',
  'notices.kind.other': '通知',
};

export const noticesMessages: Record<Lang, Record<keyof typeof zhHans, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': {
    'notices.bell': '通知',
    'notices.bellUnread': '通知，{count} 則未讀',
    'notices.title': '通知',
    'notices.empty': '暫無通知',
    'notices.loadError': '通知載入失敗，請稍後再試',
    'notices.justNow': '剛剛',
    'notices.minutesAgo': '{n} 分鐘前',
    'notices.hoursAgo': '{n} 小時前',
    'notices.daysAgo': '{n} 天前',
    'notices.date': '{date}',
    'notices.open': '去辦理',
    'notices.kind.CHASE': '催辦',
    'notices.kind.CHASE_SUMMARY': '催辦情況',
    'notices.kind.other': '通知',
  },
  en: {
    'notices.bell': 'Notices',
    'notices.bellUnread': 'Notices, {count} unread',
    'notices.title': 'Notices',
    'notices.empty': 'No notices',
    'notices.loadError': 'Could not load notices; please try again later',
    'notices.justNow': 'just now',
    'notices.minutesAgo': '{n} min ago',
    'notices.hoursAgo': '{n} h ago',
    'notices.daysAgo': '{n} d ago',
    'notices.date': '{date}',
    'notices.open': 'Open',
    'notices.kind.CHASE': 'Reminder',
    'notices.kind.CHASE_SUMMARY': 'Reminders sent',
    'notices.kind.other': 'Notice',
  },
};

declare module '../../shared/i18n' {
  interface MessageCatalog {
    notices: typeof zhHans;
  }
}
