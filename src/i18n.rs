//! The widget's own words (pure), in the reader's language: English, Hindi,
//! Urdu, Arabic, Bengali, Tamil, French, Spanish and German. Dates, numbers
//! and relative times are localized by the browser's `Intl`; these are the
//! few labels and messages `Intl` cannot produce. Unknown languages fall back
//! to English. `{}` in a message is replaced by one value.

pub struct Messages {
    pub also_read: &'static str,
    pub tags: &'static str,
    pub recent: &'static str,
    pub by: &'static str,
    pub updated: &'static str,
    pub just_now: &'static str,
    pub loading: &'static str,
    pub loaded: &'static str,
    pub retry: &'static str,
    pub opens_new_tab: &'static str,
    pub err_network: &'static str,
    pub err_timeout: &'static str,
    pub err_not_found: &'static str,
    pub err_client: &'static str,
    pub err_server: &'static str,
    pub err_damaged: &'static str,
    pub err_incomplete: &'static str,
    pub load_more: &'static str,
    pub stories: &'static str,
    pub more_recent: &'static str,
    pub err_more: &'static str,
    pub share: &'static str,
    pub err_not_news: &'static str,
    pub err_offline: &'static str,
    pub err_cors: &'static str,
    pub err_busy: &'static str,
    /// A partner's credit; `{}` is the publisher's name, linked.
    pub from: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
}

pub static EN: Messages = Messages {
    also_read: "Also Read",
    tags: "Tags",
    recent: "Recent Posts",
    by: "By",
    updated: "Updated",
    just_now: "just now",
    loading: "Loading story…",
    loaded: "Loaded: {}",
    retry: "Retry",
    opens_new_tab: "opens in a new tab",
    err_network: "This story could not be loaded. Check your connection and try again.",
    err_timeout: "This story is taking too long to load.",
    err_not_found: "This story could not be found. It may have been moved or removed.",
    err_client: "This story is not available.",
    err_server: "The news server had a problem. Please try again in a moment.",
    err_damaged: "This story could not be shown because its data is damaged.",
    err_incomplete: "This story could not be shown because its data is incomplete ({}).",
    load_more: "Load more",
    stories: "Latest stories",
    more_recent: "More recent posts",
    err_more: "More stories could not be loaded.",
    share: "Share",
    err_not_news: "This address leads to a web page, not to a story or a news feed.",
    err_offline: "You seem to be offline. The story will load when you are back online.",
    err_cors: "This news source does not allow its stories to be shown on this site.",
    err_busy: "The news server is receiving too many requests. Trying again…",
    from: "From {}",
    copied: "Link copied",
    copy_failed: "The link could not be copied",
};

pub static HI: Messages = Messages {
    also_read: "यह भी पढ़ें",
    tags: "टैग",
    recent: "हाल की पोस्ट",
    by: "लेखक",
    updated: "अपडेट",
    just_now: "अभी",
    loading: "ख़बर लोड हो रही है…",
    loaded: "लोड हुआ: {}",
    retry: "फिर से कोशिश करें",
    opens_new_tab: "नए टैब में खुलता है",
    err_network: "यह ख़बर लोड नहीं हो सकी। अपना कनेक्शन जाँचें और फिर से कोशिश करें।",
    err_timeout: "यह ख़बर लोड होने में बहुत समय ले रही है।",
    err_not_found: "यह ख़बर नहीं मिली। हो सकता है इसे हटा दिया गया हो।",
    err_client: "यह ख़बर उपलब्ध नहीं है।",
    err_server: "समाचार सर्वर में समस्या है। कृपया थोड़ी देर में फिर से कोशिश करें।",
    err_damaged: "यह ख़बर दिखाई नहीं जा सकी क्योंकि इसका डेटा ख़राब है।",
    err_incomplete: "यह ख़बर दिखाई नहीं जा सकी क्योंकि इसका डेटा अधूरा है ({})।",
    load_more: "और ख़बरें",
    stories: "ताज़ा ख़बरें",
    more_recent: "और हाल की पोस्ट",
    err_more: "और ख़बरें लोड नहीं हो सकीं।",
    share: "शेयर करें",
    err_not_news: "यह पता किसी वेब पेज का है, किसी ख़बर या न्यूज़ फ़ीड का नहीं।",
    err_offline: "लगता है आप ऑफ़लाइन हैं। इंटरनेट वापस आते ही ख़बर लोड हो जाएगी।",
    err_cors: "यह समाचार स्रोत अपनी ख़बरें इस साइट पर दिखाने की अनुमति नहीं देता।",
    err_busy: "समाचार सर्वर पर इस समय बहुत सारे अनुरोध आ रहे हैं। फिर से कोशिश की जा रही है…",
    from: "स्रोत: {}",
    copied: "लिंक कॉपी हो गया",
    copy_failed: "लिंक कॉपी नहीं हो सका",
};

