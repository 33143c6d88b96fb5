import { AppError } from '../../../shared/domain/errors';
import type { User } from '../../../shared/domain/org';
import type { Ctx } from '../context';

/** The dispatcher has checked the role; this narrows the type for use cases that need a user. */
export function requireCaller(ctx: Ctx): User {
  if (!ctx.caller) throw new AppError('UNAUTHENTICATED');
  return ctx.caller;
}

/** A user acts only within their own center (multi-center scoping). */
export function requireSameCenter(user: User, centerId: string, what: string): void {
  if (user.centerId !== centerId) {
    throw new AppError('FORBIDDEN', `对不起,您只能办理本中心的${what};如需协助,请联系该中心的管理员。`);
  }
}
