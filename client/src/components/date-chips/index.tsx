import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { dateLabel } from '@shared/domain/time';
import MonthGrid from '../month-grid';
import Tap from '../tap';
import { dayChips } from './days';
import './index.scss';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** A second line in words (e.g. 不在岗). */
  note?: string;
  disabled?: boolean;
}

/**
 * One choice among a few, as large chips (issue 11, instead of a wheel picker): a radio group
 * with its name, each chip a radio with its state; the chosen one shows a tick, not only colour.
 */
export function ChoiceChips<T extends string>({ label, options, value, onChange }: { label: string; options: ReadonlyArray<Choice<T>>; value: T | null; onChange: (v: T) => void }) {
  return (
    <View className="chips" role="radiogroup" aria-label={label}>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <Tap key={o.value} className={`chip${on ? ' chip--on' : ''}${o.disabled ? ' chip--disabled' : ''}`} role="radio" checked={on} disabled={o.disabled} label={`${o.label}${o.note ? `,${o.note}` : ''}`} onTap={() => onChange(o.value)}>
            <Text className="chip__name">
              {on ? '✓ ' : ''}
              {o.label}
            </Text>
            {o.note && <Text className="chip__mark">{o.note}</Text>}
          </Tap>
        );
      })}
    </View>
  );
}

/**
 * A date as large chips (今天 / 明天 / 下周一 …) with 其他日期 opening a month grid (issue 11).
 * `today` is the center's today (the caller reads the clock); `min`/`max` bound the choice;
 * `markOf` names a day's kind in words (法定节假日 …) where the page knows the calendar.
 */
export default function DateChips({ label, today, value, onChange, count = 7, from, min, max, markOf }: { label: string; today: string; value: string; onChange: (d: string) => void; count?: number; from?: string; min?: string; max?: string; markOf?: (date: string) => string | null }) {
  const chips = dayChips(today, count, { from, markOf }).filter((c) => (!min || c.date >= min) && (!max || c.date <= max));
  const inChips = chips.some((c) => c.date === value);
  const [grid, setGrid] = useState(false);
  return (
    <View>
      <View className="chips__chosen">
        {label}:{value ? dateLabel(value) : '请选择'}
      </View>
      <View className="chips" role="radiogroup" aria-label={label}>
        {chips.map((c) => {
          const on = c.date === value;
          return (
            <Tap key={c.date} className={`chip${on ? ' chip--on' : ''}`} role="radio" checked={on} label={c.spoken} onTap={() => onChange(c.date)}>
              <Text className="chip__name">
                {on ? '✓ ' : ''}
                {c.name}
              </Text>
              {c.day && <Text className="chip__day">{c.day}</Text>}
              {c.mark && <Text className="chip__mark">{c.mark}</Text>}
            </Tap>
          );
        })}
        <Tap className={`chip${!inChips && value ? ' chip--on' : ''}`} role="radio" checked={!inChips && !!value} label={`其他日期,${grid ? '收起月历' : '打开月历'}${!inChips && value ? `,已选${dateLabel(value)}` : ''}`} onTap={() => setGrid(!grid)}>
          <Text className="chip__name">
            {!inChips && value ? '✓ ' : ''}其他日期
          </Text>
          <Text className="chip__day">{grid ? '收起月历' : '打开月历'}</Text>
        </Tap>
      </View>
      {grid && (
        <MonthGrid
          label={label}
          today={today}
          value={value}
          min={min}
          max={max}
          markOf={markOf}
          onChange={(d) => {
            onChange(d);
            setGrid(false);
          }}
        />
      )}
    </View>
  );
}
