// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What fills a sample database (SampleDatabase.cpp): deterministic dice, the synthetic values
// made with them, and the Filler whose parts write the tables. Internal to the sandbox.
#include "SampleSites.h"

#include <QDate>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringView>
#include <QVariant>

namespace Sandbox::detail {

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

inline QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

QString isoDate(const QDate &date);
QString isoDateTime(const QDate &date, int hour, int minute, int second);
// A moment between 07:00 and 18:59 on `day`, one draw per statement.
QString workingTime(Dice &dice, const QDate &day);
QDate randomDate(Dice &dice, const QDate &from, const QDate &to);

// Whole cents held in a REAL: the nearest double to the two-decimal value.
inline double cents(int amount)
{
    return amount / 100.0;
}

inline QVariant orNull(bool present, const QVariant &value)
{
    return present ? value : QVariant();
}

// Synthetic Australian identifiers (check digits valid, numbers invented).
QString medicareNumber(Dice &dice);
QString individualHealthcareIdentifier(Dice &dice);
QString dvaNumber(Dice &dice);
QString providerNumber(Dice &dice);
QString australianBusinessNumber(Dice &dice);
QString mobileNumber(Dice &dice);
// "Zoë O'Brien" -> "zoe", "obrien": for e-mail addresses.
QString asciiLetters(const QString &text);

inline constexpr int kPatients = 2000;
inline constexpr int kPractitioners = 25;
inline constexpr int kAppointments = 5000;
inline constexpr int kAllergies = 800;
// Appointments before this day are in the past; fixed so every run is the same.
inline const QDate kToday(2026, 11, 1);

// Writes one catalogue's tables. Its parts are grouped by what they write: SampleSchema.cpp
// (tables and stored procedures), SamplePeople.cpp, SamplePatientRecords.cpp,
// SampleOtherCatalogues.cpp, and SampleInserter.cpp for the SQL text of rows.
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

    void catalogueInfo(const QString &name, const QString &description);

    void fillDefault(const QString &catalogue);
    void practice();
    void practitioners();
    void patients();
    QVariantList richPatient();
    QVariantList patient(int id);
    void appointments();
    void allergies();
    void bestPracticeViews();
    void storedProcedures();
    void drugs();
    void auditLog();
    void genericNotes();
};

} // namespace Sandbox::detail
