import { View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../components/date-chips';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { TapButton } from '../../components/tap';
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
  /** The window whose save was tried last: its errors show under it alone (outside review). */
  const [saving, setSaving] = useState<string | null>(null);
  const staff = res.data?.staff ?? [];

  const valueOf = (windowId: string) => drafts[windowId] ?? res.data?.posts.find((p) => p.windowId === windowId) ?? { aId: '', bId: '' };
  const pick = (windowId: string, key: 'aId' | 'bId', id: string) => setDrafts({ ...drafts, [windowId]: { ...valueOf(windowId), [key]: id } });
  const people = staff.map((s) => ({ value: s.id, label: s.name }));
  const save = async (windowId: string) => {
    const v = valueOf(windowId);
    setSaving(windowId);
    if (await run(() => api.center.savePost({ windowId, aId: v.aId, bId: v.bId }), '已保存,谢谢。')) setTick((t) => t + 1);
  };

  return (
    <PageShell>
      <View className="muted">A岗不在岗(请假、培训、出差)期间,其办件和到期提醒自动由B岗接收;回岗后自动交回。</View>
      {message && !saving && <View className="card">{message}</View>}
      <StateView loading={res.loading && !res.data} error={res.error ?? center.error} onRetry={res.reload} next={res.error ? res.next : center.next} />
      {res.data &&
        (center.data?.windows ?? []).map((w) => {
          const v = valueOf(w.id);
          const nameOf = (id: string) => staff.find((s) => s.id === id)?.name ?? '请选择';
          const mine = saving === w.id;
          return (
            <Section key={w.id} title={w.name}>
              <Field label="A岗(主办)" errors={mine ? errs('aId') : []}>
                <View className="chips__chosen">A岗:{nameOf(v.aId)}</View>
                <ChoiceChips label={`${w.name}的A岗`} options={people} value={v.aId || null} onChange={(id) => pick(w.id, 'aId', id)} />
              </Field>
              <Field label="B岗(协办、替岗)" errors={mine ? errs('bId') : []}>
                <View className="chips__chosen">B岗:{nameOf(v.bId)}</View>
                <ChoiceChips label={`${w.name}的B岗`} options={people} value={v.bId || null} onChange={(id) => pick(w.id, 'bId', id)} />
              </Field>
              {/* A refusal is said under its field; here only the outcome of a save that went through. */}
              {mine && message && errs('aId').length + errs('bId').length === 0 && <View className="para">{message}</View>}
              <TapButton type="primary" label={`保存${w.name}的A岗和B岗`} onTap={() => void save(w.id)}>
                保存
              </TapButton>
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
