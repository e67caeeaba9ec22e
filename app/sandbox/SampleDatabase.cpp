#include "SampleDatabase.h"

#include "SampleSites.h"

#include <QDate>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QtDebug>

#include <atomic>
#include <charconv>

namespace Sandbox {

namespace {

// ---------------------------------------------------------------------------------------------
// Connections

// A serial rather than the QThread pointer: pointers are reused once a thread has ended, which
// would hand a new thread a connection that belongs to a dead one.
quint64 threadSerial()
{
    static std::atomic<quint64> counter{0};
    thread_local const quint64 serial = ++counter;
    return serial;
}

QStringList &threadConnections()
{
    thread_local QStringList names;
    return names;
}

QString connectionName(const SampleSite &site, const QString &catalogue)
{
    return QStringLiteral("halo-sandbox/%1/%2/%3").arg(threadSerial()).arg(site.guid, catalogue);
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

class Dice
{
public:
    explicit Dice(quint32 seed)
        : m_rng(seed)
    {}
    int below(int n) { return int(m_rng.bounded(quint32(n))); }
    int between(int low, int high) { return low + below(high - low + 1); } // inclusive
    bool chance(int percent) { return below(100) < percent; }
    template <typename T, size_t N> const T &pick(const T (&items)[N])
    {
        return items[below(int(N))];
    }
    // `make` runs only after the coin toss: argument evaluation order is unspecified in C++,
    // and the data must come out the same with every compiler.
    template <typename Make> QVariant maybe(int percent, Make make)
    {
        return chance(percent) ? QVariant(make()) : QVariant();
    }
    QString digits(int count)
    {
        QString text(count, QLatin1Char('0'));
        for (int i = 0; i < count; ++i)
            text[i] = QLatin1Char(char('0' + below(10)));
        return text;
    }

private:
    QRandomGenerator m_rng;
};

QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

// Hand-formatted: QString::asprintf costs more than the rest of a row.
char *twoDigits(char *out, int value)
{
    *out++ = char('0' + value / 10 % 10);
    *out++ = char('0' + value % 10);
    return out;
}

char *dateDigits(char *out, const QDate &date)
{
    out = twoDigits(out, date.year() / 100);
    out = twoDigits(out, date.year() % 100);
    *out++ = '-';
    out = twoDigits(out, date.month());
    *out++ = '-';
    return twoDigits(out, date.day());
}

QString isoDate(const QDate &date)
{
    char text[10];
    dateDigits(text, date);
    return QString::fromLatin1(text, sizeof(text));
}

QString isoDateTime(const QDate &date, int hour, int minute, int second)
{
    char text[19];
    char *out = dateDigits(text, date);
    *out++ = 'T';
    out = twoDigits(out, hour);
    *out++ = ':';
    out = twoDigits(out, minute);
    *out++ = ':';
    twoDigits(out, second);
    return QString::fromLatin1(text, sizeof(text));
}

// A moment between 07:00 and 18:59 on `day`, one draw per statement.
QString workingTime(Dice &dice, const QDate &day)
{
    const int hour = dice.between(7, 18);
    const int minute = dice.below(60);
    const int second = dice.below(60);
    return isoDateTime(day, hour, minute, second);
}

QDate randomDate(Dice &dice, const QDate &from, const QDate &to)
{
    return from.addDays(dice.below(int(from.daysTo(to)) + 1));
}

// Whole cents held in a REAL: the nearest double to the two-decimal value.
double cents(int amount)
{
    return amount / 100.0;
}

QVariant orNull(bool present, const QVariant &value)
{
    return present ? value : QVariant();
}

// ---------------------------------------------------------------------------------------------
// Synthetic Australian identifiers (check digits valid, numbers invented)

QString medicareNumber(Dice &dice)
{
    static const int weights[] = {1, 3, 7, 9, 1, 3, 7, 9};
    QString number = QString::number(dice.between(2, 6));
    number += dice.digits(7);
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += number.at(i).digitValue() * weights[i];
    number += QString::number(sum % 10);
    return number + QString::number(dice.between(1, 9)); // issue number
}

QString luhnCompleted(const QString &body)
{
    int sum = 0;
    bool doubleIt = true; // the digit next to the check digit is doubled
    for (qsizetype i = body.size() - 1; i >= 0; --i) {
        int digit = body.at(i).digitValue();
        if (doubleIt)
            digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
        sum += digit;
        doubleIt = !doubleIt;
    }
    return body + QString::number((10 - sum % 10) % 10);
}

QString individualHealthcareIdentifier(Dice &dice)
{
    return luhnCompleted(QStringLiteral("800360") + dice.digits(9));
}

QString dvaNumber(Dice &dice)
{
    static const char *const states[] = {"N", "V", "Q", "W", "S", "T"};
    QString number = utf8(dice.pick(states)) + QStringLiteral("X");
    number += dice.digits(6);
    if (dice.chance(30))
        number += QLatin1Char(char('A' + dice.below(26)));
    return number;
}

QString providerNumber(Dice &dice)
{
    static const int weights[] = {3, 5, 8, 4, 2, 1};
    static const char locations[] = "0123456789ABCDEFGHJKLMNPQRTUVWXY";
    static const char checks[] = "YXWTLKJHFBA";
    QString stem = QString::number(dice.between(1, 9));
    stem += dice.digits(5);
    const int location = dice.below(int(sizeof(locations)) - 1);
    int sum = location * 6;
    for (int i = 0; i < 6; ++i)
        sum += stem.at(i).digitValue() * weights[i];
    return stem + QLatin1Char(locations[location]) + QLatin1Char(checks[sum % 11]);
}

QString australianBusinessNumber(Dice &dice)
{
    static const int weights[] = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
    for (;;) {
        const QString tail = dice.digits(9);
        for (int prefix = 10; prefix <= 99; ++prefix) {
            const QString abn = QString::number(prefix) + tail;
            int sum = 0;
            for (int i = 0; i < 11; ++i)
                sum += (abn.at(i).digitValue() - (i == 0 ? 1 : 0)) * weights[i];
            if (sum % 89 == 0)
                return abn.left(2) + QLatin1Char(' ') + abn.mid(2, 3) + QLatin1Char(' ') +
                       abn.mid(5, 3) + QLatin1Char(' ') + abn.mid(8, 3);
        }
    }
}

QString mobileNumber(Dice &dice)
{
    // One draw per statement: argument evaluation order is unspecified, the data must not be.
    QString number = QStringLiteral("04") + dice.digits(2);
    number += QLatin1Char(' ') + dice.digits(3);
    return number + QLatin1Char(' ') + dice.digits(3);
}

// "Zoë O'Brien" -> "zoe", "obrien": for e-mail addresses.
QString asciiLetters(const QString &text)
{
    QString result;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.unicode() < 128 && c.isLetter())
            result += c.toLower();
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// Word lists (all synthetic combinations; suburbs, states and postcodes are real places)

struct Suburb {
    const char *name;
    const char *state;
    const char *postcode;
    const char *areaCode;
};

const Suburb kSuburbs[] = {
    {"Manly", "NSW", "2095", "02"},
    {"Parramatta", "NSW", "2150", "02"},
    {"Newtown", "NSW", "2042", "02"},
    {"Wollongong", "NSW", "2500", "02"},
    {"Newcastle", "NSW", "2300", "02"},
    {"Fitzroy", "VIC", "3065", "03"},
    {"Geelong", "VIC", "3220", "03"},
    {"Ballarat", "VIC", "3350", "03"},
    {"Brunswick", "VIC", "3056", "03"},
    {"Southbank", "VIC", "3006", "03"},
    {"Fortitude Valley", "QLD", "4006", "07"},
    {"Cairns", "QLD", "4870", "07"},
    {"Toowoomba", "QLD", "4350", "07"},
    {"Townsville", "QLD", "4810", "07"},
    {"Fremantle", "WA", "6160", "08"},
    {"Joondalup", "WA", "6027", "08"},
    {"Broome", "WA", "6725", "08"},
    {"Glenelg", "SA", "5045", "08"},
    {"Mount Gambier", "SA", "5290", "08"},
    {"Sandy Bay", "TAS", "7005", "03"},
    {"Launceston", "TAS", "7250", "03"},
    {"Braddon", "ACT", "2612", "02"},
    {"Belconnen", "ACT", "2617", "02"},
    {"Darwin City", "NT", "0800", "08"},
    {"Alice Springs", "NT", "0870", "08"},
};

const char *const kStreets[] = {
    "George Street", "Pitt Street",     "Church Street",    "King Street",     "Queen Street",
    "Victoria Road", "Beach Road",      "Station Street",   "Bay Parade",      "Wattle Avenue",
    "Banksia Close", "Jacaranda Drive", "O'Connell Street", "High Street",     "Main Road",
    "Ocean Parade",  "Railway Terrace", "Gum Tree Lane",    "Acacia Crescent", "Hill Street",
};

const char *const kFemaleNames[] = {
    "Olivia",  "Charlotte", "Amelia", "Isla",  "Mia",    "Ava",    "Grace",  "Chloé",
    "Zoë",     "Siobhán",   "Mai",    "Priya", "Aroha",  "Fatima", "Hannah", "Ruby",
    "Matilda", "Sophie",    "Emily",  "Ngọc",  "Harper", "Evie",   "Willow", "Ana",
};

const char *const kMaleNames[] = {
    "Jack",   "Oliver", "William", "Noah",   "Thomas",   "Lachlan", "James", "Liam",
    "Ethan",  "Lucas",  "José",    "Łukasz", "Mohammed", "Arjun",   "Minh",  "Hamish",
    "Cooper", "Kai",    "Henry",   "Darcy",  "Finn",     "Rafael",  "Tane",  "Wei",
};

// No "Smith" here: the Smiths are placed at fixed ids so searches have known answers.
const char *const kSurnames[] = {
    "Williams",     "Brown",     "Jones",    "Taylor",      "Wilson",   "Johnson",  "White",
    "Martin",       "Anderson",  "Thompson", "Nguyen",      "Nguyễn",   "Walker",   "Harris",
    "Ryan",         "Kelly",     "Murphy",   "O'Brien",     "O'Connor", "D'Souza",  "Campbell",
    "Stewart",      "MacDonald", "Robinson", "Ólafsdóttir", "Müller",   "Chen",     "Wang",
    "Kim",          "Tran",      "Le",       "Patel",       "Singh",    "Kowalski", "Papadopoulos",
    "van der Berg", "King",      "Wright",   "Mitchell",    "Young",    "Hughes",   "Edwards",
    "Green",        "Scott",     "Baker",    "Lee",         "Clarke",   "Nakamura", "Te Whare",
};

const char *const kMiddleNames[] = {"Anne", "Marie", "Louise", "James", "John", "Lee",
                                    "Rose", "Jane",  "Thi",    "Văn",   "Kaur", "Michael"};

const char *const kNotes[] = {
    "Prefers morning appointments.",
    "Needs interpreter (Vietnamese).\nBook double appointment.",
    "Goes by \"Bob\" – ask before using full name.",
    "Wheelchair access required.\tRamp at rear entrance.",
    "Reminder: annual skin check due 🙂",
    "Carer: daughter (\"Kate\") – consent on file.\r\nCall after 3 pm.",
    "Do not send SMS reminders; email only.",
    "Line one\nLine two\nLine three",
    "Backslash in path C:\\Scans\\2024\\ref.pdf kept on purpose.",
    "Says it's \"fine\" to leave voicemail.",
};

const char *const kReasons[] = {
    "Repeat prescription",
    "Follow-up: blood results",
    "Skin check",
    "Childhood immunisation",
    "Flu vaccine",
    "Care plan review",
    "Back pain",
    "Pre-employment medical",
    "Telehealth – mental health",
    "Wound dressing",
    "Sore throat & cough",
    "Driver's licence medical",
};

const char *const kDentalReasons[] = {
    "Check-up & clean",   "Filling",    "Root canal – stage 2", "Crown fit", "Emergency: toothache",
    "Orthodontic review", "Extraction", "Child's first visit",
};

const char *const kSubstances[] = {
    "Penicillin",         "Amoxicillin", "Sulfonamides", "Peanut",
    "Shellfish",          "Latex",       "Codeine",      "Aspirin",
    "Ibuprofen",          "Bee venom",   "Egg",          "Cow's milk protein",
    "Tree nuts",          "Cephalexin",  "Morphine",     "Sesame",
    "Iodinated contrast",
};

const char *const kReactions[] = {
    "Hives",
    "Anaphylaxis",
    "Rash",
    "Nausea",
    "Swelling of lips\nand tongue",
    "Wheeze",
    "Itchy \"burning\" eyes",
    "Vomiting",
};

// ---------------------------------------------------------------------------------------------
// Filling

struct Filler {
    QSqlDatabase db;
    const SampleSite &site;
    Dice dice;
    QString error;

    bool run(const QString &sql)
    {
        QSqlQuery query(db);
        if (!query.exec(sql) && error.isEmpty())
            error = query.lastError().text() + QStringLiteral(" in: ") + sql.left(200);
        return error.isEmpty();
    }

    // Multi-row INSERTs with literal values, a few hundred rows per statement. Measured against
    // one prepared INSERT per row: QSqlQuery's per-value binding made a site take ~85 ms instead
    // of ~60 ms. The values are our own, so quoting them is safe.
    class Inserter
    {
    public:
        Inserter(Filler *filler, const QString &table)
            : m_filler(filler)
            , m_head(QStringLiteral("INSERT INTO %1 VALUES ").arg(table))
        {}
        Inserter(const Inserter &) = delete;
        Inserter &operator=(const Inserter &) = delete;
        ~Inserter() { flush(); }

        void row(const QVariantList &values)
        {
            m_sql += m_rows == 0 ? m_head : QStringLiteral(",");
            m_sql += QLatin1Char('(');
            for (qsizetype i = 0; i < values.size(); ++i) {
                if (i > 0)
                    m_sql += QLatin1Char(',');
                appendLiteral(values.at(i));
            }
            m_sql += QLatin1Char(')');
            if (++m_rows == 200)
                flush();
        }

    private:
        void appendLiteral(const QVariant &value);
        void appendQuoted(QStringView text);
        void flush()
        {
            if (m_rows > 0)
                m_filler->run(m_sql);
            m_sql.truncate(0); // keeps the capacity for the next batch
            m_rows = 0;
        }

        Filler *m_filler;
        QString m_head;
        QString m_sql;
        int m_rows = 0;
    };

    bool isDental() const { return site.pmsType == QLatin1String("D4w"); }

    void catalogueInfo(const QString &name, const QString &description)
    {
        run(QStringLiteral("CREATE TABLE catalogue_info(name TEXT, description TEXT)"));
        Inserter(this, QStringLiteral("catalogue_info")).row({name, description});
    }

    void fillDefault(const QString &catalogue);
    void practice();
    void practitioners();
    void patients();
    QVariantList richPatient();
    QVariantList patient(int id);
    void appointments();
    void allergies();
    void storedProcedures();
    void drugs();
    void auditLog();
    void genericNotes();
};

void Filler::Inserter::appendLiteral(const QVariant &value)
{
    char number[32];
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        m_sql += QLatin1String("NULL");
        return;
    case QMetaType::Int:
    case QMetaType::LongLong: {
        const auto result = std::to_chars(number, number + sizeof(number), value.toLongLong());
        m_sql += QLatin1String(number, result.ptr - number);
        return;
    }
    case QMetaType::Double: {
        const auto result = std::to_chars(number, number + sizeof(number), value.toDouble());
        m_sql += QLatin1String(number, result.ptr - number); // shortest round-trip form
        return;
    }
    case QMetaType::QString:
        appendQuoted(*static_cast<const QString *>(value.constData()));
        return;
    default:
        appendQuoted(value.toString());
        return;
    }
}

void Filler::Inserter::appendQuoted(QStringView text)
{
    m_sql += QLatin1Char('\'');
    for (qsizetype from = 0;;) {
        const qsizetype quote = text.indexOf(QLatin1Char('\''), from);
        if (quote < 0) {
            m_sql += text.mid(from);
            break;
        }
        m_sql += text.mid(from, quote + 1 - from);
        m_sql += QLatin1Char('\''); // doubled
        from = quote + 1;
    }
    m_sql += QLatin1Char('\'');
}

const int kPatients = 2000;
const int kPractitioners = 25;
const int kAppointments = 5000;
const int kAllergies = 800;
// Appointments before this day are in the past; fixed so every run is the same.
const QDate kToday(2026, 11, 1);

void Filler::fillDefault(const QString &catalogue)
{
    run(QStringLiteral(
        "CREATE TABLE practice(id INTEGER PRIMARY KEY, name TEXT, abn TEXT, address_line1 TEXT, "
        "suburb TEXT, state TEXT, postcode TEXT, phone TEXT, email TEXT)"));
    run(QStringLiteral(
        "CREATE TABLE practitioners(id INTEGER PRIMARY KEY, title TEXT, first_name TEXT, "
        "surname TEXT, provider_no TEXT, prescriber_no TEXT NULL, specialty TEXT, "
        "email TEXT NULL, gender TEXT, is_active INTEGER)"));
    run(QStringLiteral(
        "CREATE TABLE patients(id INTEGER PRIMARY KEY, title TEXT NULL, first_name TEXT, "
        "middle_name TEXT NULL, surname TEXT, preferred_name TEXT NULL, date_of_birth TEXT, "
        "sex TEXT, medicare_no TEXT NULL, medicare_irn INTEGER NULL, ihi TEXT NULL, "
        "dva_no TEXT NULL, address_line1 TEXT NULL, address_line2 TEXT NULL, suburb TEXT NULL, "
        "state TEXT NULL, postcode TEXT NULL, phone_mobile TEXT NULL, email TEXT NULL, "
        "indigenous_status TEXT NULL, notes TEXT NULL, balance REAL, is_active INTEGER, "
        "usual_practitioner_id INTEGER NULL, created_at TEXT)"));
    run(QStringLiteral(
        "CREATE TABLE appointments(id INTEGER PRIMARY KEY, patient_id INTEGER, "
        "practitioner_id INTEGER, start_time TEXT, duration_min INTEGER, status TEXT, "
        "reason TEXT NULL, fee REAL NULL)"));
    run(QStringLiteral(
        "CREATE TABLE allergies(id INTEGER PRIMARY KEY, patient_id INTEGER, substance TEXT, "
        "reaction TEXT NULL, severity TEXT NULL, criticality TEXT, recorded_date TEXT)"));
    run(QStringLiteral("CREATE TABLE stored_procedures(name TEXT PRIMARY KEY, sql TEXT)"));
    catalogueInfo(
        catalogue,
        QStringLiteral("Synthetic practice data for %1 (%2)").arg(site.practiceName, site.pmsName));
    practice();
    practitioners();
    patients();
    appointments();
    allergies();
    storedProcedures();
}

void Filler::practice()
{
    const Suburb &where = kSuburbs[site.dataSeed % (sizeof(kSuburbs) / sizeof(kSuburbs[0]))];
    const QString street =
        QStringLiteral("%1 %2").arg(dice.between(1, 240)).arg(utf8(dice.pick(kStreets)));
    QString phone = QStringLiteral("(%1) ").arg(utf8(where.areaCode));
    phone += QString::number(dice.between(3, 9));
    phone += dice.digits(3);
    phone += QLatin1Char(' ') + dice.digits(4);
    QString slug = site.practiceName.toLower();
    slug.remove(QLatin1Char(' '));
    Inserter(this, QStringLiteral("practice"))
        .row({1, site.practiceName, australianBusinessNumber(dice), street, utf8(where.name),
              utf8(where.state), utf8(where.postcode), phone,
              QStringLiteral("reception@%1.example.com").arg(slug)});
}

void Filler::practitioners()
{
    static const char *const medical[] = {"General Practice", "General Practice",
                                          "General Practice", "Practice Nurse",
                                          "Women's Health",   "Skin Cancer Medicine"};
    static const char *const dental[] = {"General Dentistry", "General Dentistry",
                                         "Dental Hygienist",  "Orthodontics",
                                         "Oral Surgery",      "Dental Therapist"};
    Inserter insert(this, QStringLiteral("practitioners"));
    for (int id = 1; id <= kPractitioners; ++id) {
        const bool female = dice.chance(55);
        const QString first = utf8(female ? dice.pick(kFemaleNames) : dice.pick(kMaleNames));
        const QString surname = utf8(dice.pick(kSurnames));
        const QString specialty = utf8(isDental() ? dice.pick(dental) : dice.pick(medical));
        const bool doctor = !specialty.contains(QLatin1String("Nurse")) &&
                            !specialty.contains(QLatin1String("Hygienist")) &&
                            !specialty.contains(QLatin1String("Therapist"));
        const QString title =
            doctor ? QStringLiteral("Dr") : (female ? QStringLiteral("Ms") : QStringLiteral("Mr"));
        const QString email = asciiLetters(first) + QLatin1Char('.') + asciiLetters(surname) +
                              QStringLiteral("@staff.example.com");
        insert.row({id, title, first, surname, providerNumber(dice), orNull(doctor, dice.digits(7)),
                    specialty, orNull(dice.chance(80), email),
                    female ? QStringLiteral("F") : QStringLiteral("M"),
                    id > kPractitioners - 2 ? 0 : 1});
    }
}

// Patient 1: every optional field set, awkward characters included, allergies added later.
QVariantList Filler::richPatient()
{
    return {1,
            QStringLiteral("Mrs"),
            utf8("Zoë"),
            QStringLiteral("Mai"),
            QStringLiteral("O'Brien"),
            QStringLiteral("Zo"),
            QStringLiteral("1984-02-29"),
            QStringLiteral("F"),
            QStringLiteral("2953172071"),
            2,
            QStringLiteral("8003608833357361"),
            QStringLiteral("QX901533"),
            QStringLiteral("Unit 4, 12 O'Connell Street"),
            QStringLiteral("Rear entrance \"B\""),
            QStringLiteral("Manly"),
            QStringLiteral("NSW"),
            QStringLiteral("2095"),
            QStringLiteral("0412 345 678"),
            QStringLiteral("zoe.obrien@example.com"),
            QStringLiteral("1"),
            utf8("Prefers morning appointments.\nHusband \"Dave\" is emergency contact.\t"
                 "Mobile preferred.\nCarries an adrenaline autoinjector 🙂"),
            cents(3750),
            1,
            1,
            QStringLiteral("2012-07-03T09:14:27")};
}

QVariantList Filler::patient(int id)
{
    if (id == 1)
        return richPatient();
    bool female = dice.chance(52);
    QString first = utf8(female ? dice.pick(kFemaleNames) : dice.pick(kMaleNames));
    QString surname = utf8(dice.pick(kSurnames));
    QVariant middle = dice.maybe(45, [&] { return utf8(dice.pick(kMiddleNames)); });
    QVariant preferred;
    if (id % 400 == 2) {
        surname = QStringLiteral("Smith");
    } else if (id == 7) {
        first = utf8("花子");
        surname = utf8("山田");
        female = true;
    } else if (id == 17) {
        first = QStringLiteral("Robert \"Bob\""); // nickname typed into the name field
        surname = QStringLiteral("D'Souza");
        preferred = QStringLiteral("Bob");
        female = false;
    } else if (id == 23) {
        first = utf8("Guðrún");
        surname = utf8("Ólafsdóttir");
        female = true;
    }
    if (preferred.isNull() && dice.chance(12))
        preferred = first.left(3);

    const QDate born = randomDate(dice, QDate(1930, 1, 1), QDate(2024, 6, 30));
    const int sexRoll = dice.below(100);
    const QVariant sex = sexRoll < 2 ? QVariant()
                         : sexRoll < 3
                             ? QVariant(QStringLiteral("X"))
                             : QVariant(female ? QStringLiteral("F") : QStringLiteral("M"));
    QVariant title;
    if (dice.chance(80) && born.year() < 2006)
        title = female ? utf8(dice.chance(50) ? "Ms" : "Mrs") : QStringLiteral("Mr");
    const bool hasMedicare = dice.chance(90);
    const bool hasAddress = dice.chance(97);
    const Suburb &where = dice.pick(kSuburbs);
    const QString local = asciiLetters(first.section(QLatin1Char(' '), 0, 0)) + QLatin1Char('.') +
                          asciiLetters(surname);
    const QString email = (local.size() > 1 ? local : QStringLiteral("patient")) +
                          QString::number(id) + QStringLiteral("@example.com");
    static const char *const indigenous[] = {"4", "4", "4", "4", "1", "2", "3", "9"};
    const int balanceRoll = dice.below(100);
    const double balance = balanceRoll < 60   ? 0.0
                           : balanceRoll < 90 ? cents(dice.between(500, 25000))
                                              : -cents(dice.between(100, 15000));
    const QDate created = randomDate(dice, QDate(2010, 1, 1), QDate(2026, 10, 31));

    return {
        id,
        title,
        first,
        middle,
        surname,
        preferred,
        isoDate(born),
        sex,
        orNull(hasMedicare, medicareNumber(dice)),
        orNull(hasMedicare, dice.between(1, 5)),
        dice.maybe(75, [&] { return individualHealthcareIdentifier(dice); }),
        dice.maybe(4, [&] { return dvaNumber(dice); }),
        orNull(hasAddress,
               QStringLiteral("%1 %2").arg(dice.between(1, 400)).arg(utf8(dice.pick(kStreets)))),
        hasAddress
            ? dice.maybe(15, [&] { return QStringLiteral("Unit %1").arg(dice.between(1, 30)); })
            : QVariant(),
        orNull(hasAddress, utf8(where.name)),
        orNull(hasAddress, utf8(where.state)),
        orNull(hasAddress, utf8(where.postcode)),
        dice.maybe(90, [&] { return mobileNumber(dice); }),
        orNull(dice.chance(70), email),
        dice.maybe(60, [&] { return utf8(dice.pick(indigenous)); }),
        dice.maybe(30, [&] { return utf8(dice.pick(kNotes)); }),
        balance,
        dice.chance(92) ? 1 : 0,
        dice.maybe(85, [&] { return dice.between(1, kPractitioners); }),
        workingTime(dice, created)};
}

void Filler::patients()
{
    Inserter insert(this, QStringLiteral("patients"));
    for (int id = 1; id <= kPatients; ++id)
        insert.row(patient(id));
}

void Filler::appointments()
{
    static const int durations[] = {15, 15, 15, 30, 30, 45, 60};
    static const int fees[] = {0, 0, 4140, 8010, 9500, 12050, 13500, 21000};
    Inserter insert(this, QStringLiteral("appointments"));
    for (int id = 1; id <= kAppointments; ++id) {
        QDate day = randomDate(dice, QDate(2024, 1, 1), QDate(2027, 12, 31));
        if (day.dayOfWeek() == 7)
            day = day.addDays(1);        // closed on Sundays
        const int slot = dice.below(40); // 08:00 to 17:45
        const bool past = day < kToday;
        const int roll = dice.below(100);
        QString status;
        QVariant fee;
        if (past) {
            status = roll < 84   ? QStringLiteral("Completed")
                     : roll < 94 ? QStringLiteral("Cancelled")
                                 : QStringLiteral("DNA");
            if (status == QLatin1String("Completed"))
                fee = dice.chance(2) ? -cents(dice.between(500, 5000)) : cents(dice.pick(fees));
            else if (status == QLatin1String("DNA"))
                fee = cents(dice.chance(50) ? 0 : 3500);
        } else {
            status = roll < 90 ? QStringLiteral("Booked") : QStringLiteral("Cancelled");
        }
        const QString reason = utf8(isDental() ? dice.pick(kDentalReasons) : dice.pick(kReasons));
        insert.row({id, dice.between(1, kPatients), dice.between(1, kPractitioners - 2),
                    isoDateTime(day, 8 + slot / 4, (slot % 4) * 15, 0), dice.pick(durations),
                    status, orNull(dice.chance(75), reason), fee});
    }
}

void Filler::allergies()
{
    static const char *const severities[] = {"mild", "mild", "moderate", "moderate", "severe"};
    static const char *const criticalities[] = {"low", "low",  "low",  "low",  "low",
                                                "low", "high", "high", "high", "unable-to-assess"};
    Inserter insert(this, QStringLiteral("allergies"));
    insert.row({1, 1, QStringLiteral("Penicillin"), QStringLiteral("Anaphylaxis"),
                QStringLiteral("severe"), QStringLiteral("high"), QStringLiteral("1999-06-14")});
    insert.row({2, 1, QStringLiteral("Peanut"), QStringLiteral("Hives"), QStringLiteral("moderate"),
                QStringLiteral("high"), QStringLiteral("2008-11-02")});
    insert.row({3, 1, QStringLiteral("Latex"), QVariant(), QVariant(),
                QStringLiteral("unable-to-assess"), QStringLiteral("2019-03-21")});
    for (int id = 4; id <= kAllergies; ++id) {
        insert.row({id, dice.between(2, kPatients), utf8(dice.pick(kSubstances)),
                    dice.maybe(85, [&] { return utf8(dice.pick(kReactions)); }),
                    dice.maybe(80, [&] { return utf8(dice.pick(severities)); }),
                    utf8(dice.pick(criticalities)),
                    isoDate(randomDate(dice, QDate(2005, 1, 1), QDate(2026, 10, 31)))});
    }
}

void Filler::storedProcedures()
{
    Inserter insert(this, QStringLiteral("stored_procedures"));
    insert.row({QStringLiteral("GetPatientsBySurname"),
                QStringLiteral("SELECT id, first_name, surname, date_of_birth FROM patients "
                               "WHERE surname = @surname ORDER BY id")});
    insert.row({QStringLiteral("CountActivePatients"),
                QStringLiteral("SELECT COUNT(*) AS active_patients FROM patients "
                               "WHERE is_active = 1")});
    insert.row({QStringLiteral("GetAppointmentsForDay"),
                QStringLiteral("SELECT a.id, a.start_time, a.duration_min, a.status, a.reason, "
                               "p.first_name || ' ' || p.surname AS patient, "
                               "pr.title || ' ' || pr.surname AS practitioner "
                               "FROM appointments a JOIN patients p ON p.id = a.patient_id "
                               "JOIN practitioners pr ON pr.id = a.practitioner_id "
                               "WHERE substr(a.start_time, 1, 10) = @day "
                               "ORDER BY a.start_time, a.id")});
    // Shows the output-parameter convention: the column named like @balance fills it.
    insert.row({QStringLiteral("GetPatientBalance"),
                QStringLiteral("SELECT balance FROM patients WHERE id = @patientId")});
}

void Filler::drugs()
{
    struct Drug {
        const char *name;
        const char *strengths[2];
        const char *form;
    };
    static const Drug list[] = {
        {"Amoxicillin", {"250 mg", "500 mg"}, "capsule"},
        {"Paracetamol", {"500 mg", "665 mg"}, "tablet"},
        {"Ibuprofen", {"200 mg", "400 mg"}, "tablet"},
        {"Atorvastatin", {"20 mg", "40 mg"}, "tablet"},
        {"Metformin", {"500 mg", "1 g"}, "tablet"},
        {"Salbutamol", {"100 microgram/dose", "5 mg/2.5 mL"}, "inhaler"},
        {"Cephalexin", {"250 mg", "500 mg"}, "capsule"},
        {"Amlodipine", {"5 mg", "10 mg"}, "tablet"},
        {"Perindopril", {"5 mg", "10 mg"}, "tablet"},
        {"Sertraline", {"50 mg", "100 mg"}, "tablet"},
        {"Pantoprazole", {"20 mg", "40 mg"}, "enteric tablet"},
        {"Prednisolone", {"5 mg", "25 mg"}, "tablet"},
        {"Doxycycline", {"50 mg", "100 mg"}, "tablet"},
        {"Levothyroxine", {"50 microgram", "100 microgram"}, "tablet"},
        {"Rosuvastatin", {"10 mg", "20 mg"}, "tablet"},
        {"Esomeprazole", {"20 mg", "40 mg"}, "enteric capsule"},
        {"Fluticasone + salmeterol", {"125/25 microgram", "250/25 microgram"}, "inhaler"},
        {"Candesartan", {"8 mg", "16 mg"}, "tablet"},
        {"Escitalopram", {"10 mg", "20 mg"}, "tablet"},
        {"Trimethoprim", {"150 mg", "300 mg"}, "tablet"},
        {"Metoprolol", {"50 mg", "100 mg"}, "tablet"},
        {"Warfarin", {"1 mg", "5 mg"}, "tablet"},
        {"Hydrocortisone", {"0.5%", "1%"}, "cream"},
        {"Mometasone", {"0.1%", "50 microgram/spray"}, "ointment"},
        {"Ondansetron", {"4 mg", "8 mg"}, "wafer"},
    };
    run(QStringLiteral("CREATE TABLE drugs(id INTEGER PRIMARY KEY, name TEXT, strength TEXT, "
                       "form TEXT)"));
    Inserter insert(this, QStringLiteral("drugs"));
    int id = 0;
    for (const Drug &drug : list) {
        for (const char *strength : drug.strengths)
            insert.row({++id, utf8(drug.name), utf8(strength), utf8(drug.form)});
    }
}

void Filler::auditLog()
{
    static const char *const users[] = {"reception", "dr.chen", "nurse.kelly", "admin"};
    run(QStringLiteral("CREATE TABLE audit_log(id INTEGER PRIMARY KEY, at TEXT, action TEXT)"));
    Inserter insert(this, QStringLiteral("audit_log"));
    QDate day(2026, 9, 1);
    for (int id = 1; id <= 200; ++id) {
        day = day.addDays(dice.chance(30) ? 1 : 0);
        const QString user = utf8(dice.pick(users));
        QString action;
        switch (dice.below(4)) {
        case 0:
            action = QStringLiteral("Login: %1").arg(user);
            break;
        case 1:
            action = QStringLiteral("Patient %1 record opened by %2")
                         .arg(dice.between(1, kPatients))
                         .arg(user);
            break;
        case 2:
            action = QStringLiteral("Invoice %1 printed").arg(dice.between(10000, 99999));
            break;
        default:
            action = QStringLiteral("Logout: %1").arg(user);
            break;
        }
        insert.row({id, workingTime(dice, day), action});
    }
}

void Filler::genericNotes()
{
    run(QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)"));
    Inserter insert(this, QStringLiteral("notes"));
    for (int id = 1; id <= 10; ++id)
        insert.row({id, utf8(kNotes[id - 1])});
}

bool fill(QSqlDatabase db, const SampleSite &site, const QString &catalogue, int index)
{
    Filler filler{db, site, Dice(site.dataSeed + quint32(index) * 1000003u), QString()};
    if (!db.transaction())
        return false;
    if (catalogue == site.defaultCatalogue()) {
        filler.fillDefault(catalogue);
    } else if (catalogue == QLatin1String("BPSSamples")) {
        filler.catalogueInfo(catalogue, QStringLiteral("Sample drug list (synthetic)"));
        filler.drugs();
    } else if (catalogue == QLatin1String("ZEDMED_AUDIT")) {
        filler.catalogueInfo(catalogue, QStringLiteral("Audit trail (synthetic)"));
        filler.auditLog();
    } else {
        filler.catalogueInfo(catalogue, QStringLiteral("Miscellaneous notes (synthetic)"));
        filler.genericNotes();
    }
    if (!filler.error.isEmpty()) {
        qWarning("halo-sandbox: filling %s/%s failed: %s", qPrintable(site.guid),
                 qPrintable(catalogue), qPrintable(filler.error));
        db.rollback();
        return false;
    }
    return db.commit();
}

} // namespace

QSqlDatabase SampleDatabase::open(const SampleSite &site, const QString &catalogue)
{
    const QString wanted = catalogue.isEmpty() ? site.defaultCatalogue() : catalogue;
    int index = -1;
    for (int i = 0; i < site.catalogues.size(); ++i) {
        if (site.catalogues.at(i).name.compare(wanted, Qt::CaseInsensitive) == 0)
            index = i;
    }
    if (index < 0)
        return QSqlDatabase();
    const QString name = site.catalogues.at(index).name;
    const QString connection = connectionName(site, name);
    if (QSqlDatabase::contains(connection)) {
        QSqlDatabase existing = QSqlDatabase::database(connection, false);
        if (existing.isOpen())
            return existing;
        // Closed by someone: reopening ":memory:" would give an empty database, so start over.
        existing = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
        threadConnections().removeAll(connection);
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(QStringLiteral(":memory:"));
    if (!db.open() || !fill(db, site, name, index)) {
        qWarning("halo-sandbox: could not prepare the sample database %s: %s",
                 qPrintable(connection), qPrintable(db.lastError().text()));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
        return QSqlDatabase();
    }
    threadConnections().append(connection);
    return db;
}

void SampleDatabase::closeAll()
{
    QStringList &names = threadConnections();
    for (const QString &name : std::as_const(names)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    names.clear();
}

} // namespace Sandbox
