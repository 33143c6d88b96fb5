import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '@shared/domain/roles';
import RoleLinks from '../../components/role-links';
import PageShell from '../../components/page-shell';
import PhoneLink from '../../components/phone-link';
import ElderSwitch from '../../components/elder-switch';
import SearchBox from '../../components/search-box';
import StateView from '../../components/state-view';
import Tap, { TapButton } from '../../components/tap';
import { api } from '../../services/api';
import { restartBoot, whenBooted, type BootOutcome } from '../../services/boot';
import { needsProfile, PROFILE_URL, takeProfilePrompt } from '../../services/profile';
import { homeSections, type HomeSection } from '../../services/role-links';
import { getCenterId, getSession, useSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import './index.scss';

/** Home: the center, its hours, search, and its windows — two taps from any guide. */
export default function Index() {
  const [centerId, setCenterId] = useState<string | null>(getCenterId);
  const [q, setQ] = useState('');
  const session = useSession();
  // WeChat: the launch's sign-in (services/boot.ts); null while it runs.
  const [boot, setBoot] = useState<BootOutcome | null>(null);
  const [askProfile, setAskProfile] = useState(false);

  const afterBoot = (outcome: BootOutcome) => {
    setBoot(outcome);
    if (outcome.state === 'choose-center') return; // boot opened the chooser
    const c = getCenterId();
    if (!c) {
      Taro.redirectTo({ url: '/pages/centers/index' });
      return;
    }
    setCenterId(c);
  };

  useDidShow(() => {
    // The H5 app opens on the role picker until a demo user is chosen.
    if (process.env.TARO_ENV === 'h5' && !getSession()) {
      Taro.redirectTo({ url: '/pages/login/index' });
      return;
    }
    void whenBooted().then(afterBoot);
  });

  // A villager still called 微信用户 is asked once, politely, for the name the window will see.
  useEffect(() => {
    if (session && needsProfile(session.user)) setAskProfile(takeProfilePrompt());
  }, [session?.user.id, session?.user.name]);

  // No center yet (WeChat sign-in still running, or the chooser next): nothing to load.
  const home = useLoad(async () => (centerId ? api.catalog.home({ centerId }) : null), centerId ?? '');
  // Today's leaders on duty, from the published roster (R-DUTY-2).
  const duty = useLoad(async () => (centerId ? api.duty.today({ centerId }) : null), centerId ?? '');
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));
  const unread = useLoad(async () => (session ? (await api.inbox.list({})).unread : 0), `${session?.user.id ?? ''}|${shown}`);

  const search = () => {
    const text = q.trim();
    if (!text || !centerId) {
      Taro.showToast({ title: '请输入要办理的事项名称', icon: 'none' });
      return;
    }
    Taro.navigateTo({ url: `/pages/catalog/index?q=${encodeURIComponent(text)}` });
  };

  const data = home.data;
  // Villagers and agents come for the guides first; staff, office and leaders for their work.
  const sections = homeSections(session?.user.role ?? null);
  const at = (s: HomeSection) => sections.indexOf(s);
  const workFirst = at('work') >= 0 && at('work') < at('search');
  const work = session && (
    <View className="card">
      <View className="title">
        {session.user.name}({ROLE_LABELS[session.user.role]})
      </View>
      <RoleLinks role={session.user.role} unread={unread.data ?? 0} />
    </View>
  );
  return (
    <PageShell>
      <View className="card home-head">
        <View className="row">
          <View>
            <View className="hero">{data?.center.name ?? '便民服务中心'}</View>
            <Text className="muted">您好,欢迎来办事!</Text>
          </View>
          <Tap role="link" className="link home-head__me" label={`我的:${session ? session.user.name : '登录与设置'}`} onTap={() => void Taro.navigateTo({ url: '/pages/me/index' })}>
            {session ? session.user.name : '我的'} ›
          </Tap>
        </View>
        {/* 长辈版 on the home itself (issue 11, R-UX-2): found at once, remembered. */}
        <View className="home-head__elder">
          <ElderSwitch />
        </View>
        {data && (
          <View className="muted">
            <View>
              办公时间:工作日 {data.center.opensAt}–{data.center.closesAt}(中午不休息)
            </View>
            <View>地址:{data.center.address}</View>
            <View>
              咨询电话:<PhoneLink phone={data.center.phone} what="中心咨询电话" />
            </View>
          </View>
        )}
        {duty.data && (
          <Tap role="link" className="duty-line" onTap={() => void Taro.navigateTo({ url: '/duty/roster/index' })}>
            今日带班领导:
            {duty.data.leaders.length ? duty.data.leaders.map((l) => l.name).join('、') : duty.data.workingDay ? '暂未公示' : '今日休息,无带班安排'}
            <Text className="link"> 本月值班表 ›</Text>
          </Tap>
        )}
      </View>

      {boot?.state === 'signed-in' && boot.message && <View className="card boot-message">{boot.message}</View>}

      {boot?.state === 'failed' && (
        <View className="card">
          <View className="error">{boot.message}</View>
          <View className="actions">
            <TapButton type="secondary" onTap={() => void restartBoot().then(afterBoot)}>
              重新登录
            </TapButton>
          </View>
        </View>
      )}

      {askProfile && session && needsProfile(session.user) && (
        <View className="card profile-prompt">
          <View>您好,为方便窗口为您办理,请填写您的姓名,谢谢。</View>
          <View className="actions">
            <TapButton type="primary" onTap={() => Taro.navigateTo({ url: PROFILE_URL })}>
              去填写
            </TapButton>
            <TapButton type="secondary" onTap={() => setAskProfile(false)}>
              以后再说
            </TapButton>
          </View>
        </View>
      )}

      {/* The leader's home (issue 11, R-DUTY-2): 今日概况 first — on duty or not, overdue cases, escalations, each window's bookings (duty subpackage: the main package is at its limit). */}
      {session?.user.role === 'leader' && duty.data && (
        <Tap role="link" className="card row nav-row leader-entry" onTap={() => void Taro.navigateTo({ url: '/duty/today/index' })}>
          <View>
            <View className="title">今日概况</View>
            <Text className="muted">
              {duty.data.leaders.some((l) => l.id === session.user.id) ? '您今天带班。' : '您今天不带班。'}超期办件、重大投诉、信访、各窗口今日预约
            </Text>
          </View>
          <Text className="link">›</Text>
        </Tap>
      )}

      {workFirst && work}

      <SearchBox value={q} placeholder="请输入事项名称,如:低保、养老保险" onChange={setQ} onSearch={search} />

      <StateView loading={home.loading} error={home.error} onRetry={home.reload} next={home.next} />

      {data && (
        <View className="card">
          <View className="title">按窗口查找办事指南</View>
          {data.windows.map((w) => (
            <Tap key={w.id} role="link" className="row window-row" onTap={() => void Taro.navigateTo({ url: `/pages/catalog/index?windowId=${encodeURIComponent(w.id)}` })}>
              <View>
                <View className="item-row__name">{w.name}</View>
                <Text className="muted">{w.duties}</Text>
              </View>
              <Text className="link">{w.itemCount}项 ›</Text>
            </Tap>
          ))}
          <Tap role="link" className="row" onTap={() => void Taro.navigateTo({ url: '/pages/catalog/index' })}>
            <Text className="item-row__name">全部事项</Text>
            <Text className="link">查看 ›</Text>
          </Tap>
        </View>
      )}

      {!workFirst && work}

      {data && (
        <View className="card muted">
          <View>
            监督投诉电话:<PhoneLink phone={data.center.complaintPhone} what="监督投诉电话" />
          </View>
          <View>
            <Tap role="link" className="link home-link" label="投诉查询" onTap={() => void Taro.navigateTo({ url: '/complaint/track/index' })}>
              投诉查询(凭编号和查询码,无需登录) ›
            </Tap>
          </View>
          <View>
            <Tap role="link" className="link home-link" label="政务公开" onTap={() => void Taro.navigateTo({ url: '/open/index/index' })}>
              政务公开(机构、人员、服务承诺、投诉情况) ›
            </Tap>
          </View>
          <View>
            <Tap role="link" className="link home-link" label="意见征集" onTap={() => void Taro.navigateTo({ url: '/open/prepubs/index' })}>
              意见征集(重要事项公布前听取您的意见) ›
            </Tap>
          </View>
          <View>
            <Tap role="link" className="link home-link" onTap={() => void Taro.navigateTo({ url: '/pages/centers/index' })}>
              切换服务中心 ›
            </Tap>
          </View>
        </View>
      )}
    </PageShell>
  );
}