pub static UR: Messages = Messages {
    also_read: "یہ بھی پڑھیں",
    tags: "ٹیگز",
    recent: "حالیہ پوسٹس",
    by: "از",
    updated: "تازہ کاری",
    just_now: "ابھی",
    loading: "خبر لوڈ ہو رہی ہے…",
    loaded: "لوڈ ہو گئی: {}",
    retry: "دوبارہ کوشش کریں",
    opens_new_tab: "نئے ٹیب میں کھلتا ہے",
    err_network: "یہ خبر لوڈ نہیں ہو سکی۔ اپنا کنکشن چیک کریں اور دوبارہ کوشش کریں۔",
    err_timeout: "یہ خبر لوڈ ہونے میں بہت وقت لے رہی ہے۔",
    err_not_found: "یہ خبر نہیں ملی۔ شاید اسے ہٹا دیا گیا ہے۔",
    err_client: "یہ خبر دستیاب نہیں ہے۔",
    err_server: "نیوز سرور میں مسئلہ ہے۔ براہ کرم کچھ دیر بعد دوبارہ کوشش کریں۔",
    err_damaged: "یہ خبر نہیں دکھائی جا سکی کیونکہ اس کا ڈیٹا خراب ہے۔",
    err_incomplete: "یہ خبر نہیں دکھائی جا سکی کیونکہ اس کا ڈیٹا نامکمل ہے ({})۔",
    load_more: "مزید خبریں",
    stories: "تازہ ترین خبریں",
    more_recent: "مزید حالیہ پوسٹس",
    err_more: "مزید خبریں لوڈ نہیں ہو سکیں۔",
    share: "شیئر کریں",
    err_not_news: "یہ پتا کسی ویب صفحے کا ہے، کسی خبر یا نیوز فیڈ کا نہیں۔",
    err_offline: "لگتا ہے آپ آف لائن ہیں۔ انٹرنیٹ واپس آتے ہی خبر لوڈ ہو جائے گی۔",
    err_cors: "یہ خبری ذریعہ اپنی خبریں اس سائٹ پر دکھانے کی اجازت نہیں دیتا۔",
    err_busy: "نیوز سرور پر اس وقت بہت زیادہ درخواستیں آ رہی ہیں۔ دوبارہ کوشش کی جا رہی ہے…",
    from: "ماخذ: {}",
    copied: "لنک کاپی ہو گیا",
    copy_failed: "لنک کاپی نہیں ہو سکا",
};

pub static FR: Messages = Messages {
    also_read: "À lire aussi",
    tags: "Mots-clés",
    recent: "Articles récents",
    by: "Par",
    updated: "Mis à jour",
    just_now: "à l’instant",
    loading: "Chargement de l’article…",
    loaded: "Chargé : {}",
    retry: "Réessayer",
    opens_new_tab: "s’ouvre dans un nouvel onglet",
    err_network: "Impossible de charger cet article. Vérifiez votre connexion et réessayez.",
    err_timeout: "Le chargement de cet article prend trop de temps.",
    err_not_found: "Cet article est introuvable. Il a peut-être été déplacé ou supprimé.",
    err_client: "Cet article n’est pas disponible.",
    err_server: "Le serveur d’actualités a rencontré un problème. Réessayez dans un instant.",
    err_damaged: "Impossible d’afficher cet article : ses données sont endommagées.",
    err_incomplete: "Impossible d’afficher cet article : ses données sont incomplètes ({}).",
    load_more: "Charger plus",
    stories: "Derniers articles",
    more_recent: "Plus d’articles récents",
    err_more: "Impossible de charger d’autres articles.",
    share: "Partager",
    err_not_news: "Cette adresse mène à une page web, pas à un article ni à un flux d’actualités.",
    err_offline: "Vous semblez hors ligne. L’article se chargera dès que la connexion sera rétablie.",
    err_cors: "Cette source d’actualités n’autorise pas l’affichage de ses articles sur ce site.",
    err_busy: "Le serveur d’actualités reçoit trop de demandes. Nouvelle tentative en cours…",
    from: "Source : {}",
    copied: "Lien copié",
    copy_failed: "Impossible de copier le lien",
};

