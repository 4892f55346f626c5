/**
 * The sentences of the plan's notes in the app's three languages. `{name}` is filled from the note's
 * values; `{name:one|other}` (English) writes the number with the noun in its singular or plural form.
 * Model names (Hata, 38.901 …), MILP and LP stay in Latin script, as RF engineers write them.
 */
import type { NoteUnit } from './note';

/** English: the text the CLI, the API's `warnings` and the tests read. */
export const NOTES_EN = {
  capBinds:
    'the cap binds: serving all the servable demand needs at least US$ {capexUsd} and {newSites} new sites',
  lostDemand: '{mbpsHours} Mbps·h exceed what every candidate together can serve; the plan serves the rest',
  lpIntegral: 'the LP relaxation’s solution is integral and serves every step: optimal',
  componentByWindows:
    'component ({units} units) solved in {windows:window|windows} ({exact} exact) and an LP bound',
  largeComponentByWindows:
    'large component ({units} units) solved in {windows:window|windows} ({exact} exact) and an LP bound',
  windowsNotRepaired: 'repair could not make the window plans serve everything',
  windowPlanNotRepaired: 'the window plan could not be repaired',
  reoptimised:
    're-optimised {solved:window|windows} with the plan around them, {improved} cheaper (US$ {savedUsd} less)',
  boundUnfinished: 'the LP bound of the large component did not finish in its time',
  greedyFallback: 'greedy fallback: {reason}',
  milpNoPlan: 'the MILP found no plan',
  milpNoSolution: 'the MILP found no solution in the time limit',
  milpNodeLimit: 'MILP stopped at its node limit',
  milpTimeLimit: 'MILP stopped at the time limit',
  milpTimeBeforeWork:
    'MILP stopped at the time limit before its work limit (another machine may plan differently)',
  rowsTimeLimit: 'time limit reached during row generation',
  rowsRoundLimit: 'row generation stopped at its round limit',
  solverFailedKeptGreedy: 'the solver failed ({message}); kept the greedy plan',
  solverFailedKeptBest: 'the solver failed ({message}); kept the best plan found',
  capped: 'budget or site cap binds: served the most demand (Mbps·h) within it, then the least capex',
  cappedModelTooLarge:
    '{unitSteps} segment-steps with demand are too many for the capped model (limit {limit})',
  cappedCeiling:
    'of the demand candidates can reach, a plan within it could leave at best {mbpsHours} Mbps·h unserved (proven bound from capacity per dollar)',
  cappedServiceOptimal: 'no plan within it serves more (proven)',
  cappedServiceBound:
    'of the demand candidates can reach, a plan within it could leave at best {bound} Mbps·h unserved, this one leaves {unserved} (proven bound)',
  mostServiceMilpStopped: 'the most-service MILP stopped at its work or time limit',
  mostServiceByDiving: 'most service by LP diving (model too large for the MILP)',
  leastCapexMilpStopped: 'the least-capex MILP stopped at its work or time limit',
  leastCapexByClosing: 'least capex by closing sites one by one',
  timeGuard: 'a solve reached the {seconds} s time guard: another run may plan differently',
  outsideFreq: '{model}: {value} is outside {range}; extrapolating',
  outsideTxHeight: '{model}: base height {value} is outside {range}; extrapolating',
  otherTxHeight:
    '{model}: base height {value} differs from the {expected} the model was derived for; extrapolating',
  outsideRxHeight: '{model}: mobile height {value} is outside {range}; extrapolating',
  outsideDistance: '{model}: distance {value} is outside {range}; extrapolating',
  siteType: '{name} ({id}): {note}',
  uplinkLimitsLoad:
    'the uplink limits its load to {usableMbps} Mbps DL at an uplink share of {uplinkPercent} % (the downlink alone would allow {dlOnlyMbps})',
} as const;

/** Which sentence a note is. */
export type NoteKey = keyof typeof NOTES_EN;

