import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

/** The roles a tappable element may take (WAI-ARIA; WeChat's aria-role takes the same words). */
export type TapRole = 'button' | 'link' | 'radio' | 'checkbox' | 'tab' | 'switch';

export interface TapProps {
  role: TapRole;
  className?: string;
  /** The accessible name, when the visible text alone does not say it. */
  label?: string;
  /** For tab: the chosen tab. */
  selected?: boolean;
  /** For radio, checkbox and switch: the chosen one / the ticked ones / on. */
  checked?: boolean;
  disabled?: boolean;
  /** Runs on a tap, and in H5 on Enter or Space when focused. Not called while disabled. */
  onTap: () => void;
}

const state = (on: boolean | undefined): string | undefined => (on === undefined ? undefined : on ? 'true' : 'false');

/**
 * The accessibility attributes of a tappable element (issue 11), for a View of one's own.
 * Values are strings: Taro's H5 View removes an attribute given `false`, so `aria-checked={false}`
 * would vanish and a screen reader would hear no state. In H5 the element also takes the keyboard
 * focus and answers Enter and Space like a button. In the weapp, WeChat reads `aria-role`.
 */
export function tapAttrs(p: Omit<TapProps, 'className'>): Record<string, unknown> {
  const attrs: Record<string, unknown> = {
    // H5 reads `role`; WeChat's 读屏 reads `aria-role` (an unknown ARIA attribute to axe in H5).
    [process.env.TARO_ENV === 'h5' ? 'role' : 'aria-role']: p.role,
    'aria-label': p.label,
    'aria-selected': p.role === 'tab' ? state(Boolean(p.selected)) : undefined,
    'aria-checked': p.role === 'radio' || p.role === 'checkbox' || p.role === 'switch' ? state(Boolean(p.checked)) : undefined,
    'aria-disabled': p.disabled ? 'true' : undefined,
    onClick: () => {
      if (!p.disabled) p.onTap();
    },
  };
  if (process.env.TARO_ENV === 'h5') {
    // Radios and tabs of a group: every one is reachable with Tab (a roving focus would need arrow keys the elderly do not use).
    attrs.tabIndex = 0;
    attrs.onKeyDown = (e: { key?: string; preventDefault?: () => void }) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault?.();
      if (!p.disabled) p.onTap();
    };
  }
  for (const k of Object.keys(attrs)) if (attrs[k] === undefined) delete attrs[k];
  return attrs;
}

/** A View that is a real control: role, accessible name, state, keyboard (issue 11). */
export default function Tap({ className, children, ...p }: PropsWithChildren<TapProps>) {
  // data-* attributes pass through as they are (pages and tests find rows by them).
  const data = Object.fromEntries(Object.entries(p).filter(([k]) => k.startsWith('data-')));
  return (
    <View className={className} {...data} {...tapAttrs(p)}>
      {children}
    </View>
  );
}

/**
 * A button that looks like taro-ui's AtButton (same classes, so the theme and 长辈模式 apply) but is
 * a real button: AtButton renders a plain view with no role, no focus and no disabled state.
 */
export function TapButton({
  type = 'secondary',
  disabled,
  loading,
  label,
  className,
  onTap,
  children,
}: PropsWithChildren<{ type?: 'primary' | 'secondary' | 'danger'; disabled?: boolean; loading?: boolean; label?: string; className?: string; onTap: () => void }>) {
  const kind = type === 'danger' ? 'at-button--primary at-button--danger' : `at-button--${type}`;
  const cls = `at-button at-button--normal ${kind}${disabled ? ' at-button--disabled' : ''}${className ? ` ${className}` : ''}`;
  return (
    <Tap role="button" className={cls} label={label} disabled={disabled || loading} onTap={onTap}>
      <View className="at-button__text">{loading ? '请稍候…' : children}</View>
    </Tap>
  );
}
