/** 公布 (GB/T 36113): each month's complaint figures, public, with no personal data. */
import type { complaintsContract } from '../../../../shared/contracts/complaints';
import type { ActionOutput, ActionParsedInput } from '../../../../shared/contracts/define';
import { COMPLAINT_CHANNELS, COMPLAINT_CLASSES } from '../../../../shared/domain/complaints';
import { AppError } from '../../../../shared/domain/errors';
import type { Ctx } from '../../context';
import { todayOf } from './access';

type K = typeof complaintsContract;

export async function monthFigures(ctx: Ctx, input: ActionParsedInput<K['monthFigures']>): Promise<ActionOutput<K['monthFigures']>> {
  const center = await ctx.store.get('centers', input.centerId);
  if (!center) throw new AppError('NOT_FOUND', '对不起,没有找到该服务中心,请返回重新选择。');
  const thisMonth = todayOf(ctx).slice(0, 7);
  const received = await ctx.store.find('complaints', { where: { centerId: center.id, receivedOn: { $gte: `${input.year}-01-01`, $lte: `${input.year}-12-31` } } });
  const months = Array.from({ length: 12 }, (_, i) => `${input.year}-${String(i + 1).padStart(2, '0')}`).filter((m) => m <= thisMonth);
  return {
    months: months.map((month) => {
      const of = received.filter((c) => c.receivedOn.startsWith(month));
      return {
        month,
        received: of.length,
        byChannel: Object.fromEntries(COMPLAINT_CHANNELS.map((ch) => [ch, of.filter((c) => c.channel === ch).length])) as Record<(typeof COMPLAINT_CHANNELS)[number], number>,
        byClass: Object.fromEntries(COMPLAINT_CLASSES.map((k) => [k, of.filter((c) => c.klass === k).length])) as Record<(typeof COMPLAINT_CLASSES)[number], number>,
        answered: of.filter((c) => c.reply).length,
        answeredOnTime: of.filter((c) => c.reply?.onTime).length,
        substantiated: of.filter((c) => c.outcome?.substantiated).length,
      };
    }),
  };
}
