export default definePageConfig({ navigationBarTitleText: '预约办理' });
