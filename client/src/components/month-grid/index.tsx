import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Tap from '../tap';
import { daySpoken, monthOf, monthTitle, monthWeeks, shiftMonth, WEEKDAY_HEADERS } from './weeks';
import './index.scss';

/**
 * A month of days to choose from (issue 11): weekday headers, 上个月/下个月, each day a button
 * named by its full date (and its mark: 法定节假日, 调休上班 … in words), chosen shown by a tick
 * and aria-checked, days outside min/max disabled. `today` comes from the caller's clock.
 */
export default function MonthGrid({ label, today, value, onChange, min, max, markOf, shortMark }: { label: string; today: string; value: string; onChange: (d: string) => void; min?: string; max?: string; markOf?: (date: string) => string | null; shortMark?: (date: string) => string | null }) {
  const [month, setMonth] = useState(monthOf(value || today));
  const weeks = monthWeeks(month);
  return (
    <View className="month-grid">
      <View className="month-grid__bar">
        <Tap className="month-grid__nav" role="button" label={`上月,${monthTitle(shiftMonth(month, -1))}`} onTap={() => setMonth(shiftMonth(month, -1))}>
          ‹ 上月
        </Tap>
        <Text className="month-grid__title">{monthTitle(month)}</Text>
        <Tap className="month-grid__nav" role="button" label={`下月,${monthTitle(shiftMonth(month, 1))}`} onTap={() => setMonth(shiftMonth(month, 1))}>
          下月 ›
        </Tap>
      </View>
      <View className="month-grid__row" aria-hidden="true">
        {WEEKDAY_HEADERS.map((h) => (
          <Text key={h} className="month-grid__head">
            {h}
          </Text>
        ))}
      </View>
      <View role="radiogroup" aria-label={`${label},${monthTitle(month)}`}>
        {weeks.map((w) => (
          <View key={w.find((d) => d) ?? ''} className="month-grid__row">
            {w.map((d, i) => {
              if (!d) return <View key={`e${i}`} className="month-grid__cell month-grid__cell--empty" aria-hidden="true" />;
              const mark = markOf ? markOf(d) : null;
              const short = shortMark ? shortMark(d) : mark ? mark.slice(0, 2) : null;
              const off = (!!min && d < min) || (!!max && d > max);
              const on = d === value;
              return (
                <Tap
                  key={d}
                  className={`month-grid__cell${on ? ' month-grid__cell--on' : ''}${d === today ? ' month-grid__cell--today' : ''}${off ? ' month-grid__cell--off' : ''}`}
                  role="radio"
                  checked={on}
                  disabled={off}
                  label={daySpoken(d, { today, mark })}
                  onTap={() => onChange(d)}
                >
                  <Text>{Number(d.slice(8))}</Text>
                  {/* Chosen: a tick under the number too, not only the fill (never colour alone). */}
                  {(on || short) && <Text className="month-grid__mark">{on ? `✓${short ?? ''}` : short}</Text>}
                </Tap>
              );
            })}
          </View>
        ))}
      </View>
    </View>
  );
}