pub static ES: Messages = Messages {
    also_read: "Lea también",
    tags: "Etiquetas",
    recent: "Publicaciones recientes",
    by: "Por",
    updated: "Actualizado",
    just_now: "ahora mismo",
    loading: "Cargando la noticia…",
    loaded: "Cargado: {}",
    retry: "Reintentar",
    opens_new_tab: "se abre en una pestaña nueva",
    err_network: "No se pudo cargar esta noticia. Compruebe su conexión e inténtelo de nuevo.",
    err_timeout: "Esta noticia está tardando demasiado en cargar.",
    err_not_found: "No se encontró esta noticia. Puede que se haya movido o eliminado.",
    err_client: "Esta noticia no está disponible.",
    err_server: "El servidor de noticias tuvo un problema. Inténtelo de nuevo en un momento.",
    err_damaged: "No se pudo mostrar esta noticia porque sus datos están dañados.",
    err_incomplete: "No se pudo mostrar esta noticia porque sus datos están incompletos ({}).",
    load_more: "Cargar más",
    stories: "Últimas noticias",
    more_recent: "Más publicaciones recientes",
    err_more: "No se pudieron cargar más noticias.",
    share: "Compartir",
    err_not_news: "Esta dirección lleva a una página web, no a una noticia ni a un canal de noticias.",
    err_offline: "Parece que no tiene conexión. La noticia se cargará cuando vuelva a estar en línea.",
    err_cors: "Esta fuente de noticias no permite mostrar sus noticias en este sitio.",
    err_busy: "El servidor de noticias está recibiendo demasiadas solicitudes. Volviendo a intentarlo…",
    from: "Fuente: {}",
    copied: "Enlace copiado",
    copy_failed: "No se pudo copiar el enlace",
};

pub static DE: Messages = Messages {
    also_read: "Lesen Sie auch",
    tags: "Schlagwörter",
    recent: "Neueste Beiträge",
    by: "Von",
    updated: "Aktualisiert",
    just_now: "gerade eben",
    loading: "Artikel wird geladen…",
    loaded: "Geladen: {}",
    retry: "Erneut versuchen",
    opens_new_tab: "öffnet in neuem Tab",
    err_network: "Dieser Artikel konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    err_timeout: "Das Laden dieses Artikels dauert zu lange.",
    err_not_found: "Dieser Artikel wurde nicht gefunden. Vielleicht wurde er verschoben oder entfernt.",
    err_client: "Dieser Artikel ist nicht verfügbar.",
    err_server: "Der Nachrichtenserver hat ein Problem. Bitte versuchen Sie es gleich noch einmal.",
    err_damaged: "Dieser Artikel kann nicht angezeigt werden, weil seine Daten beschädigt sind.",
    err_incomplete: "Dieser Artikel kann nicht angezeigt werden, weil seine Daten unvollständig sind ({}).",
    load_more: "Mehr laden",
    stories: "Neueste Artikel",
    more_recent: "Weitere neue Beiträge",
    err_more: "Weitere Artikel konnten nicht geladen werden.",
    share: "Teilen",
    err_not_news: "Diese Adresse führt zu einer Webseite, nicht zu einem Artikel oder Nachrichten-Feed.",
    err_offline: "Sie scheinen offline zu sein. Der Artikel wird geladen, sobald Sie wieder online sind.",
    err_cors: "Diese Nachrichtenquelle erlaubt nicht, ihre Artikel auf dieser Website anzuzeigen.",
    err_busy: "Der Nachrichtenserver erhält gerade zu viele Anfragen. Neuer Versuch läuft…",
    from: "Quelle: {}",
    copied: "Link kopiert",
    copy_failed: "Der Link konnte nicht kopiert werden",
};

