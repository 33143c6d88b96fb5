/**
 * What each role's home and 我的 show: the way into their work, and whether the work comes
 * before the guides. Pure, so the weapp tests can check that binding an invite turns the home
 * into the staff home (issue 7).
 */
import type { Role } from '@shared/domain/roles';

export interface RoleLink {
  label: string;
  url: string;
  /** Show the unread notice count on this row. */
  unread?: true;
}

const ALL: Array<RoleLink & { roles: readonly Role[] }> = [
  { label: '消息通知', url: '/pages/inbox/index', unread: true, roles: ['villager', 'agent', 'staff', 'office', 'leader', 'admin'] },
  { label: '我的办件(办理进度)', url: '/pages/matters/index', roles: ['villager', 'agent'] },
  { label: '我的预约和上门服务', url: '/pages/bookings/index', roles: ['villager', 'agent'] },
  // Complaints (R-CMP-1): file one, follow mine.
  { label: '我要投诉', url: '/complaint/file/index', roles: ['villager', 'agent'] },
  { label: '我的投诉(办理进度、答复)', url: '/complaint/mine/index', roles: ['villager', 'agent'] },
  // Ratings (好差评, R-RATE-1..2): rate finished matters; the clerk's ratings and appeals; bad reviews; the pad.
  { label: '服务评价(待评价、我的评价)', url: '/rate/mine/index', roles: ['villager', 'agent'] },
  { label: '我收到的评价(申诉)', url: '/review/received/index', roles: ['staff'] },
  { label: '差评整改(核实、整改、回访)', url: '/review/rectify/index', roles: ['staff', 'office', 'leader'] },
  { label: '评价申诉审核', url: '/review/appeals/index', roles: ['office', 'leader'] },
  { label: '开始评价(全屏)', url: '/pad/index/index', roles: ['pad'] },
  { label: '我代办的群众', url: '/agent/residents/index', roles: ['agent'] },
  { label: '我的办件(按期限)', url: '/staff/cases/index', roles: ['staff'] },
  { label: '今日预约(窗口接待)', url: '/staff/day-board/index', roles: ['staff'] },
  { label: '各窗口预约情况', url: '/staff/day-board/index', roles: ['office', 'admin'] },
  { label: '上门服务申请', url: '/staff/visits/index', roles: ['staff', 'office', 'admin'] },
  { label: '请假、培训、出差登记', url: '/staff/leave/index', roles: ['staff'] },
  { label: '超期办件', url: '/office/overdue/index', roles: ['office', 'leader', 'admin'] },
  { label: '未送达的微信提醒', url: '/office/parked/index', roles: ['office', 'admin'] },
  { label: '工作人员请假登记', url: '/staff/leave/index', roles: ['admin'] },
  // Leaders on duty (R-DUTY-1..2).
  { label: '今日概况(超期办件、重大投诉、信访、各窗口预约)', url: '/duty/today/index', roles: ['leader'] },
  { label: '今日值班记录(到岗、接访)', url: '/duty/record/index', roles: ['leader'] },
  { label: '带班值班排班(编辑、发布公示)', url: '/duty/editor/index', roles: ['admin'] },
  { label: '带班值班接访记录', url: '/duty/record/index', roles: ['office', 'admin'] },
  { label: '领导带班值班表(公示)', url: '/duty/roster/index', roles: ['villager', 'agent', 'staff', 'office', 'leader', 'admin'] },
  // Complaints (issue 9.10, R-CMP-1..7): the office's queue, registering at any window, flags, the public figures.
  { label: '投诉受理台(分类、指定承办、核查结论、执行归档)', url: '/office/complaints/index', roles: ['office'] },
  // A leader reads the queue and answers what is assigned to them; the office's steps are not theirs (outside review).
  { label: '投诉受理台(查阅进度)', url: '/office/complaints/index', roles: ['leader'] },
  { label: '登记投诉(电话、当面、信件、意见箱)', url: '/office/complaint-new/index', roles: ['staff', 'office'] },
  { label: '我承办的投诉(调查、答复)', url: '/office/complaints/index?mine=1', roles: ['staff', 'office', 'leader'] },
  { label: '投诉警示(通报、下岗)', url: '/office/complaint-flags/index', roles: ['office', 'leader'] },
  { label: '投诉情况公示', url: '/office/complaint-figures/index', roles: ['villager', 'agent', 'staff', 'office', 'leader', 'admin'] },
  // 政务公开 and 预公开 (R-CAT-4..5): the admin composes and publishes; everyone reads and villagers comment.
  { label: '编制并发布政务公开', url: '/open/compose/index', roles: ['admin'] },
  { label: '意见征集(发起、答复、正式公布)', url: '/open/prepubs/index', roles: ['admin'] },
  { label: '意见征集(预公开,发表意见)', url: '/open/prepubs/index', roles: ['villager', 'agent'] },
  // Petitions (信访, R-PET-1..3): the register (registering at any window), the admin's day count.
  { label: '信访登记簿(登记、交办、答复)', url: '/petition/list/index', roles: ['staff', 'office', 'leader'] },
  { label: '信访答复期限设置', url: '/petition/settings/index', roles: ['admin'] },
  // The month's picture (R-RATE-3): rankings, 红旗/优秀窗口, 约谈, the trend; the admin's marks.
  { label: '月度服务评价(排名、红旗窗口、趋势)', url: '/report/month/index', roles: ['office', 'leader', 'admin'] },
  { label: '红旗、优秀窗口评比标准', url: '/report/thresholds/index', roles: ['admin'] },
  // The admin's first task after setup: appoint the people and invite them (issue 7).
  { label: '人员与邀请码(添加人员、绑定微信)', url: '/admin/invites/index', roles: ['admin'] },
];

/** The rows leading into a role's work, in the order they are shown. */
export function roleLinks(role: Role): RoleLink[] {
  return ALL.filter((l) => l.roles.includes(role)).map(({ roles: _r, ...link }) => link);
}

/** The home's sections, top to bottom. */
export type HomeSection = 'center' | 'work' | 'search' | 'windows' | 'supervision';

/**
 * Villagers and agents come for the guides first; staff, office, leaders and admins for their
 * work. Without a user (WeChat sign-in not finished, or no center chosen yet) there is no work.
 */
export function homeSections(role: Role | null): HomeSection[] {
  if (!role) return ['center', 'search', 'windows', 'supervision'];
  if (role === 'villager' || role === 'agent') return ['center', 'search', 'windows', 'work', 'supervision'];
  return ['center', 'work', 'search', 'windows', 'supervision'];
}
