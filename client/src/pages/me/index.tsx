import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import ConfirmDialog from '../../components/confirm-dialog';
import ElderSwitch from '../../components/elder-switch';
import LabelledInput from '../../components/labelled-input';
import Tap, { TapButton } from '../../components/tap';
import { ROLE_LABELS } from '@shared/domain/roles';
import NavRow from '../../components/nav-row';
import RoleLinks from '../../components/role-links';
import PageShell from '../../components/page-shell';
import Section from '../../components/section';
import { api, messageOf } from '../../services/api';
import { AUTH_METHOD_LABELS, AUTH_STATE_LABELS, dateLabel } from '../../services/format';
import { needsProfile, PROFILE_URL } from '../../services/profile';
import { clearSession, getSession, setSession, useSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import './index.scss';

/** The villager's own authorisations of agents (R-BOOK-4): see them, revoke them, link one's record. */
function MyAuthorizations() {
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.residents.mine({}), String(tick));
  const [idNumber, setIdNumber] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  // Revoking asks first, in the app's own large dialog (issue 11): red, worded as the act.
  const [revoking, setRevoking] = useState<{ id: string; agentName: string } | null>(null);
  const revoke = async (id: string) => {
    setRevoking(null);
    try {
      await api.residents.revoke({ authorizationId: id });
      setMessage('已撤销,谢谢。');
      setTick((t) => t + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  const confirm = async (id: string) => {
    try {
      await api.residents.confirm({ authorizationId: id });
      setMessage('已确认授权,谢谢。');
      setTick((t) => t + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  const claim = async () => {
    try {
      await api.residents.claim({ idNumber });
      setMessage('已关联您的登记信息。');
      setTick((t) => t + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  return (
    <Section title="我的代办授权">
      {res.data && !res.data.resident && (
        <View>
          <View className="muted">如果村代办员为您登记过,请输入您的身份证号码关联,即可查看和撤销授权。</View>
          <LabelledInput label="身份证号码" value={idNumber} maxlength={18} placeholder="请输入18位身份证号码" onInput={(e) => setIdNumber(e.detail.value)} />
          <TapButton type="secondary" onTap={() => void claim()}>
            关联登记信息
          </TapButton>
        </View>
      )}
      {res.data?.authorizations.length === 0 && res.data.resident && <View className="muted">您还没有授权任何代办员。</View>}
      {res.data?.authorizations.map((a) => (
        <View key={a.id} className="row">
          <View>
            <View className="item-row__name">村代办员 {a.agentName}</View>
            <Text className="muted">
              {AUTH_METHOD_LABELS[a.method]} · {dateLabel(a.givenOn)} 至 {dateLabel(a.validUntil)} · {AUTH_STATE_LABELS[a.state]}
            </Text>
          </View>
          <View>
            {a.state === 'pending' && (
              <Tap role="button" className="link link--tap" label={`确认村代办员${a.agentName}的授权`} onTap={() => void confirm(a.id)}>
                确认授权
              </Tap>
            )}
            {(a.state === 'active' || a.state === 'pending') && (
              <Tap role="button" className="link link--tap" label={`撤销村代办员${a.agentName}的授权`} onTap={() => setRevoking({ id: a.id, agentName: a.agentName })}>
                撤销
              </Tap>
            )}
          </View>
        </View>
      ))}
      {message && <View className="muted">{message}</View>}
      {revoking && (
        <ConfirmDialog
          title={`确定撤销${revoking.agentName}的代办授权吗?`}
          message={`撤销后,${revoking.agentName}将不能再为您代办。`}
          act="确定撤销授权"
          cancel="再想想,不撤销"
          busy={false}
          onConfirm={() => void revoke(revoking.id)}
          onCancel={() => setRevoking(null)}
        />
      )}
    </Section>
  );
}

/** The user's own page: who they are, elderly mode, and the way into their role's work. */
export default function Me() {
  const session = useSession();
  const role = session?.user.role;
  const [code, setCode] = useState('');
  const [bindMsg, setBindMsg] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useDidShow(() => setTick((t) => t + 1));
  const inbox = useLoad(async () => (session ? (await api.inbox.list({})).unread : 0), String(tick));

  const bind = async () => {
    try {
      const r = await api.account.bindInvite({ code: code.trim() });
      // From now on this WeChat is the staff member: the session (and 我的, the home) follow.
      setSession({ ...(getSession() ?? {}), user: r.user });
      setCode('');
      setBindMsg(`绑定成功,欢迎您,${r.user.name}!`);
    } catch (e) {
      setBindMsg(messageOf(e));
    }
  };

  return (
    <PageShell>
      {session && (
        <View className="card">
          <View className="hero">{session.user.name}</View>
          <Text className="muted">{ROLE_LABELS[session.user.role]}</Text>
        </View>
      )}

      {session && role && (
        <Section title="我的事务">
          <RoleLinks role={role} unread={inbox.data ?? 0} />
        </Section>
      )}

      {role === 'villager' && <MyAuthorizations />}

      {session && (
        <Section title="我的账号">
          {(role === 'villager' || role === 'agent') && (
            <NavRow label={session && needsProfile(session.user) ? '我的资料(请填写姓名)' : '我的资料'} url={PROFILE_URL} />
          )}
          <NavRow label="我的数据与注销" url="/account/my-data/index" />
        </Section>
      )}

      {role === 'admin' && (
        <Section title="中心管理">
          <NavRow label="事项目录维护" url="/admin/items/index" />
          <NavRow label="窗口预约设置" url="/admin/windows/index" />
          <NavRow label="工作日历(节假日、调休、闭馆)" url="/admin/calendar/index" />
          <NavRow label="A/B岗设置" url="/admin/posts/index" />
        </Section>
      )}

      <Section title="显示设置">
        {/* The same switch as on the home (issue 11): a named switch that grows with the mode. */}
        <ElderSwitch />
        <View className="muted">打开后,所有页面的文字和按钮都会变大,看得更清楚。</View>
      </Section>

      {process.env.TARO_ENV === 'weapp' && (!session || role === 'villager') && (
        <Section title="工作人员绑定">
          <View className="muted">中心工作人员请输入管理员给您的8位邀请码,绑定后即可办理业务。</View>
          <LabelledInput label="邀请码" type="number" maxlength={8} value={code} placeholder="请输入8位邀请码" onInput={(e) => setCode(e.detail.value)} />
          <TapButton type="primary" onTap={() => void bind()}>
            绑定
          </TapButton>
          {bindMsg && <View className="muted">{bindMsg}</View>}
        </Section>
      )}

      {process.env.TARO_ENV === 'weapp' && (
        <View className="muted setup-entry">
          <Tap role="link" className="link" onTap={() => void Taro.navigateTo({ url: '/account/setup/index' })}>
            中心初始化(部署人员使用) ›
          </Tap>
        </View>
      )}

      {process.env.TARO_ENV === 'h5' && (
        <View className="actions">
          <TapButton
            type="secondary"
            onTap={() => {
              clearSession();
              Taro.reLaunch({ url: '/pages/login/index' });
            }}
          >
            切换演示身份
          </TapButton>
        </View>
      )}
    </PageShell>
  );
}
