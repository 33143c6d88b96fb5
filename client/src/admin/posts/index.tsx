import { Picker, View } from '@tarojs/components';
import { useState } from 'react';
import { AtButton } from 'taro-ui';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';

/**
 * Each window's A (primary) and B (backup) post (R-CASE-6): while A is on leave, training or a
 * trip, B receives A's cases and reminders. Open cases keep their handler.
 */
function Posts() {
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.center.posts({}), String(tick));
  const center = useLoad(() => api.center.windows({}), 'windows');
  const [drafts, setDrafts] = useState<Record<string, { aId: string; bId: string }>>({});
  const { message, errs, run } = useAction();
  const staff = res.data?.staff ?? [];
  const names = staff.map((s) => s.name);

  const valueOf = (windowId: string) => drafts[windowId] ?? res.data?.posts.find((p) => p.windowId === windowId) ?? { aId: '', bId: '' };
  const pick = (windowId: string, key: 'aId' | 'bId', index: number) => setDrafts({ ...drafts, [windowId]: { ...valueOf(windowId), [key]: staff[index]?.id ?? '' } });
  const save = async (windowId: string) => {
    const v = valueOf(windowId);
    if (await run(() => api.center.savePost({ windowId, aId: v.aId, bId: v.bId }), '已保存,谢谢。')) setTick((t) => t + 1);
  };

  return (
    <PageShell>
      <View className="muted">A岗不在岗(请假、培训、出差)期间,其办件和到期提醒自动由B岗接收;回岗后自动交回。</View>
      {message && <View className="card">{message}</View>}
      <StateView loading={res.loading && !res.data} error={res.error ?? center.error} onRetry={res.reload} />
      {res.data &&
        (center.data?.windows ?? []).map((w) => {
          const v = valueOf(w.id);
          const nameOf = (id: string) => staff.find((s) => s.id === id)?.name ?? '请选择';
          return (
            <Section key={w.id} title={w.name}>
              <Field label="A岗(主办)" errors={errs('aId')}>
                <Picker mode="selector" range={names} value={Math.max(0, staff.findIndex((s) => s.id === v.aId))} onChange={(e) => pick(w.id, 'aId', Number(e.detail.value))}>
                  <View className="field__input">{nameOf(v.aId)} ›</View>
                </Picker>
              </Field>
              <Field label="B岗(协办、替岗)" errors={errs('bId')}>
                <Picker mode="selector" range={names} value={Math.max(0, staff.findIndex((s) => s.id === v.bId))} onChange={(e) => pick(w.id, 'bId', Number(e.detail.value))}>
                  <View className="field__input">{nameOf(v.bId)} ›</View>
                </Picker>
              </Field>
              <AtButton type="primary" size="small" onClick={() => void save(w.id)}>
                保存
              </AtButton>
            </Section>
          );
        })}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['admin']} who="中心管理员">
      <Posts />
    </RoleGate>
  );
}
