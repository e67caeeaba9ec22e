// SPDX-License-Identifier: GPL-3.0-or-later
#include "fhir/FhirNavigation.h"

#include <utility>

namespace Halo {

void FhirNavigation::visit(const Visit &visit)
{
    // A new visit from the middle of the history forgets the way forward, as in a browser.
    while (m_visits.size() > m_current + 1)
        m_visits.removeLast();
    m_visits.append(visit);
    while (m_visits.size() > kMaxVisits)
        m_visits.removeFirst();
    m_current = static_cast<int>(m_visits.size()) - 1;
    limitMemory();
}

void FhirNavigation::replaceCurrent(const Visit &visit)
{
    if (m_current < 0) {
        this->visit(visit);
        return;
    }
    m_visits[m_current] = visit;
    limitMemory();
}

// The current answer is always kept; the others go oldest first until the rest fits.
void FhirNavigation::limitMemory()
{
    qint64 total = 0;
    for (const Visit &each : std::as_const(m_visits))
        total += each.body.size();
    for (int i = 0; i < m_visits.size() && total > m_maxBodyBytes; ++i) {
        Visit &each = m_visits[i];
        if (i == m_current || each.body.isEmpty())
            continue;
        total -= each.body.size();
        each.body.clear();
        each.body.squeeze();
        each.bodyDropped = true;
    }
}

void FhirNavigation::clear()
{
    m_visits.clear();
    m_current = -1;
}

const FhirNavigation::Visit *FhirNavigation::back()
{
    if (!canGoBack())
        return nullptr;
    --m_current;
    return &m_visits.at(m_current);
}

const FhirNavigation::Visit *FhirNavigation::forward()
{
    if (!canGoForward())
        return nullptr;
    ++m_current;
    return &m_visits.at(m_current);
}

const FhirNavigation::Visit *FhirNavigation::current() const
{
    return m_current >= 0 ? &m_visits.at(m_current) : nullptr;
}

} // namespace Halo
