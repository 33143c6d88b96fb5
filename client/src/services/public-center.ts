import { useRouter } from '@tarojs/taro';
import { getCenterId, getSession } from './session';

/** A center id as the server issues them (c-baisha): anything else in a link is ignored. */
const CENTER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The center a public page shows (政务公开, 意见征集, the duty roster: R-CAT-4..5, R-DUTY-1; no
 * sign-in needed): the `centerId` of a shared link first, so a link the center posts in a village
 * WeChat group opens its own pages for anyone; else the signed-in person's center; else the one
 * chosen on this phone. null when there is none: the page offers the center list instead of
 * asking the server about nothing. The pages behind it pass it on (`withCenter`).
 */
export function usePublicCenter(): string | null {
  const fromLink = useRouter().params.centerId;
  if (fromLink && CENTER_ID.test(fromLink)) return fromLink;
  return getSession()?.user.centerId ?? getCenterId();
}

/** `url` with the center the page shows, for the public pages behind it. */
export function withCenter(url: string, centerId: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}centerId=${encodeURIComponent(centerId)}`;
}
