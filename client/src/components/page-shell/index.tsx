import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { usePrefs } from '../../services/prefs';

/** Every page's root: applies elderly mode (R-UX-2) with one class. */
export default function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const { elderly } = usePrefs();
  return <View className={`page${elderly ? ' page--elder' : ''}${className ? ` ${className}` : ''}`}>{children}</View>;
}
