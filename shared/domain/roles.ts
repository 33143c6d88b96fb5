/** The six kinds of users of a center (DOMAIN.md, table of users). */
/**
 * `pad` (评价器, R-RATE-1): a tablet or phone the center leaves at ONE window for villagers
 * without a smartphone to rate. It is a user of its own, added by the admin with a window and
 * bound by invite code like staff, rather than a mode of the clerk's account: a WeChat already
 * bound to a work account cannot bind a second one (account.ts, bindOpenId), so a clerk's own
 * phone can never become the pad that rates his own cases, and the pad can do nothing else.
 */
export const ROLES = ['villager', 'agent', 'staff', 'office', 'leader', 'admin', 'pad'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  villager: '群众',
  agent: '村代办员',
  staff: '窗口工作人员',
  office: '中心管理办公室',
  leader: '带班领导',
  admin: '中心管理员',
  pad: '窗口评价器',
};