pub static AR: Messages = Messages {
    also_read: "اقرأ أيضًا",
    tags: "الوسوم",
    recent: "أحدث المقالات",
    by: "بقلم",
    updated: "حُدِّث",
    just_now: "الآن",
    loading: "جارٍ تحميل الخبر…",
    loaded: "تم التحميل: {}",
    retry: "أعد المحاولة",
    opens_new_tab: "يُفتح في علامة تبويب جديدة",
    err_network: "تعذّر تحميل هذا الخبر. تحقّق من اتصالك وحاول مرة أخرى.",
    err_timeout: "يستغرق تحميل هذا الخبر وقتًا أطول من المعتاد.",
    err_not_found: "تعذّر العثور على هذا الخبر. ربما نُقل أو حُذف.",
    err_client: "هذا الخبر غير متاح.",
    err_server: "حدثت مشكلة في خادم الأخبار. يُرجى المحاولة بعد قليل.",
    err_damaged: "تعذّر عرض هذا الخبر لأن بياناته تالفة.",
    err_incomplete: "تعذّر عرض هذا الخبر لأن بياناته ناقصة ({}).",
    load_more: "تحميل المزيد",
    stories: "آخر الأخبار",
    more_recent: "المزيد من أحدث المقالات",
    err_more: "تعذّر تحميل المزيد من الأخبار.",
    share: "مشاركة",
    err_not_news: "هذا العنوان يقود إلى صفحة ويب، لا إلى خبر أو موجز أخبار.",
    err_offline: "يبدو أنك غير متصل بالإنترنت. سيُحمَّل الخبر عند عودة الاتصال.",
    err_cors: "لا يسمح مصدر الأخبار هذا بعرض أخباره على هذا الموقع.",
    err_busy: "يتلقى خادم الأخبار طلبات كثيرة جدًا الآن. جارٍ إعادة المحاولة…",
    from: "المصدر: {}",
    copied: "تم نسخ الرابط",
    copy_failed: "تعذّر نسخ الرابط",
};

pub static BN: Messages = Messages {
    also_read: "আরও পড়ুন",
    tags: "ট্যাগ",
    recent: "সাম্প্রতিক পোস্ট",
    by: "লেখক",
    updated: "হালনাগাদ",
    just_now: "এইমাত্র",
    loading: "খবর লোড হচ্ছে…",
    loaded: "লোড হয়েছে: {}",
    retry: "আবার চেষ্টা করুন",
    opens_new_tab: "নতুন ট্যাবে খোলে",
    err_network: "খবরটি লোড করা যায়নি। আপনার ইন্টারনেট সংযোগ দেখে আবার চেষ্টা করুন।",
    err_timeout: "খবরটি লোড হতে অনেক বেশি সময় লাগছে।",
    err_not_found: "খবরটি খুঁজে পাওয়া যায়নি। হয়তো এটি সরিয়ে নেওয়া বা মুছে ফেলা হয়েছে।",
    err_client: "খবরটি এখন পাওয়া যাচ্ছে না।",
    err_server: "সংবাদ সার্ভারে সমস্যা হয়েছে। একটু পরে আবার চেষ্টা করুন।",
    err_damaged: "খবরটি দেখানো যায়নি, কারণ এর তথ্য নষ্ট হয়ে গেছে।",
    err_incomplete: "খবরটি দেখানো যায়নি, কারণ এর তথ্য অসম্পূর্ণ ({})।",
    load_more: "আরও খবর",
    stories: "সর্বশেষ খবর",
    more_recent: "আরও সাম্প্রতিক পোস্ট",
    err_more: "আরও খবর লোড করা যায়নি।",
    share: "শেয়ার করুন",
    err_not_news: "এই ঠিকানাটি একটি ওয়েব পেজের, কোনো খবর বা নিউজ ফিডের নয়।",
    err_offline: "মনে হচ্ছে আপনি অফলাইনে আছেন। আবার অনলাইনে এলেই খবরটি লোড হবে।",
    err_cors: "এই সংবাদ উৎস তাদের খবর এই সাইটে দেখানোর অনুমতি দেয় না।",
    err_busy: "সংবাদ সার্ভারে এই মুহূর্তে অনেক বেশি অনুরোধ আসছে। আবার চেষ্টা করা হচ্ছে…",
    from: "সূত্র: {}",
    copied: "লিংক কপি করা হয়েছে",
    copy_failed: "লিংক কপি করা যায়নি",
};

