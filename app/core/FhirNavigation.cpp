#include "FhirNavigation.h"

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
}

void FhirNavigation::replaceCurrent(const Visit &visit)
{
    if (m_current < 0) {
        this->visit(visit);
        return;
    }
    m_visits[m_current] = visit;
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
