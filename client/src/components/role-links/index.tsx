import type { Role } from '@shared/domain/roles';
import NavRow from '../nav-row';

/** The way into each role's work, the same on the home page and on 我的. */
export default function RoleLinks({ role, unread }: { role: Role; unread: number }) {
  return (
    <>
      <NavRow label="消息通知" url="/pages/inbox/index" extra={unread} />
      {(role === 'villager' || role === 'agent') && <NavRow label="我的办件(办理进度)" url="/pages/matters/index" />}
      {(role === 'villager' || role === 'agent') && <NavRow label="我的预约和上门服务" url="/pages/bookings/index" />}
      {role === 'agent' && <NavRow label="我代办的群众" url="/agent/residents/index" />}
      {role === 'staff' && <NavRow label="我的办件(按期限)" url="/staff/cases/index" />}
      {role === 'staff' && <NavRow label="今日预约(窗口接待)" url="/staff/day-board/index" />}
      {role === 'staff' && <NavRow label="上门服务申请" url="/staff/visits/index" />}
      {role === 'staff' && <NavRow label="请假、培训、出差登记" url="/staff/leave/index" />}
      {(role === 'office' || role === 'admin') && <NavRow label="各窗口预约情况" url="/staff/day-board/index" />}
      {(role === 'office' || role === 'admin') && <NavRow label="上门服务申请" url="/staff/visits/index" />}
      {(role === 'office' || role === 'leader' || role === 'admin') && <NavRow label="超期办件" url="/office/overdue/index" />}
      {(role === 'office' || role === 'admin') && <NavRow label="未送达的微信提醒" url="/office/parked/index" />}
      {role === 'admin' && <NavRow label="工作人员请假登记" url="/staff/leave/index" />}
    </>
  );
}
