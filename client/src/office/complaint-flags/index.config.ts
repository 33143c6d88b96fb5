export default definePageConfig({ navigationBarTitleText: '投诉警示' });
