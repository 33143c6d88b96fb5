/**
 * How a center counts the petition reply's 3 days (R-PET-1): working days by default, calendar
 * days when the admin chooses. Centers have no settings document yet, so this one small `meta`
 * document per center holds it; a change applies to petitions registered afterwards only.
 */
import type { petitionsContract } from '../../../../shared/contracts/petitions';
import type { ActionOutput, ActionParsedInput } from '../../../../shared/contracts/define';
import { DAY_COUNTS, DEFAULT_DAY_COUNT, type DayCount } from '../../../../shared/domain/petitions';
import { nowIso, type Ctx } from '../../context';
import { appendAudit } from '../audit';
import { requireCaller } from '../guards';

type K = typeof petitionsContract;
type In<A extends keyof K> = ActionParsedInput<K[A]>;
type Out<A extends keyof K> = ActionOutput<K[A]>;

const settingsId = (centerId: string) => `petition-settings:${centerId}`;

export async function dayCountOf(ctx: Ctx, centerId: string): Promise<DayCount> {
  const doc = await ctx.store.get('meta', settingsId(centerId));
  return DAY_COUNTS.find((d) => d === doc?.value) ?? DEFAULT_DAY_COUNT;
}

export async function settings(ctx: Ctx, _input: In<'settings'>): Promise<Out<'settings'>> {
  const user = requireCaller(ctx);
  return { dayCount: await dayCountOf(ctx, user.centerId) };
}

export async function saveSettings(ctx: Ctx, input: In<'saveSettings'>): Promise<Out<'saveSettings'>> {
  const user = requireCaller(ctx);
  const before = await dayCountOf(ctx, user.centerId);
  const at = nowIso(ctx);
  await ctx.store.transaction(async (tx) => {
    await tx.put('meta', { id: settingsId(user.centerId), value: input.dayCount });
    await appendAudit(tx, { centerId: user.centerId, at, actorId: user.id, action: 'petition.settings', collection: 'meta', recordId: settingsId(user.centerId), before: { dayCount: before }, after: { dayCount: input.dayCount } });
  });
  return { ok: true };
}
