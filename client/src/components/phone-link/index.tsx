import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { tapAttrs } from '../tap';
import './index.scss';

/** Only the digits (and a leading +) a dialler takes: '0571-8888 1234' → '057188881234'. */
export const dialable = (phone: string): string => phone.replace(/[^\d+]/g, '');

/**
 * A phone number a villager can tap to call (issue 11): in the weapp Taro.makePhoneCall opens the
 * dialler; in H5 a real `tel:` link, which the phone's browser hands to its dialler. Its accessible
 * name starts with what is seen and says what it calls: "0571-… 拨打民政窗口电话". A number that is masked or empty is shown as
 * plain text, never as a link that cannot work.
 */
export default function PhoneLink({ phone, what, className }: { phone: string; what?: string; className?: string }) {
  const digits = dialable(phone);
  const cls = `phone-link${className ? ` ${className}` : ''}`;
  if (digits.length < 3 || phone.includes('*')) return <Text className={className}>{phone}</Text>;
  // The visible text first (WCAG 2.5.3: the name contains what is seen), then what it calls.
  const label = `${phone} 拨打${what ?? '电话'}`;
  if (process.env.TARO_ENV === 'h5') {
    // A plain anchor: Taro's H5 build renders host elements as they are.
    return (
      <a className={`${cls} link`} href={`tel:${digits}`} aria-label={label}>
        {phone}
        <span className="phone-link__act">拨打</span>
      </a>
    );
  }
  return (
    <View className={`${cls} link`} {...tapAttrs({ role: 'link', label, onTap: () => void Taro.makePhoneCall({ phoneNumber: digits }).catch(() => null) })}>
      {phone}
      <Text className="phone-link__act">拨打</Text>
    </View>
  );
}
