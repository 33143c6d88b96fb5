export default definePageConfig({ navigationBarTitleText: '登记代办群众' });
