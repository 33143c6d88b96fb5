export default definePageConfig({ navigationBarTitleText: '登记现场来办' });
