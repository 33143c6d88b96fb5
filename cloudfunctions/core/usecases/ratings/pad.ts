/**
 * The window rating pad (评价器, R-RATE-1): a `pad` user bound to ONE window (see roles.ts for
 * why a device of its own, not the clerk's phone). It shows the most recent case its window
 * finished today that nobody has rated, with the item, the clerk and the masked applicant; one
 * tap rates it. A case of another window, or one already rated, is refused and nothing written.
 */
import type { ratingsContract } from '../../../../shared/contracts/ratings';
import type { ActionOutput, ActionParsedInput } from '../../../../shared/contracts/define';
import type { Case } from '../../../../shared/domain/cases';
import { AppError } from '../../../../shared/domain/errors';
import type { User } from '../../../../shared/domain/org';
import { maskName } from '../../../../shared/domain/personal-data';
import { finishedOnForRating, RATING_LEVEL_LABELS, ratingId } from '../../../../shared/domain/ratings';
import { shanghaiInstant } from '../../../../shared/domain/time';
import type { Ctx } from '../../context';
import { requireCaller } from '../guards';
import { rateable, todayOf } from './access';
import { saveRating } from './rate';

type K = typeof ratingsContract;
type In<A extends keyof K> = ActionParsedInput<K[A]>;
type Out<A extends keyof K> = ActionOutput<K[A]>;

/** How many of today's finished cases the pad looks through for an unrated one. */
const LOOK_BACK = 20;

function padWindow(pad: User): string {
  if (!pad.windowId) throw new AppError('FORBIDDEN', '对不起,此评价器尚未绑定窗口;请联系中心管理员在“人员与邀请”中为其选择窗口。');
  return pad.windowId;
}

/** Today's finished cases of the window, newest first (indexed on windowId, finishedAt). */
async function finishedToday(ctx: Ctx, windowId: string): Promise<Case[]> {
  const since = shanghaiInstant(todayOf(ctx), '00:00').toISOString();
  return ctx.store.find('cases', { where: { windowId, finishedAt: { $gte: since } }, orderBy: [['finishedAt', 'desc']], limit: LOOK_BACK });
}

export async function padNext(ctx: Ctx, _input: In<'padNext'>): Promise<Out<'padNext'>> {
  const pad = requireCaller(ctx);
  const windowId = padWindow(pad);
  const window = await ctx.store.get('windows', windowId);
  for (const c of await finishedToday(ctx, windowId)) {
    if (c.centerId !== pad.centerId || !finishedOnForRating(await rateable(ctx, c))) continue;
    if (await ctx.store.get('ratings', ratingId(c.id))) continue;
    return {
      windowName: window?.name ?? '',
      matter: { caseId: c.id, caseNumber: c.number, itemName: c.itemName, clerkName: c.handlerName, applicantMasked: maskName(c.applicantName), finishedAt: c.finishedAt ?? '' },
    };
  }
  return { windowName: window?.name ?? '', matter: null };
}

export async function padRate(ctx: Ctx, input: In<'padRate'>): Promise<Out<'padRate'>> {
  const pad = requireCaller(ctx);
  const windowId = padWindow(pad);
  const c = await ctx.store.get('cases', input.caseId);
  if (!c) throw new AppError('NOT_FOUND', '对不起,没有找到该办件,请稍候,评价器将显示下一件。', [{ field: 'caseId', message: '没有找到该办件' }]);
  if (c.centerId !== pad.centerId || c.windowId !== windowId) {
    throw new AppError('FORBIDDEN', '对不起,此评价器只能评价本窗口办理的事项;请到办理该事项的窗口评价,或在小程序中评价。', [{ field: 'caseId', message: '不是本窗口的办件' }]);
  }
  const { rating } = await saveRating(ctx, c, { level: input.level, subIndicators: input.subIndicators, comment: '', channel: 'pad', onBehalf: false, padId: pad.id }, pad.id);
  return { levelLabel: RATING_LEVEL_LABELS[rating.level], bad: rating.bad };
}
