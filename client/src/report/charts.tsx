import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import RoleGate from '../components/role-gate';
import type { FiguresView } from '@shared/contracts/reports';
import { barWidth, excludedNote, FIGURE_COLUMNS, percentLabel, shortMonth, unrankedNote } from './figures';

/**
 * The month's charts drawn with plain Views (a bar is a View whose width or height is a
 * percentage), so they render the same in the weapp build and in H5 without a chart library.
 * Each chart says in its label that its numbers are in the table that follows it.
 */

export interface RankedRow {
  id: string;
  name: string;
  /** Second line of the row, e.g. the person's window. */
  sub?: string;
  figures: FiguresView;
  rank: number | null;
  /** Marks in words (红旗窗口, 优秀窗口, 排名末位, 约谈…): never colour alone. */
  marks?: string[];
}

const markClass = (mark: string): string => (mark.startsWith('约谈') ? 'tag tag--danger' : mark === '排名末位' ? 'tag tag--warn' : 'tag tag--ok');

/** Horizontal bars of the satisfaction rate, in ranking order; unranked rows after, said why. */
export function RankBars({ title, rows, minRatings }: { title: string; rows: readonly RankedRow[]; minRatings: number }) {
  return (
    <View className="rank-chart" role="img" aria-label={`${title}条形图,各项数字见下表`}>
      {rows.map((r) => (
        <View key={r.id} className="rank-row" data-id={r.id}>
          <View className="rank-row__head">
            <Text className="rank-row__rank">{r.rank === null ? '—' : `第${r.rank}名`}</Text>
            <Text className="rank-row__name">{r.name}</Text>
            {(r.marks ?? []).map((m) => (
              <Text key={m} className={markClass(m)}>
                {m}
              </Text>
            ))}
          </View>
          <View className="rank-row__line">
            <View className="bar-track">
              <View className={`bar-fill${r.rank === null ? ' bar-fill--muted' : ''}`} style={{ width: barWidth(r.figures.satisfactionRate) }} />
            </View>
            <Text className="rank-row__value">
              {r.figures.ratings > 0 ? `${percentLabel(r.figures.satisfactionRate)}(${r.figures.satisfied}/${r.figures.ratings})` : '暂无评价'}
            </Text>
          </View>
          {r.rank === null && r.figures.ratings > 0 && <View className="muted">{unrankedNote(minRatings)}</View>}
        </View>
      ))}
    </View>
  );
}

/** Vertical bars, one per month, of one rate; the y axis marked 0, 50% and 100%. */
export function TrendChart({ title, months, rate }: { title: string; months: ReadonlyArray<{ month: string; figures: FiguresView }>; rate: (f: FiguresView) => number | null }) {
  return (
    <View className="trend" role="img" aria-label={`${title}柱状图,各月数字见下表`}>
      <View className="trend__title">{title}</View>
      <View className="trend__plot">
        <View className="trend__axis">
          <Text>100%</Text>
          <Text>50%</Text>
          <Text>0</Text>
        </View>
        {months.map((m) => {
          const value = rate(m.figures);
          return (
            <View key={m.month} className="trend__col" data-month={m.month}>
              <View className="trend__track">
                <View className="trend__bar" style={{ height: barWidth(value) }} />
              </View>
              <Text className="trend__label">{shortMonth(m.month)}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}

/** Every number of a chart as text: one row per window, person or month; marks in words under the name. */
export function FiguresTable({ caption, first, rows }: { caption: string; first: string; rows: ReadonlyArray<{ key: string; name: string; figures: FiguresView; marks?: readonly string[] }> }) {
  const excluded = rows.reduce((n, r) => n + r.figures.excluded, 0);
  const note = excludedNote(excluded);
  return (
    <View className="rpt-table-wrap">
      <View className="rpt-table" role="table" aria-label={caption}>
        <View className="rpt-table__row rpt-table__row--head" role="row">
          <View className="rpt-table__cell rpt-table__cell--name" role="columnheader">
            {first}
          </View>
          {FIGURE_COLUMNS.map((c) => (
            <View key={c.key} className="rpt-table__cell" role="columnheader">
              {c.label}
            </View>
          ))}
        </View>
        {rows.map((r) => (
          <View key={r.key} className="rpt-table__row" role="row" data-key={r.key}>
            <View className="rpt-table__cell rpt-table__cell--name" role="cell">
              <View className="rpt-table__line">{r.name}</View>
              {(r.marks ?? []).map((m) => (
                <View key={m} className="rpt-table__line rpt-table__mark">
                  {m}
                </View>
              ))}
            </View>
            {FIGURE_COLUMNS.map((c) => (
              <View key={c.key} className="rpt-table__cell" role="cell">
                {c.cell(r.figures).map((line, i) => (
                  <View key={i} className="rpt-table__line">
                    {line}
                  </View>
                ))}
              </View>
            ))}
          </View>
        ))}
      </View>
      {note && <View className="muted">{note}</View>}
    </View>
  );
}

/** The dashboard and the A4 report: the office, the leaders and the admin. */
export function ReportGate({ children }: PropsWithChildren) {
  return (
    <RoleGate roles={['office', 'leader', 'admin']} who="中心管理办公室、带班领导和管理员">
      {children}
    </RoleGate>
  );
}
