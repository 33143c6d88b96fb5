/**
 * WeChat subscribe-message consent (R-CASE-5 push reminders), as WeChat allows it (issue 7):
 * - the template ids are loaded when the page opens (`useConsent`), never in the tap;
 * - the tap handler calls `Taro.requestSubscribeMessage` synchronously as its first act — after
 *   an awaited network call WeChat refuses it ("can only be invoked by user TAP gesture");
 * - at most 3 templates per request (older WeChat clients take no more);
 * - then each 'accept' is counted on the server (`inbox.recordConsent`): one accept allows one
 *   message.
 * Not available in the H5 app: the callers show the button only when `canSubscribe()`.
 */
import Taro from '@tarojs/taro';
import type { NoticeKind } from '@shared/domain/notices';
import { api, messageOf } from './api';
import { getSession } from './session';
import { useLoad } from './use-load';

export const MAX_TEMPLATES_PER_REQUEST = 3;

export const canSubscribe = (): boolean => process.env.TARO_ENV === 'weapp';

export const NO_TEMPLATES = '中心尚未开通微信消息提醒,您可以在“消息通知”中查看提醒。';
const NOT_READY = '正在读取提醒设置,请稍候再点一次,谢谢。';
const WECHAT_REFUSED = '对不起,微信提醒暂时无法开启(可能已在微信设置中关闭了订阅消息),您仍可在“消息通知”中查看提醒。';

/** The template ids of these kinds of notice, each once, at most 3. */
export function templateIdsFor(templates: ReadonlyArray<{ kind: NoticeKind; templateId: string }>, kinds: readonly NoticeKind[]): string[] {
  const ids: string[] = [];
  for (const k of kinds) {
    for (const t of templates) {
      if (t.kind === k && !ids.includes(t.templateId)) ids.push(t.templateId);
    }
  }
  return ids.slice(0, MAX_TEMPLATES_PER_REQUEST);
}

/**
 * Asks WeChat for consent to `ids` — call it directly from the tap handler: the request goes out
 * before anything is awaited — then records the accepted ones. Resolves to the message to show.
 */
export function askConsent(ids: readonly string[] | null): Promise<string> {
  if (ids === null) return Promise.resolve(NOT_READY);
  if (ids.length === 0) return Promise.resolve(NO_TEMPLATES);
  const tmplIds = ids.slice(0, MAX_TEMPLATES_PER_REQUEST);
  let asked: Promise<unknown>;
  try {
    asked = Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option);
  } catch {
    return Promise.resolve(WECHAT_REFUSED);
  }
  return asked.then(
    async (res) => {
      const answers = res as Record<string, string>;
      const accepted = tmplIds.filter((id) => answers[id] === 'accept');
      if (accepted.length === 0) return '您未开启微信提醒,可在“消息通知”中查看提醒。';
      try {
        await api.inbox.recordConsent({ accepted });
      } catch (e) {
        return messageOf(e);
      }
      return '已开启微信提醒,谢谢。';
    },
    () => WECHAT_REFUSED,
  );
}

/**
 * A page's consent button: loads the template ids when the page opens (WeChat only, signed in,
 * and only when the page shows the button: `shown`), and `ask()` for the tap handler.
 */
export function useConsent(kinds: readonly NoticeKind[], shown = true): { ids: string[] | null; ask: () => Promise<string> } {
  const on = shown && canSubscribe() && getSession() !== null;
  const loaded = useLoad(async () => (on ? templateIdsFor((await api.inbox.templates({})).templates, kinds) : []), `${on}|${kinds.join(',')}`);
  const ids = loaded.error ? [] : loaded.data;
  const failed = loaded.error;
  return { ids, ask: () => (failed ? Promise.resolve(failed) : askConsent(ids)) };
}
