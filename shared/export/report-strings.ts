/**
 * The printable report's text in the app's three languages (English, Arabic, Persian), with the BCP 47
 * tag used for its numbers and the writing direction. Terms follow the app's own catalogues
 * (client/i18n). Solver notes and model warnings stay as the planner wrote them (English).
 */

import type { RangeBound } from '../radio/range';
import type { ProfileLabels } from './profile-chart';

/** Languages of the report (the app's). */
export const REPORT_LANGUAGES = ['en', 'ar', 'fa'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** Everything the report writes, in one language. */
export interface ReportStrings {
  lang: ReportLanguage;
  dir: 'ltr' | 'rtl';
  /** Number formatting tag (the app's). */
  numberTag: string;
  /** Between the items of a list. */
  listSeparator: string;
  title: (scenario: string) => string;
  meta: (m: {
    routes: string;
    hotspots: string;
    start: string;
    end: string;
    timezone: string;
    method: string;
    capped: boolean;
  }) => string;
  sections: {
    keyFigures: string;
    profiles: string;
    sites: string;
    unserved: string;
    hotspots: string;
    assumptions: string;
    siteTypes: string;
    linkBudgets: string;
    warnings: string;
    map: string;
  };
  kpi: {
    newSites: string;
    existingUsed: string;
    capexUsd: string;
    lowerBoundUsd: string;
    gap: string;
    served: string;
    unservedMbpsHours: string;
    peakDlMbps: string;
  };
  newSitesByType: (list: string) => string;
  legend: string;
  routeHeading: (r: { name: string; lengthKm: string; sites: string; peakPersons: string }) => string;
  chartTitle: (route: string) => string;
  chart: ProfileLabels;
  siteHead: [string, string, string, string, string, string, string, string, string, string, string, string];
  status: { new: string; existing: string };
  /** Written after a peak utilisation the uplink sets (the busier direction). */
  uplinkMark: string;
  allServed: string;
  unservedHead: [string, string, string, string, string, string, string, string];
  reason: { 'no-coverage': string; capacity: string };
  hotspotHead: [string, string, string, string, string, string];
  assumptionHead: [string, string];
  assumption: {
    horizon: string;
    horizonValue: (start: string, end: string, timezone: string) => string;
    arbaeenDay: string;
    stepSegment: string;
    shares: string;
    dataPerDevice: string;
    dataPerDeviceValue: (mb: string, uplink: string) => string;
    voice: string;
    voiceValue: (mErl: string, blocking: string) => string;
    spacing: string;
    siteTypes: string;
    budget: string;
    maxNewSites: string;
    none: string;
    method: string;
    computeTime: string;
  };
  siteTypeHead: [string, string, string, string, string, string, string, string];
  rangeGiven: (km: string) => string;
  /** A computed range and what sets it (the limiting direction's path loss, the radio horizon, PRACH). */
  rangeComputed: (r: { km: string; bound: RangeBound; link: 'uplink' | 'downlink'; mapl: string }) => string;
  linkBudget: {
    /** Heading of one site type's budgets, naming the direction that limits its range. */
    heading: (siteType: string, limiting: 'uplink' | 'downlink') => string;
    uplink: string;
    downlink: string;
    mapl: string;
  };
  noWarnings: string;
}

const en: ReportStrings = {
  lang: 'en',
  dir: 'ltr',
  numberTag: 'en-US',
  listSeparator: ', ',
  title: (scenario) => `Site plan — ${scenario}`,
  meta: (m) =>
    `routes: ${m.routes}, hotspots: ${m.hotspots}; horizon ${m.start} to ${m.end} (${m.timezone}); method ${m.method}${m.capped ? '; capped by budget or site count' : ''}`,
  sections: {
    keyFigures: 'Key figures',
    profiles: 'Route profiles',
    sites: 'Sites',
    unserved: 'Unserved demand',
    hotspots: 'Hotspots',
    assumptions: 'Assumptions',
    siteTypes: 'Site types',
    linkBudgets: 'Link budgets (lowest carrier of each type)',
    warnings: 'Model validity and warnings',
    map: 'Map',
  },
  kpi: {
    newSites: 'new sites',
    existingUsed: 'existing sites used',
    capexUsd: 'capex, USD',
    lowerBoundUsd: 'lower bound, USD',
    gap: 'optimality gap',
    served: 'demand served',
    unservedMbpsHours: 'unserved, Mbps·h',
    peakDlMbps: 'peak DL, Mbps',
  },
  newSitesByType: (list) => `New sites by type: ${list}.`,
  legend:
    'Orange area: peak persons per km over the horizon; purple line: peak DL demand per km; ▲ red: new site; ● blue: existing site; red band: stretches with unserved demand.',
  routeHeading: (r) =>
    `${r.name} — ${r.lengthKm} km, ${r.sites} sites, up to ${r.peakPersons} persons on the route`,
  chartTitle: (route) => `${route}: peak persons and DL demand per km along the route`,
  chart: { persons: 'peak persons/km', dl: 'peak DL Mbps/km', chainage: 'chainage, km' },
  siteHead: [
    'name',
    'status',
    'type',
    'lon',
    'lat',
    'route / hotspot',
    'km',
    'pole',
    'range km',
    'peak DL Mbps',
    'peak util.',
    'peak at',
  ],
  status: { new: 'new', existing: 'existing' },
  uplinkMark: 'UL',
  allServed: 'All demand is served at every step.',
  unservedHead: ['where', 'km', 'poles', 'from', 'to', 'peak unserved Mbps', 'Mbps·h', 'reason'],
  reason: { 'no-coverage': 'no coverage', capacity: 'capacity' },
  hotspotHead: [
    'hotspot',
    'peak persons',
    'peak DL Mbps',
    'peak at',
    'peak unserved Mbps',
    'unserved Mbps·h',
  ],
  assumptionHead: ['assumption', 'value'],
  assumption: {
    horizon: 'horizon (local, end exclusive)',
    horizonValue: (start, end, timezone) => `${start} to ${end}, ${timezone}`,
    arbaeenDay: 'Arbaeen day',
    stepSegment: 'time step / segment',
    shares: 'phone share × operator share',
    dataPerDevice: 'data per device per day',
    dataPerDeviceValue: (mb, uplink) => `${mb} MB, uplink share ${uplink}`,
    voice: 'voice',
    voiceValue: (mErl, blocking) => `${mErl} mErl per device, blocking ${blocking}`,
    spacing: 'candidate spacing',
    siteTypes: 'site types the planner may place',
    budget: 'budget',
    maxNewSites: 'maximum new sites',
    none: 'none',
    method: 'method',
    computeTime: 'compute time',
  },
  siteTypeHead: [
    'site type',
    'sectors',
    'height m',
    'capex USD',
    'max util.',
    'propagation',
    'range',
    'carriers',
  ],
  rangeGiven: (km) => `${km} km (given)`,
  rangeComputed: ({ km, bound, link, mapl }) =>
    bound === 'path-loss'
      ? `${km} km (${link} path loss, MAPL ${mapl} dB)`
      : `${km} km (${bound === 'prach' ? 'PRACH limit' : 'radio horizon'})`,
  linkBudget: {
    heading: (siteType, limiting) => `${siteType}: the ${limiting} limits the range`,
    uplink: 'Uplink (handset → site)',
    downlink: 'Downlink (site → handset)',
    mapl: 'Maximum allowed path loss (MAPL)',
  },
  noWarnings: 'None: every model ran inside its validity range.',
};

const ar: ReportStrings = {
  lang: 'ar',
  dir: 'rtl',
  numberTag: 'ar-IQ',
  listSeparator: '، ',
  title: (scenario) => `خطة المواقع — ${scenario}`,
  meta: (m) =>
    `المسارات: ${m.routes}؛ نقاط التجمّع: ${m.hotspots}؛ الفترة من ${m.start} إلى ${m.end} (${m.timezone})؛ الطريقة ${m.method}${m.capped ? '؛ مقيَّدة بالميزانية أو بعدد المواقع' : ''}`,
  sections: {
    keyFigures: 'المؤشرات الرئيسية',
    profiles: 'مقاطع المسارات',
    sites: 'المواقع',
    unserved: 'الطلب غير المخدوم',
    hotspots: 'نقاط التجمّع',
    assumptions: 'الافتراضات',
    siteTypes: 'أنواع المواقع',
    linkBudgets: 'ميزانيات الوصلة (أدنى حامل لكل نوع)',
    warnings: 'صلاحية النماذج والتحذيرات',
    map: 'الخريطة',
  },
  kpi: {
    newSites: 'المواقع الجديدة',
    existingUsed: 'المواقع القائمة المستخدمة',
    capexUsd: 'النفقات الرأسمالية، دولار',
    lowerBoundUsd: 'الحد الأدنى، دولار',
    gap: 'فجوة الأمثلية',
    served: 'نسبة الطلب المخدوم',
    unservedMbpsHours: 'غير المخدوم، ميغابت/ث·ساعة',
    peakDlMbps: 'ذروة الطلب الهابط، ميغابت/ث',
  },
  newSitesByType: (list) => `المواقع الجديدة حسب النوع: ${list}.`,
  legend:
    'المساحة البرتقالية: ذروة الأشخاص لكل كم خلال الفترة؛ الخط البنفسجي: ذروة الطلب الهابط لكل كم؛ ▲ أحمر: موقع جديد؛ ● أزرق: موقع قائم؛ الشريط الأحمر: مقاطع فيها طلب غير مخدوم.',
  routeHeading: (r) =>
    `${r.name} — ${r.lengthKm} كم؛ المواقع: ${r.sites}؛ ذروة الأشخاص على المسار: ${r.peakPersons}`,
  chartTitle: (route) => `${route}: ذروة الأشخاص والطلب الهابط لكل كم على طول المسار`,
  chart: {
    persons: 'ذروة الأشخاص/كم',
    dl: 'ذروة الطلب الهابط ميغابت/ث/كم',
    chainage: 'المسافة على المسار، كم',
  },
  siteHead: [
    'الاسم',
    'الحالة',
    'النوع',
    'خط الطول',
    'خط العرض',
    'المسار / نقطة التجمّع',
    'كم',
    'العمود',
    'المدى كم',
    'ذروة الهابط ميغابت/ث',
    'ذروة الاستخدام',
    'وقت الذروة',
  ],
  status: { new: 'جديد', existing: 'قائم' },
  uplinkMark: 'صاعد',
  allServed: 'الطلب كله مخدوم في كل خطوة زمنية.',
  unservedHead: [
    'المكان',
    'كم',
    'الأعمدة',
    'من',
    'إلى',
    'ذروة غير المخدوم ميغابت/ث',
    'ميغابت/ث·ساعة',
    'السبب',
  ],
  reason: { 'no-coverage': 'لا تغطية', capacity: 'السعة' },
  hotspotHead: [
    'نقطة التجمّع',
    'ذروة الأشخاص',
    'ذروة الهابط ميغابت/ث',
    'وقت الذروة',
    'ذروة غير المخدوم ميغابت/ث',
    'غير المخدوم ميغابت/ث·ساعة',
  ],
  assumptionHead: ['الافتراض', 'القيمة'],
  assumption: {
    horizon: 'الفترة (بالتوقيت المحلي، النهاية غير مشمولة)',
    horizonValue: (start, end, timezone) => `من ${start} إلى ${end}، ${timezone}`,
    arbaeenDay: 'يوم الأربعين',
    stepSegment: 'الخطوة الزمنية / المقطع',
    shares: 'نسبة حاملي الهواتف × حصة المشغّل',
    dataPerDevice: 'البيانات لكل جهاز يومياً',
    dataPerDeviceValue: (mb, uplink) => `${mb} ميغابايت، حصة الصاعد ${uplink}`,
    voice: 'الصوت',
    voiceValue: (mErl, blocking) => `${mErl} ملّي إرلانغ لكل جهاز، احتمال الحجب ${blocking}`,
    spacing: 'المسافة بين المواقع المرشّحة',
    siteTypes: 'أنواع المواقع التي يمكن للمخطِّط وضعها',
    budget: 'الميزانية',
    maxNewSites: 'الحد الأقصى للمواقع الجديدة',
    none: 'لا يوجد',
    method: 'الطريقة',
    computeTime: 'زمن الحساب',
  },
  siteTypeHead: [
    'نوع الموقع',
    'القطاعات',
    'الارتفاع م',
    'النفقات الرأسمالية دولار',
    'أقصى استخدام',
    'الانتشار',
    'المدى',
    'الحوامل',
  ],
  rangeGiven: (km) => `${km} كم (معطى)`,
  rangeComputed: ({ km, bound, link, mapl }) =>
    bound === 'path-loss'
      ? `${km} كم (فقد المسار في الاتجاه ${link === 'uplink' ? 'الصاعد' : 'الهابط'}، أقصى فقد مسموح ${mapl} ديسيبل)`
      : `${km} كم (${bound === 'prach' ? 'حدّ PRACH' : 'الأفق الراديوي'})`,
  linkBudget: {
    heading: (siteType, limiting) =>
      `${siteType}: الاتجاه ${limiting === 'uplink' ? 'الصاعد' : 'الهابط'} يحدّ المدى`,
    uplink: 'الاتجاه الصاعد (الجهاز ← الموقع)',
    downlink: 'الاتجاه الهابط (الموقع ← الجهاز)',
    mapl: 'أقصى فقد مسار مسموح (MAPL)',
  },
  noWarnings: 'لا شيء: عملت النماذج كلها ضمن نطاق صلاحيتها.',
};

const fa: ReportStrings = {
  lang: 'fa',
  dir: 'rtl',
  numberTag: 'fa-IR',
  listSeparator: '، ',
  title: (scenario) => `برنامهٔ سایت‌ها — ${scenario}`,
  meta: (m) =>
    `${m.routes} مسیر، ${m.hotspots} نقطهٔ تجمع؛ بازه از ${m.start} تا ${m.end} (${m.timezone})؛ روش ${m.method}${m.capped ? '؛ محدود به بودجه یا تعداد سایت' : ''}`,
  sections: {
    keyFigures: 'شاخص‌های کلیدی',
    profiles: 'نیم‌رخ مسیرها',
    sites: 'سایت‌ها',
    unserved: 'تقاضای بدون سرویس',
    hotspots: 'نقاط تجمع',
    assumptions: 'فرض‌ها',
    siteTypes: 'انواع سایت',
    linkBudgets: 'بودجه‌های لینک (پایین‌ترین حامل هر نوع)',
    warnings: 'اعتبار مدل‌ها و هشدارها',
    map: 'نقشه',
  },
  kpi: {
    newSites: 'سایت‌های جدید',
    existingUsed: 'سایت‌های موجودِ به‌کاررفته',
    capexUsd: 'هزینهٔ سرمایه‌ای، دلار',
    lowerBoundUsd: 'کران پایین، دلار',
    gap: 'شکاف بهینگی',
    served: 'سهم سرویس‌داده‌شده',
    unservedMbpsHours: 'بدون سرویس، مگابیت/ث·ساعت',
    peakDlMbps: 'بیشینهٔ تقاضای فروسو، مگابیت/ث',
  },
  newSitesByType: (list) => `سایت‌های جدید به تفکیک نوع: ${list}.`,
  legend:
    'ناحیهٔ نارنجی: بیشینهٔ افراد در هر کیلومتر در طول بازه؛ خط بنفش: بیشینهٔ تقاضای فروسو در هر کیلومتر؛ ▲ قرمز: سایت جدید؛ ● آبی: سایت موجود؛ نوار قرمز: بخش‌هایی با تقاضای بدون سرویس.',
  routeHeading: (r) => `${r.name} — ${r.lengthKm} کیلومتر، ${r.sites} سایت، تا ${r.peakPersons} نفر روی مسیر`,
  chartTitle: (route) => `${route}: بیشینهٔ افراد و تقاضای فروسو در هر کیلومتر در طول مسیر`,
  chart: {
    persons: 'بیشینهٔ افراد/کیلومتر',
    dl: 'بیشینهٔ فروسو مگابیت/ث/کیلومتر',
    chainage: 'فاصله در طول مسیر، کیلومتر',
  },
  siteHead: [
    'نام',
    'وضعیت',
    'نوع',
    'طول جغرافیایی',
    'عرض جغرافیایی',
    'مسیر / نقطهٔ تجمع',
    'کیلومتر',
    'تیر',
    'برد کیلومتر',
    'بیشینهٔ فروسو مگابیت/ث',
    'بیشینهٔ بهره‌وری',
    'زمان بیشینه',
  ],
  status: { new: 'جدید', existing: 'موجود' },
  uplinkMark: 'فراسو',
  allServed: 'همهٔ تقاضا در هر گام زمانی سرویس می‌گیرد.',
  unservedHead: ['محل', 'کیلومتر', 'تیرها', 'از', 'تا', 'بیشینهٔ بدون سرویس مگابیت/ث', 'مگابیت/ث·ساعت', 'علت'],
  reason: { 'no-coverage': 'بدون پوشش', capacity: 'ظرفیت' },
  hotspotHead: [
    'نقطهٔ تجمع',
    'بیشینهٔ افراد',
    'بیشینهٔ فروسو مگابیت/ث',
    'زمان بیشینه',
    'بیشینهٔ بدون سرویس مگابیت/ث',
    'بدون سرویس مگابیت/ث·ساعت',
  ],
  assumptionHead: ['فرض', 'مقدار'],
  assumption: {
    horizon: 'بازه (به وقت محلی، بدون خودِ پایان)',
    horizonValue: (start, end, timezone) => `از ${start} تا ${end}، ${timezone}`,
    arbaeenDay: 'روز اربعین',
    stepSegment: 'گام زمانی / بخش',
    shares: 'سهم دارندگان تلفن × سهم اپراتور',
    dataPerDevice: 'دادهٔ هر دستگاه در روز',
    dataPerDeviceValue: (mb, uplink) => `${mb} مگابایت، سهم فراسو ${uplink}`,
    voice: 'صدا',
    voiceValue: (mErl, blocking) => `${mErl} میلی‌ارلنگ برای هر دستگاه، احتمال انسداد ${blocking}`,
    spacing: 'فاصلهٔ سایت‌های نامزد',
    siteTypes: 'انواع سایتی که برنامه‌ریز می‌تواند بگذارد',
    budget: 'بودجه',
    maxNewSites: 'بیشینهٔ سایت‌های جدید',
    none: 'ندارد',
    method: 'روش',
    computeTime: 'زمان محاسبه',
  },
  siteTypeHead: [
    'نوع سایت',
    'سکتورها',
    'ارتفاع متر',
    'هزینهٔ سرمایه‌ای دلار',
    'بیشینهٔ بهره‌وری',
    'انتشار',
    'برد',
    'حامل‌ها',
  ],
  rangeGiven: (km) => `${km} کیلومتر (داده‌شده)`,
  rangeComputed: ({ km, bound, link, mapl }) =>
    bound === 'path-loss'
      ? `${km} کیلومتر (افت مسیر ${link === 'uplink' ? 'فراسو' : 'فروسو'}، بیشینهٔ افت مجاز ${mapl} دسی‌بل)`
      : `${km} کیلومتر (${bound === 'prach' ? 'حد PRACH' : 'افق رادیویی'})`,
  linkBudget: {
    heading: (siteType, limiting) =>
      `${siteType}: ${limiting === 'uplink' ? 'فراسو' : 'فروسو'} بُرد را محدود می‌کند`,
    uplink: 'فراسو (گوشی ← سایت)',
    downlink: 'فروسو (سایت ← گوشی)',
    mapl: 'بیشینهٔ افت مسیر مجاز (MAPL)',
  },
  noWarnings: 'هیچ: همهٔ مدل‌ها درون بازهٔ اعتبار خود اجرا شدند.',
};

/** The report's text in each language. */
export const REPORT_STRINGS: Readonly<Record<ReportLanguage, ReportStrings>> = { en, ar, fa };
