/** The six kinds of users of a center (DOMAIN.md, table of users). */
export const ROLES = ['villager', 'agent', 'staff', 'office', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  villager: '群众',
  agent: '村代办员',
  staff: '窗口工作人员',
  office: '中心管理办公室',
  leader: '带班领导',
  admin: '中心管理员',
};
