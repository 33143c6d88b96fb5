import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '@shared/domain/roles';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { devLogin, listDemoUsers, ROLE_ORDER, type DemoUser } from '../../services/dev-login';
import { getSession } from '../../services/session';
import Tap from '../../components/tap';

/**
 * The local H5 app's role picker: sign in as one of the seeded demo users. In WeChat the user
 * is the WeChat account itself, so this page only explains that.
 */
export default function Login() {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = getSession();

  const load = () => {
    setError(null);
    listDemoUsers()
      .then(setUsers)
      .catch((e: Error) => setError(e.message));
  };
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') load();
  }, []);

  const choose = async (u: DemoUser) => {
    if (busy) return;
    setBusy(true);
    try {
      await devLogin(u.id);
      Taro.reLaunch({ url: '/pages/index/index' });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (process.env.TARO_ENV !== 'h5') {
    return (
      <PageShell>
        <View className="card">您好,在微信中使用时,您的微信即是您的账号;中心工作人员请在“我的”页面输入管理员给您的邀请码完成绑定。</View>
      </PageShell>
    );
  }

  const centers = users ? Array.from(new Set(users.map((u) => u.centerName))) : [];
  return (
    <PageShell>
      <View className="card">
        <View className="hero">您好,请选择演示身份</View>
        <Text className="muted">本地演示版:选择一位演示用户进入,之后可在“我的”页面切换身份。</Text>
        {current && <View className="muted">当前身份:{current.user.name}({ROLE_LABELS[current.user.role]})</View>}
      </View>
      <StateView loading={!users && !error} error={error} onRetry={load} />
      {centers.map((centerName) => (
        <View className="card" key={centerName}>
          <View className="title">{centerName}</View>
          {ROLE_ORDER.flatMap((role) =>
            (users ?? [])
              .filter((u) => u.centerName === centerName && u.role === role)
              .map((u) => (
                <Tap role="button" key={u.id} className="row role-choice" data-user={u.id} onTap={() => void choose(u)}>
                  <View>
                    <View className="item-row__name">{ROLE_LABELS[u.role]}</View>
                    <Text className="muted">{u.name}</Text>
                  </View>
                  <Text className="link">进入 ›</Text>
                </Tap>
              )),
          )}
        </View>
      ))}
    </PageShell>
  );
}
