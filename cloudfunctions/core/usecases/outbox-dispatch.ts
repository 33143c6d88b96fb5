/**
 * The outbox dispatcher: sends each pending WeChat subscribe message once. An entry is held
 * with a lease (so two dispatchers never send the same one), needs a bound WeChat account, a
 * configured template and a consent left for it (one per 'accept'); a failed send gives the
 * consent back and retries with backoff, and after MAX_ATTEMPTS the entry is parked for the
 * office. The in-app notice was already delivered with the change itself.
 */
import { MAX_ATTEMPTS, retryDelayMs, type OutboxEntry } from '../../../shared/domain/notices';
import type { Clock } from '../clock';
import { sendErrorOf, type WechatSender } from '../push/sender';
import { messageData, type TemplateConfig } from '../push/templates';
import type { Store, Where } from '../store/port';

export interface DispatchResult {
  sent: number;
  skipped: number;
  retried: number;
  parked: number;
}

export interface DispatchDeps {
  store: Store;
  clock: Clock;
  /** null where no WeChat is reachable (local runs): entries are marked skipped, saying so. */
  sender: WechatSender | null;
  templates: TemplateConfig;
  /** Why push is off (an unusable template configuration), shown as each skipped message's reason. */
  problem?: string | null;
  /** Only this center's messages (an on-demand run by its office, issue 8.8); the timer sends all. */
  centerId?: string;
}

const LEASE_MS = 2 * 60_000;
const BATCH = 200;

export const consentId = (userId: string, templateId: string) => `consent:${userId}:${templateId}`;

export async function runDispatch(deps: DispatchDeps): Promise<DispatchResult> {
  const { store, clock, sender, templates } = deps;
  const result: DispatchResult = { sent: 0, skipped: 0, retried: 0, parked: 0 };
  const now = clock.now();
  const nowIso = now.toISOString();
  const where: Where = { status: 'pending', nextAttemptAt: { $lte: nowIso } };
  if (deps.centerId) where.centerId = deps.centerId;
  const due = await store.find('outbox', { where, orderBy: [['nextAttemptAt', 'asc']], limit: BATCH });

  for (const e of due) {
    const held = await store.update(
      'outbox',
      e.id,
      { set: { leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString() } },
      { status: 'pending', attempts: e.attempts, leaseUntil: { $lt: nowIso } },
    );
    if (!held) continue; // another dispatcher has it

    const skip = async (reason: string) => {
      await store.update('outbox', e.id, { set: { status: 'skipped', skippedReason: reason, leaseUntil: '' } });
      result.skipped += 1;
    };
    const user = await store.get('users', e.userId);
    const template = templates[e.kind];
    if (!sender) {
      await skip('本地运行,未连接微信;已在站内消息送达');
      continue;
    }
    if (!user?.openId) {
      await skip('该用户未绑定微信;已在站内消息送达');
      continue;
    }
    if (!template) {
      await skip(deps.problem ? `${deps.problem};已在站内消息送达` : '未配置该类消息的订阅模板;已在站内消息送达');
      continue;
    }
    const cid = consentId(user.id, template.id);
    const consented = await store.update('consents', cid, { inc: { remaining: -1 } }, { remaining: { $gt: 0 } });
    if (!consented) {
      await skip('用户未订阅或订阅次数已用完;已在站内消息送达');
      continue;
    }
    const data = messageData(template, e);
    try {
      await sender.send({ touser: user.openId, templateId: template.id, page: e.link ?? 'pages/index/index', data });
      await store.update('outbox', e.id, { set: { status: 'sent', sentAt: clock.now().toISOString(), leaseUntil: '' }, inc: { attempts: 1 } });
      result.sent += 1;
    } catch (err) {
      const failure = sendErrorOf(err);
      const attempts = e.attempts + 1;
      const common: Partial<OutboxEntry> = { attempts, leaseUntil: '', lastError: `${failure.errCode ?? ''} ${failure.message}`.trim().slice(0, 200) };
      if (failure.permanent) {
        // WeChat will never take this one: park it for the office at once. The consent is not
        // given back — 43101 says the user has none left, so our count is put right to 0.
        if (failure.errCode === 43101) await store.update('consents', cid, { set: { remaining: 0 } });
        await store.update('outbox', e.id, { set: { ...common, status: 'parked' } });
        result.parked += 1;
      } else if (attempts >= MAX_ATTEMPTS) {
        await store.update('consents', cid, { inc: { remaining: 1 } });
        await store.update('outbox', e.id, { set: { ...common, status: 'parked' } });
        result.parked += 1;
      } else {
        // Not delivered, so the consent is still the user's: give it back for the retry.
        await store.update('consents', cid, { inc: { remaining: 1 } });
        await store.update('outbox', e.id, { set: { ...common, nextAttemptAt: new Date(clock.now().getTime() + retryDelayMs(attempts)).toISOString() } });
        result.retried += 1;
      }
    }
  }
  return result;
}