pub static TA: Messages = Messages {
    also_read: "இதையும் படிக்க",
    tags: "குறிச்சொற்கள்",
    recent: "சமீபத்திய பதிவுகள்",
    by: "எழுதியவர்",
    updated: "புதுப்பிக்கப்பட்டது",
    just_now: "இப்போது",
    loading: "செய்தி ஏற்றப்படுகிறது…",
    loaded: "ஏற்றப்பட்டது: {}",
    retry: "மீண்டும் முயல்க",
    opens_new_tab: "புதிய தாவலில் திறக்கும்",
    err_network: "இந்தச் செய்தியை ஏற்ற முடியவில்லை. உங்கள் இணைய இணைப்பைச் சரிபார்த்து மீண்டும் முயலவும்.",
    err_timeout: "இந்தச் செய்தியை ஏற்ற வழக்கத்தைவிட அதிக நேரம் ஆகிறது.",
    err_not_found: "இந்தச் செய்தி கிடைக்கவில்லை. அது நகர்த்தப்பட்டிருக்கலாம் அல்லது நீக்கப்பட்டிருக்கலாம்.",
    err_client: "இந்தச் செய்தியைத் தற்போது பார்க்க இயலாது.",
    err_server: "செய்திச் சேவையகத்தில் சிக்கல் ஏற்பட்டுள்ளது. சிறிது நேரம் கழித்து மீண்டும் முயலவும்.",
    err_damaged: "இந்தச் செய்தியின் தரவு சேதமடைந்துள்ளதால் அதைக் காட்ட முடியவில்லை.",
    err_incomplete: "இந்தச் செய்தியின் தரவு முழுமையாக இல்லாததால் அதைக் காட்ட முடியவில்லை ({}).",
    load_more: "மேலும் காட்டு",
    stories: "சமீபத்திய செய்திகள்",
    more_recent: "மேலும் சமீபத்திய பதிவுகள்",
    err_more: "மேலும் செய்திகளை ஏற்ற முடியவில்லை.",
    share: "பகிர்",
    err_not_news: "இந்த முகவரி ஓர் இணையப் பக்கத்துக்குச் செல்கிறது; செய்திக்கோ செய்தி ஊட்டத்துக்கோ அல்ல.",
    err_offline: "நீங்கள் இணைப்பில் இல்லை எனத் தெரிகிறது. இணைப்பு திரும்பியதும் செய்தி ஏற்றப்படும்.",
    err_cors: "இந்தச் செய்தி மூலம் தன் செய்திகளை இந்தத் தளத்தில் காட்ட அனுமதிக்கவில்லை.",
    err_busy: "செய்திச் சேவையகத்துக்கு இப்போது மிக அதிகமான கோரிக்கைகள் வருகின்றன. மீண்டும் முயல்கிறது…",
    from: "மூலம்: {}",
    copied: "இணைப்பு நகலெடுக்கப்பட்டது",
    copy_failed: "இணைப்பை நகலெடுக்க முடியவில்லை",
};

/// The primary language subtag, lower-cased (`en-IN` → `en`).
pub fn language(locale: &str) -> String {
    locale.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// The messages for a BCP 47 locale.
pub fn messages(locale: &str) -> &'static Messages {
    match language(locale).as_str() {
        "hi" => &HI,
        "ur" => &UR,
        "ar" => &AR,
        "bn" => &BN,
        "ta" => &TA,
        "fr" => &FR,
        "es" => &ES,
        "de" => &DE,
        _ => &EN,
    }
}

/// Right-to-left scripts among the languages a news page is likely to use.
pub fn is_rtl(locale: &str) -> bool {
    matches!(language(locale).as_str(), "ar" | "ur" | "fa" | "he" | "ps" | "sd" | "ug" | "yi" | "ckb" | "dv")
}

/// A well-formed BCP 47 language tag, in the shape `Intl` accepts: a 2–3 or
/// 5–8 letter language subtag, then 1–8 character alphanumeric subtags.
/// (Passing a malformed tag to `Intl` throws, so we check first.)
pub fn valid_locale(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let Some(lang) = parts.next() else { return false };
    let lang_ok = matches!(lang.len(), 2..=3 | 5..=8) && lang.chars().all(|c| c.is_ascii_alphabetic());
    lang_ok && tag.len() <= 35 && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The locale the widget speaks: `data-locale`, else the article's
/// `language`, else the host page's `lang`, else English.
pub fn pick_locale(attr: Option<&str>, article: Option<&str>, page: Option<&str>) -> String {
    [attr, article, page]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|l| valid_locale(l))
        .unwrap_or("en")
        .replace('_', "-")
}

