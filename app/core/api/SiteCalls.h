// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "net/ApiCall.h"
#include "sites/SiteInfo.h"

namespace Halo {

// GET /integrator/sites?practiceManagementSiteId=&practiceManagementName= -> {sites: [Site]}
class FindSitesCall : public ApiCall
{
    Q_OBJECT
public:
    FindSitesCall(const QString &pmsId, const QString &pmsName);
    QList<SiteInfo> sites() const { return m_sites; } // may be empty: Halo knows no such site

protected:
    ApiError readAnswer(const QByteArray &body) override;

private:
    QList<SiteInfo> m_sites;
};

// GET /integrator/sites/{guid} -> Site
class SiteStatusCall : public ApiCall
{
    Q_OBJECT
public:
    explicit SiteStatusCall(const QString &guid);
    SiteInfo site() const { return m_site; }

protected:
    ApiError readAnswer(const QByteArray &body) override;

private:
    SiteInfo m_site;
};

// POST /integrator/pair-site?practiceManagementSiteId=&practiceManagementName=&pairingCode=
// -> the Site now paired (REFERENCE §3.3). The code is for Best Practice only; empty: not sent.
class PairSiteCall : public ApiCall
{
    Q_OBJECT
public:
    PairSiteCall(const QString &pmsId, const QString &pmsName, const QString &pairingCode);
    SiteInfo site() const { return m_site; }

protected:
    ApiError readAnswer(const QByteArray &body) override;

private:
    SiteInfo m_site;
};

} // namespace Halo
