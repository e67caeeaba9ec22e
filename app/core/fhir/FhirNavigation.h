// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Halo {

// Where the FHIR tab has been, like a browser's history: each visit keeps what was asked (for
// the title and to ask again) and, in memory only, the answer, so Back and Forward show it
// again without a request. Nothing here is ever written to disk: answers hold patient data.
// Answers are kept up to a total size; past it the oldest are let go (bodyDropped) and asked
// for again when the user goes back to them.
class FhirNavigation
{
public:
    struct Visit {
        QString title;     // "Patient?family=Smith", "Page 2", "Practitioner/1"
        QString line;      // the query line to show while this visit is current
        QString url;       // what was requested (relative or absolute), for Refresh
        bool post = false; // sent as POST _search
        int page = 1;      // of a search: 1 for the first page, +1 per Next
        int httpStatus = 0;
        QByteArray body;          // the answer as received
        bool bodyDropped = false; // let go to keep memory bounded: ask again to show it
    };

    static constexpr int kMaxVisits = 50;                       // the oldest are dropped
    static constexpr qint64 kMaxBodyBytes = 64ll * 1024 * 1024; // answers kept, all visits
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    // Becomes the current visit; anything forward of the current one is dropped.
    void visit(const Visit &visit);
    // Replace the current visit's answer (a refresh), keeping its place.
    void replaceCurrent(const Visit &visit);
    void clear();

    bool canGoBack() const { return m_current > 0; }
    bool canGoForward() const { return m_current >= 0 && m_current + 1 < m_visits.size(); }
    const Visit *back(); // moves and returns the new current visit, nullptr if impossible
    const Visit *forward();
    const Visit *current() const;
    int currentIndex() const { return m_current; }
    const QList<Visit> &visits() const { return m_visits; }

private:
    void limitMemory();

    QList<Visit> m_visits;
    qint64 m_maxBodyBytes = kMaxBodyBytes;
    int m_current = -1;
};

} // namespace Halo
