import type { ServiceItem } from '../../../shared/domain/catalog';
import { AppError } from '../../../shared/domain/errors';
import type { Ctx } from '../context';

/** A service item by id, or the courteous NOT_FOUND every use case gives for it. */
export async function loadItem(ctx: Ctx, itemId: string): Promise<ServiceItem> {
  const item = await ctx.store.get('items', itemId);
  if (!item) throw new AppError('NOT_FOUND', '对不起,没有找到该事项,可能已调整,请返回办事指南重新选择。');
  return item;
}