const NOTES_AR: Record<NoteKey, string> = {
  capBinds:
    'القيد ملزِم: خدمة كل الطلب القابل للخدمة تحتاج إلى {capexUsd} دولار على الأقل وإلى ما لا يقل عن {newSites} من المواقع الجديدة',
  lostDemand: '{mbpsHours} ميغابت/ث·ساعة تتجاوز ما تستطيع المواقع المرشحة كلها معاً خدمته؛ الخطة تخدم الباقي',
  lpIntegral: 'حلّ الاسترخاء الخطي (LP) صحيح ويخدم كل خطوة زمنية: الخطة مُثلى',
  componentByWindows: 'مكوّن ({units} وحدة) حُلّ في نوافذ عددها {windows} ({exact} منها بدقة) مع حدّ أدنى من LP',
  largeComponentByWindows:
    'مكوّن كبير ({units} وحدة) حُلّ في نوافذ عددها {windows} ({exact} منها بدقة) مع حدّ أدنى من LP',
  windowsNotRepaired: 'لم يتمكن الإصلاح من جعل خطط النوافذ تخدم كل الطلب',
  windowPlanNotRepaired: 'تعذّر إصلاح خطة النوافذ',
  reoptimised:
    'أُعيد تحسين {solved} من النوافذ مع الخطة المحيطة بها، {improved} منها صارت أرخص (أقل بـ {savedUsd} دولار)',
  boundUnfinished: 'لم يكتمل الحدّ الأدنى من LP للمكوّن الكبير في الوقت المخصص له',
  greedyFallback: 'البديل الجشع (greedy): {reason}',
  milpNoPlan: 'لم يجد MILP أي خطة',
  milpNoSolution: 'لم يجد MILP أي حلّ ضمن الحدّ الزمني',
  milpNodeLimit: 'توقّف MILP عند حدّ العُقد',
  milpTimeLimit: 'توقّف MILP عند الحدّ الزمني',
  milpTimeBeforeWork: 'توقّف MILP عند الحدّ الزمني قبل حدّ العمل (قد يخطط جهاز آخر بشكل مختلف)',
  rowsTimeLimit: 'بُلغ الحدّ الزمني أثناء توليد القيود',
  rowsRoundLimit: 'توقّف توليد القيود عند حدّ الجولات',
  solverFailedKeptGreedy: 'فشل المُحلِّل ({message})؛ أُبقيت الخطة الجشعة',
  solverFailedKeptBest: 'فشل المُحلِّل ({message})؛ أُبقيت أفضل خطة وُجدت',
  capped:
    'الميزانية أو الحدّ الأقصى للمواقع ملزِم: خُدم أكبر قدر من الطلب (ميغابت/ث·ساعة) ضمنه، ثم بأقل نفقات رأسمالية',
  cappedModelTooLarge:
    '{unitSteps} من أزواج (مقطع، خطوة) ذات الطلب أكثر مما يحتمله النموذج المقيَّد (الحدّ {limit})',
  cappedCeiling:
    'من الطلب الذي تبلغه المواقع المرشحة، لا يمكن لأي خطة ضمن القيد أن تترك أقل من {mbpsHours} ميغابت/ث·ساعة دون خدمة (حدّ مُثبَت من السعة لكل دولار)',
  cappedServiceOptimal: 'لا توجد خطة ضمن القيد تخدم أكثر (مُثبَت)',
  cappedServiceBound:
    'من الطلب الذي تبلغه المواقع المرشحة، لا يمكن لأي خطة ضمن القيد أن تترك أقل من {bound} ميغابت/ث·ساعة دون خدمة، وهذه تترك {unserved} (حدّ مُثبَت)',
  mostServiceMilpStopped: 'توقّف MILP أكبر خدمة عند حدّ العمل أو الحدّ الزمني',
  mostServiceByDiving: 'أكبر خدمة بالغوص في LP (نموذج MILP أكبر من أن يُحلّ)',
  leastCapexMilpStopped: 'توقّف MILP أقل نفقات رأسمالية عند حدّ العمل أو الحدّ الزمني',
  leastCapexByClosing: 'أقل نفقات رأسمالية بإغلاق المواقع واحداً تلو الآخر',
  timeGuard: 'بلغ أحد الحلول حدّ الأمان الزمني ({seconds} ث): قد يخطط تشغيل آخر بشكل مختلف',
  outsideFreq: '{model}: {value} خارج المجال {range}؛ استقراء',
  outsideTxHeight: '{model}: ارتفاع المحطة {value} خارج المجال {range}؛ استقراء',
  otherTxHeight: '{model}: ارتفاع المحطة {value} يختلف عن {expected} الذي اشتُق له النموذج؛ استقراء',
  outsideRxHeight: '{model}: ارتفاع الجهاز المحمول {value} خارج المجال {range}؛ استقراء',
  outsideDistance: '{model}: المسافة {value} خارج المجال {range}؛ استقراء',
  siteType: '{name} ({id}): {note}',
  uplinkLimitsLoad:
    'الاتجاه الصاعد يحدّ حمله بـ {usableMbps} ميغابت/ث هابطة عند حصة صاعدة {uplinkPercent} ٪ (الاتجاه الهابط وحده يسمح بـ {dlOnlyMbps})',
};

