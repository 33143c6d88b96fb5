import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { COMPLAINT_CLASSES, COMPLAINT_CLASS_LABELS, COMPLAINT_STATES, COMPLAINT_STATE_LABELS, type ComplaintClass, type ComplaintState } from '@shared/domain/complaints';
import { DEADLINE_BADGE_LABELS, type DeadlineBadge } from '@shared/domain/cases';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { complaintsApi } from '../../services/fn/complaints';
import { badgeClass } from '../../services/complaint-office';
import { dateLabel } from '../../services/format';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import Tap, { TapButton } from '../../components/tap';

const DUES: DeadlineBadge[] = ['overdue', 'due_today', 'due_soon', 'on_time'];

/** One row of filter chips; tapping the chosen one again clears it. */
function Chips<T extends string>({ label, values, labels, value, onChange }: { label: string; values: readonly T[]; labels: Record<T, string>; value: T | null; onChange: (v: T | null) => void }) {
  return (
    <View className="field">
      <View className="field__label">{label}</View>
      <View className="day-tabs">
        <Tap role="radio" checked={value === null} label={`${label}:全部`} onTap={() => onChange(null)} className={`day-tab${value === null ? ' day-tab--on' : ''}`}>
          全部
        </Tap>
        {values.map((v) => (
          <Tap role="radio" checked={value === v} label={`${label}:${labels[v]}`} onTap={() => onChange(value === v ? null : v)} key={v} className={`day-tab${value === v ? ' day-tab--on' : ''}`}>
            {labels[v]}
          </Tap>
        ))}
      </View>
    </View>
  );
}

/**
 * 投诉受理台 (issue 9.10, R-CMP-2/3): the center's complaints, overdue first (the server orders
 * them), filtered by class, step and due state, each with its deadline badge. With `?mine=1` it
 * is a handler's own list (我承办的投诉, complaints.assigned), for clerks at any window too.
 */
function Queue({ mine }: { mine: boolean }) {
  const [klass, setKlass] = useState<ComplaintClass | null>(null);
  const [state, setState] = useState<ComplaintState | null>(null);
  const [due, setDue] = useState<DeadlineBadge | null>(null);
  const res = useLoad(
    () => (mine ? complaintsApi.assigned({}) : complaintsApi.queue({ ...(klass ? { klass } : {}), ...(state ? { state } : {}), ...(due ? { due } : {}) })),
    `${mine ? 'mine' : ''}|${klass ?? ''}|${state ?? ''}|${due ?? ''}`,
  );
  const role = getSession()?.user.role;
  const list = res.data?.complaints ?? [];
  return (
    <PageShell>
      {role === 'office' && !mine && (
        <TapButton type="primary" onTap={() => void Taro.navigateTo({ url: '/office/complaint-new/index' })}>
          登记投诉(电话、当面、信件、意见箱)
        </TapButton>
      )}
      {!mine && (
      <View className="card">
        <Chips label="类别" values={COMPLAINT_CLASSES} labels={COMPLAINT_CLASS_LABELS} value={klass} onChange={setKlass} />
        <Chips label="环节" values={COMPLAINT_STATES} labels={COMPLAINT_STATE_LABELS} value={state} onChange={setState} />
        <Chips label="期限" values={DUES} labels={DEADLINE_BADGE_LABELS} value={due} onChange={setDue} />
      </View>
      )}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data && list.length === 0 ? (mine ? '目前没有交由您承办的投诉,谢谢。' : '目前没有符合条件的投诉。') : null} />
      {list.length > 0 && (
        <View className="card">
          <View className="title">{mine ? '我承办的投诉' : '投诉'} {list.length} 件(超期的在前)</View>
          {list.map((c) => (
            <Tap role="link" onTap={() => void Taro.navigateTo({ url: `/office/complaint/index?id=${encodeURIComponent(c.id)}` })} key={c.id} className="row">
              <View className="item-row">
                <View className="item-row__name">
                  {c.number} · {c.subject.label}
                </View>
                <Text className="muted">
                  {c.stateLabel} · {c.classified ? c.classLabel : '待分类'} · {c.channelLabel} · 期限 {dateLabel(c.deadline)}
                  {c.handlerName ? ` · 承办人 ${c.handlerName}` : ''}
                </Text>
              </View>
              {c.badge ? (
                <Text className={badgeClass(c.badge)}>{DEADLINE_BADGE_LABELS[c.badge]}</Text>
              ) : (
                <Text className="tag tag--ok">{c.stateLabel}</Text>
              )}
            </Tap>
          ))}
        </View>
      )}
    </PageShell>
  );
}

export default function Page() {
  const mine = useRouter().params.mine === '1';
  return mine ? (
    <RoleGate roles={['staff', 'office', 'leader']} who="中心工作人员">
      <Queue mine />
    </RoleGate>
  ) : (
    <RoleGate roles={['office', 'leader']} who="中心管理办公室和中心领导">
      <Queue mine={false} />
    </RoleGate>
  );
}
