/**
 * Zod's own messages (for problems our schemas do not word themselves, such as an unknown key)
 * in Simplified Chinese, on the client and the server alike (R-UX-1).
 */
import { z } from 'zod';

z.config(z.locales.zhCN());