const NOTES_FA: Record<NoteKey, string> = {
  capBinds:
    'سقف محدودکننده است: سرویس به همهٔ تقاضای قابل‌سرویس دست‌کم {capexUsd} دلار و {newSites} سایت جدید لازم دارد',
  lostDemand: '{mbpsHours} مگابیت/ثانیه·ساعت از توان همهٔ نامزدها با هم بیشتر است؛ طرح بقیه را سرویس می‌دهد',
  lpIntegral: 'جواب آزادسازی خطی (LP) صحیح است و همهٔ گام‌های زمانی را سرویس می‌دهد: بهینه',
  componentByWindows: 'مؤلفه ({units} واحد) در {windows} پنجره ({exact} دقیق) و با کران LP حل شد',
  largeComponentByWindows: 'مؤلفهٔ بزرگ ({units} واحد) در {windows} پنجره ({exact} دقیق) و با کران LP حل شد',
  windowsNotRepaired: 'ترمیم نتوانست طرح‌های پنجره‌ها را به سرویس کامل برساند',
  windowPlanNotRepaired: 'طرح پنجره‌ها ترمیم‌پذیر نبود',
  reoptimised: '{solved} پنجره با طرحِ پیرامونشان دوباره بهینه شد، {improved} ارزان‌تر ({savedUsd} دلار کمتر)',
  boundUnfinished: 'کران LP مؤلفهٔ بزرگ در زمان خود تمام نشد',
  greedyFallback: 'جایگزین حریصانه (greedy): {reason}',
  milpNoPlan: 'MILP هیچ طرحی نیافت',
  milpNoSolution: 'MILP در حد زمانی جوابی نیافت',
  milpNodeLimit: 'MILP در حد گره‌هایش متوقف شد',
  milpTimeLimit: 'MILP در حد زمانی متوقف شد',
  milpTimeBeforeWork: 'MILP پیش از حد کارش در حد زمانی متوقف شد (رایانهٔ دیگری ممکن است طرح دیگری بدهد)',
  rowsTimeLimit: 'حد زمانی در حین تولید سطرها فرا رسید',
  rowsRoundLimit: 'تولید سطرها در حد دورهایش متوقف شد',
  solverFailedKeptGreedy: 'حل‌کننده شکست خورد ({message})؛ طرح حریصانه نگه داشته شد',
  solverFailedKeptBest: 'حل‌کننده شکست خورد ({message})؛ بهترین طرح یافته‌شده نگه داشته شد',
  capped:
    'بودجه یا سقف تعداد سایت محدودکننده است: بیشترین تقاضای ممکن (مگابیت/ثانیه·ساعت) در آن سرویس شد، سپس با کمترین هزینهٔ سرمایه‌ای',
  cappedModelTooLarge: '{unitSteps} جفت (قطعه، گام) دارای تقاضا برای مدل سقف‌دار بیش از حد است (حد {limit})',
  cappedCeiling:
    'از تقاضایی که نامزدها به آن می‌رسند، هر طرحی در این سقف دست‌کم {mbpsHours} مگابیت/ثانیه·ساعت را بی‌سرویس می‌گذارد (کران اثبات‌شده از ظرفیت به ازای هر دلار)',
  cappedServiceOptimal: 'هیچ طرحی در این سقف بیشتر سرویس نمی‌دهد (اثبات‌شده)',
  cappedServiceBound:
    'از تقاضایی که نامزدها به آن می‌رسند، هر طرحی در این سقف دست‌کم {bound} مگابیت/ثانیه·ساعت را بی‌سرویس می‌گذارد و این طرح {unserved} را (کران اثبات‌شده)',
  mostServiceMilpStopped: 'MILP بیشترین سرویس در حد کار یا زمان متوقف شد',
  mostServiceByDiving: 'بیشترین سرویس با غواصی LP (مدل برای MILP بیش از حد بزرگ است)',
  leastCapexMilpStopped: 'MILP کمترین هزینهٔ سرمایه‌ای در حد کار یا زمان متوقف شد',
  leastCapexByClosing: 'کمترین هزینهٔ سرمایه‌ای با بستن سایت‌ها یکی‌یکی',
  timeGuard: 'یکی از حل‌ها به حد محافظ زمانی {seconds} ثانیه رسید: اجرای دیگری ممکن است طرح دیگری بدهد',
  outsideFreq: '{model}: {value} بیرون از بازهٔ {range} است؛ برون‌یابی',
  outsideTxHeight: '{model}: ارتفاع ایستگاه {value} بیرون از بازهٔ {range} است؛ برون‌یابی',
  otherTxHeight:
    '{model}: ارتفاع ایستگاه {value} با {expected} که مدل برای آن به دست آمده فرق دارد؛ برون‌یابی',
  outsideRxHeight: '{model}: ارتفاع گوشی {value} بیرون از بازهٔ {range} است؛ برون‌یابی',
  outsideDistance: '{model}: فاصلهٔ {value} بیرون از بازهٔ {range} است؛ برون‌یابی',
  siteType: '{name} ({id}): {note}',
  uplinkLimitsLoad:
    'فراسو بار آن را به {usableMbps} مگابیت/ثانیه فروسو محدود می‌کند، با سهم فراسوی {uplinkPercent} درصد (فروسو به‌تنهایی {dlOnlyMbps} را روا می‌دارد)',
};

/** Languages notes are written in (the app's). */
export const NOTE_LANGUAGES = ['en', 'ar', 'fa'] as const;
export type NoteLanguage = (typeof NOTE_LANGUAGES)[number];

/** One language's sentences, unit words and number-formatting tag. */
export interface NoteCatalogue {
  tag: string;
  sentences: Record<NoteKey, string>;
  units: Record<NoteUnit, string>;
}

/** The sentences per language. */
export const NOTE_CATALOGUES: Readonly<Record<NoteLanguage, NoteCatalogue>> = {
  en: { tag: 'en-US', sentences: NOTES_EN, units: { MHz: 'MHz', GHz: 'GHz', m: 'm', km: 'km' } },
  ar: { tag: 'ar-IQ', sentences: NOTES_AR, units: { MHz: 'ميغاهرتز', GHz: 'غيغاهرتز', m: 'م', km: 'كم' } },
  fa: {
    tag: 'fa-IR',
    sentences: NOTES_FA,
    units: { MHz: 'مگاهرتز', GHz: 'گیگاهرتز', m: 'متر', km: 'کیلومتر' },
  },
};
