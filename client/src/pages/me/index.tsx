import { Input, View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { AtButton, AtSwitch } from 'taro-ui';
import { ROLE_LABELS } from '@shared/domain/roles';
import PageShell from '../../components/page-shell';
import Section from '../../components/section';
import { api, messageOf } from '../../services/api';
import { getPrefs, setPrefs, usePrefs } from '../../services/prefs';
import { clearSession, getSession } from '../../services/session';

/** The user's own page: who they are, elderly mode, and the way into their role's work. */
export default function Me() {
  const prefs = usePrefs();
  const session = getSession();
  const [code, setCode] = useState('');
  const [bindMsg, setBindMsg] = useState<string | null>(null);

  const bind = async () => {
    try {
      const r = await api.account.bindInvite({ code: code.trim() });
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

      <Section title="显示设置">
        <AtSwitch
          className="elder-switch"
          title="长辈模式(大字体)"
          checked={prefs.elderly}
          onChange={(v: boolean) => setPrefs({ ...getPrefs(), elderly: v })}
        />
        <View className="muted">打开后,所有页面的文字和按钮都会变大,看得更清楚。</View>
      </Section>

      {session?.user.role === 'admin' && (
        <Section title="中心管理">
          <View className="row" onClick={() => Taro.navigateTo({ url: '/admin/items/index' })}>
            <Text className="item-row__name">事项目录维护</Text>
            <Text className="link">进入 ›</Text>
          </View>
        </Section>
      )}

      {process.env.TARO_ENV === 'weapp' && (
        <Section title="工作人员绑定">
          <View className="muted">中心工作人员请输入管理员给您的8位邀请码,绑定后即可办理业务。</View>
          <Input className="field__input" type="number" maxlength={8} value={code} placeholder="请输入8位邀请码" onInput={(e) => setCode(e.detail.value)} />
          <AtButton type="primary" onClick={() => void bind()}>
            绑定
          </AtButton>
          {bindMsg && <View className="muted">{bindMsg}</View>}
        </Section>
      )}

      {process.env.TARO_ENV === 'h5' && (
        <View className="actions">
          <AtButton
            type="secondary"
            onClick={() => {
              clearSession();
              Taro.reLaunch({ url: '/pages/login/index' });
            }}
          >
            切换演示身份
          </AtButton>
        </View>
      )}
    </PageShell>
  );
}
