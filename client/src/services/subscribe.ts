/**
 * WeChat subscribe-message consent (R-CASE-5 push reminders). Asked for only from a tap, at the
 * natural moments (staff opening their cases, a villager after booking); each 'accept' is
 * counted on the server as one message allowed. Not available in the H5 app.
 */
import Taro from '@tarojs/taro';
import type { NoticeKind } from '@shared/domain/notices';
import { api, messageOf } from './api';

export const canSubscribe = (): boolean => process.env.TARO_ENV === 'weapp';

export async function askConsent(kinds: NoticeKind[]): Promise<string> {
  try {
    const { templates } = await api.inbox.templates({});
    const ids = templates.filter((t) => kinds.includes(t.kind)).map((t) => t.templateId).slice(0, 5);
    if (ids.length === 0) return '中心尚未开通微信消息提醒,您可以在“消息通知”中查看提醒。';
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    const accepted = ids.filter((id) => res[id] === 'accept');
    if (accepted.length > 0) await api.inbox.recordConsent({ accepted });
    return accepted.length > 0 ? '已开启微信提醒,谢谢。' : '您未开启微信提醒,可在“消息通知”中查看。';
  } catch (e) {
    return messageOf(e);
  }
}
