/** The port through which subscribe messages leave; the dispatcher treats a throw as "not sent". */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export interface WechatSender {
  send(message: SubscribeMessage): Promise<void>;
}