/// Put one value into a message's `{}`.
pub fn fill(template: &str, value: &str) -> String {
    template.replacen("{}", value, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_variants_use_their_language() {
        assert_eq!(messages("en-IN").also_read, "Also Read");
        assert_eq!(messages("ur-PK").also_read, "یہ بھی پڑھیں");
        assert_eq!(messages("fr_CA").retry, "Réessayer");
        assert_eq!(messages("xx").retry, "Retry");
    }

    #[test]
    fn urdu_and_arabic_are_right_to_left_hindi_is_not() {
        assert!(is_rtl("ur-PK"));
        assert!(is_rtl("ar"));
        assert!(!is_rtl("hi-IN"));
        assert!(!is_rtl("en"));
    }

    /// Every word of a catalogue, by key.
    fn words(m: &Messages) -> [(&'static str, &'static str); 29] {
        [
            ("also_read", m.also_read),
            ("tags", m.tags),
            ("recent", m.recent),
            ("by", m.by),
            ("updated", m.updated),
            ("just_now", m.just_now),
            ("loading", m.loading),
            ("loaded", m.loaded),
            ("retry", m.retry),
            ("opens_new_tab", m.opens_new_tab),
            ("err_network", m.err_network),
            ("err_timeout", m.err_timeout),
            ("err_not_found", m.err_not_found),
            ("err_client", m.err_client),
            ("err_server", m.err_server),
            ("err_damaged", m.err_damaged),
            ("err_incomplete", m.err_incomplete),
            ("load_more", m.load_more),
            ("stories", m.stories),
            ("more_recent", m.more_recent),
            ("err_more", m.err_more),
            ("share", m.share),
            ("err_not_news", m.err_not_news),
            ("err_offline", m.err_offline),
            ("err_cors", m.err_cors),
            ("err_busy", m.err_busy),
            ("from", m.from),
            ("copied", m.copied),
            ("copy_failed", m.copy_failed),
        ]
    }

    const ALL: [(&str, &Messages); 9] =
        [("en", &EN), ("hi", &HI), ("ur", &UR), ("ar", &AR), ("bn", &BN), ("ta", &TA), ("fr", &FR), ("es", &ES), ("de", &DE)];

    #[test]
    fn every_catalogue_has_every_word_and_one_placeholder_exactly_where_english_has_one() {
        for (lang, m) in ALL {
            for ((key, word), (_, en)) in words(m).into_iter().zip(words(&EN)) {
                assert!(!word.trim().is_empty(), "{lang}.{key} is empty");
                assert_eq!(word.matches("{}").count(), en.matches("{}").count(), "{lang}.{key}: placeholders");
                assert!(!word.contains('{') || word.contains("{}"), "{lang}.{key}: a broken placeholder");
            }
        }
        assert_eq!(fill(EN.loaded, "Headline {}"), "Loaded: Headline {}");
    }

    #[test]
    fn each_language_has_its_own_words_in_its_own_script() {
        for (lang, m) in ALL {
            assert!(std::ptr::eq(messages(lang), m), "{lang} picks its catalogue");
            if lang != "en" {
                let same: Vec<&str> = words(m).into_iter().zip(words(&EN)).filter(|((_, w), (_, e))| w == e).map(|((k, _), _)| k).collect();
                assert!(same.is_empty(), "{lang} still says in English: {same:?}");
            }
        }
        let script = |s: &str, lo: u32, hi: u32| s.chars().filter(|c| c.is_alphabetic()).all(|c| (lo..=hi).contains(&(c as u32)));
        assert!(script(AR.recent, 0x600, 0x6ff), "Arabic script");
        assert!(script(BN.recent, 0x980, 0x9ff), "Bengali script");
        assert!(script(TA.recent, 0xb80, 0xbff), "Tamil script");
        assert!(script(UR.recent, 0x600, 0x6ff), "Urdu in Arabic script");
        assert!(script(HI.recent, 0x900, 0x97f), "Hindi in Devanagari");
    }

    #[test]
    fn regional_tags_of_the_new_languages_use_their_language() {
        assert!(std::ptr::eq(messages("ar-EG"), &AR));
        assert!(std::ptr::eq(messages("bn-BD"), &BN));
        assert!(std::ptr::eq(messages("bn_IN"), &BN));
        assert!(std::ptr::eq(messages("ta-LK"), &TA));
        assert!(is_rtl("ar-EG") && !is_rtl("bn") && !is_rtl("ta-IN"));
    }

    #[test]
    fn locale_precedence_is_attribute_then_article_then_page() {
        assert_eq!(pick_locale(Some("fr"), Some("en-IN"), Some("de")), "fr");
        assert_eq!(pick_locale(None, Some("en-IN"), Some("de")), "en-IN");
        assert_eq!(pick_locale(Some("bad tag"), None, Some("de_DE")), "de-DE");
        assert_eq!(pick_locale(None, None, None), "en");
    }
}
