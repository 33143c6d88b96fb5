import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { WindowRowView } from '@shared/contracts/reports';
import { monthLabel } from '@shared/domain/duty';
import { HONOUR_LABELS, INTERVIEW_LABEL, monthsEndingWith } from '@shared/domain/report';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { reportsApi } from '../../services/fn/reports';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import { FiguresTable, RankBars, ReportGate, TrendChart } from '../charts';
import { excludedNote, percentLabel, tableRow, thresholdsText } from '../figures';
import '../report.scss';
import Tap, { TapButton } from '../../components/tap';

/** How many recent months the tabs offer (the trend shows twelve). */
const TAB_MONTHS = 6;

/**
 * 月度服务评价 (R-RATE-3): the month's picture for the office, the leaders and the admin — the
 * center's figures, 红旗窗口 / 优秀窗口 / 约谈 in words, the windows' and the staff's ranking bars,
 * and the 12-month trend; every chart followed by its table. Opens on the current month.
 */
function Dashboard() {
  const role = getSession()?.user.role;
  const [chosen, setChosen] = useState<string | null>(null);
  const res = useLoad(() => reportsApi.month(chosen ? { month: chosen } : {}), chosen ?? 'current');
  const m = res.data;
  const trend = useLoad(async () => (m ? reportsApi.trend({ month: m.month }) : null), m?.month ?? '');
  if (!m) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const t = m.thresholds;
  const c = m.center;
  const named = (pred: (w: WindowRowView) => boolean) => m.windows.filter(pred).map((w) => w.name);
  const redFlags = named((w) => w.honour === 'red_flag');
  const excellent = named((w) => w.honour === 'excellent');
  const interview = named((w) => w.interview);
  const bottom = named((w) => w.bottom && !w.interview);
  const list = (names: string[]) => (names.length > 0 ? names.join('、') : '无');
  const excluded = excludedNote(c.excluded);
  return (
    <PageShell>
      <View className="muted">您好!这里是本中心每月的好差评、按期办结和投诉情况,供中心管理办公室和领导研判;每张图下都有同样数字的表格。</View>
      <View className="day-tabs">
        {monthsEndingWith(m.thisMonth, TAB_MONTHS)
          .reverse()
          .map((mm) => (
            <Tap role="radio" checked={mm === m.month} label={monthLabel(mm)} onTap={() => setChosen(mm)} key={mm} className={`day-tab${mm === m.month ? ' day-tab--on' : ''}`}>
              {monthLabel(mm)}
            </Tap>
          ))}
      </View>
      {res.loading && <StateView loading />}

      <View className="card rpt-summary">
        <View className="title">{m.monthLabel}全中心</View>
        {m.current && <View className="muted para">本月尚未结束,数字还会变化。</View>}
        <View className="rpt-summary__line">
          满意率 {percentLabel(c.satisfactionRate)}(满意{c.satisfied}条 / 评价{c.ratings}条)
        </View>
        <View className="rpt-summary__line">
          差评 {c.bad} 条,已整改 {c.rectified} 条(整改率 {percentLabel(c.rectificationRate)})
        </View>
        <View className="rpt-summary__line">
          办结 {c.completed} 件,按期 {c.onTime} 件(按期办结率 {percentLabel(c.onTimeRate)})
        </View>
        <View className="rpt-summary__line">经查属实的投诉 {c.substantiated} 件</View>
        {excluded && <View className="muted">{excluded}</View>}
      </View>

      <View className="card">
        <View className="title">评比结果</View>
        <View className="rpt-verdict">
          {HONOUR_LABELS.red_flag}:{list(redFlags)}
        </View>
        <View className="rpt-verdict">
          {HONOUR_LABELS.excellent}:{list(excellent)}
        </View>
        <View className="rpt-verdict">
          {INTERVIEW_LABEL}(连续两个月排名末位):{list(interview)}
        </View>
        {bottom.length > 0 && <View className="rpt-verdict">本月排名末位(首次):{list(bottom)}</View>}
        <View className="muted">{thresholdsText(t)}</View>
      </View>

      <View className="card">
        <View className="title">各窗口满意率排名</View>
        <RankBars title="各窗口满意率排名" minRatings={t.minRatings} rows={m.windows} />
        <FiguresTable caption={`${m.monthLabel}各窗口数字`} first="窗口" rows={m.windows.map(tableRow)} />
      </View>

      <View className="card">
        <View className="title">工作人员满意率排名</View>
        <View className="muted para">一件事项的评价同时计入承办人和首问责任人(两人不同时)。</View>
        <RankBars title="工作人员满意率排名" minRatings={t.minRatings} rows={m.staff.map((s) => ({ ...s, name: s.windowName ? `${s.name}(${s.windowName})` : s.name }))} />
        <FiguresTable caption={`${m.monthLabel}工作人员数字`} first="工作人员" rows={m.staff.map(tableRow)} />
      </View>

      <View className="card">
        <View className="title">近12个月趋势</View>
        <StateView loading={trend.loading && !trend.data} error={trend.error} onRetry={trend.reload} next={trend.next} />
        {trend.data && (
          <View>
            <TrendChart title="满意率" months={trend.data.months} rate={(f) => f.satisfactionRate} />
            <TrendChart title="按期办结率" months={trend.data.months} rate={(f) => f.onTimeRate} />
            <FiguresTable caption="近12个月全中心数字" first="月份" rows={trend.data.months.map((x) => ({ key: x.month, name: x.label, figures: x.figures }))} />
          </View>
        )}
      </View>

      <View className="stack">
        <TapButton type="primary" onTap={() => void Taro.navigateTo({ url: `/report/print/index?month=${m.month}` })}>
          打印{m.monthLabel}月报(A4)
        </TapButton>
        {role === 'office' && (
          <TapButton onTap={() => void Taro.navigateTo({ url: `/report/export/index?month=${m.month}` })}>
            导出{m.monthLabel}数据(CSV表格)
          </TapButton>
        )}
        {role === 'admin' && (
          <TapButton onTap={() => void Taro.navigateTo({ url: '/report/thresholds/index' })}>
            红旗、优秀窗口评比标准
          </TapButton>
        )}
      </View>
    </PageShell>
  );
}

export default function Page() {
  return (
    <ReportGate>
      <Dashboard />
    </ReportGate>
  );
}
